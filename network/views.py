from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from taggit.models import Tag

from ospo_nl.core.pagination import CappedPaginator, page_or_404
from ospo_nl.core.roles import is_curator, is_member
from ospo_nl.core.spreadsheets import csv_response

from . import ical, permissions, verbs
from .forms import EventForm, ReportForm, SignalForm
from .models import Event, Registration, Signal
from .structured_data import event_json_ld

PAGE_SIZE = 20
CALENDAR_PAST_DAYS = 365  # the subscribable calendar keeps a year of past meetings


def _event_or_404(request, slug, queryset=None):
    """The event if `request.user` may see it (drafts: curators only); outsiders get 404."""
    return get_object_or_404((Event.objects if queryset is None else queryset).visible_to(request.user), slug=slug)


def _can(check, *args):
    try:
        check(*args)
    except (PermissionDenied, Http404):
        return False
    return True


def _my_registrations(user, events):
    """{event id: registration} of `user` for `events`: one query, none for a visitor."""
    if not is_member(user) or not events:
        return {}
    rows = Registration.objects.filter(user=user, event__in=[e.pk for e in events])
    return {r.event_id: r for r in rows}


# Events: lists ---------------------------------------------------------------------------------------

def _render_event_list(request, events, *, heading, intro, past):
    page = page_or_404(CappedPaginator(events.with_counts(), PAGE_SIZE), request.GET.get("pagina"))
    mine = _my_registrations(request.user, page.object_list)
    for event in page.object_list:
        event.my_registration = mine.get(event.pk)
    return render(request, "network/event_list.html", {
        "heading": heading, "intro": intro, "page": page, "past": past,
        "can_manage": _can(permissions.check_manage_events, request.user),
    })


@require_safe
def event_list(request):
    return _render_event_list(
        request, Event.objects.visible_to(request.user).upcoming(), heading=_("Bijeenkomsten"), past=False,
        intro=_("Vier keer per jaar komt het kennisnetwerk bij elkaar rond één onderwerp. Daarnaast is het netwerk "
                "aanwezig op evenementen van partners."),
    )


@require_safe
def event_archive(request):
    return _render_event_list(
        request, Event.objects.visible_to(request.user).past(), heading=_("Eerdere bijeenkomsten"), past=True,
        intro=_("Wat het netwerk besprak, met de verslagen en de casussen en artikelen die aan bod kwamen."),
    )


# Events: one event -----------------------------------------------------------------------------------

def _visible_links(event, user):
    """The casussen and articles the report links to that `user` may see (one query per kind of target)."""
    links = list(event.links.prefetch_related("target"))
    return [
        link.target for link in links
        if link.target is not None and getattr(link.target, "is_visible_to", lambda u: False)(user)
    ]


@require_safe
def event_detail(request, slug):
    user = request.user
    event = _event_or_404(request, slug, Event.objects.with_counts())
    registration = _my_registrations(user, [event]).get(event.pk)
    position = None
    if registration is not None and registration.status == Registration.Status.WAITING:
        position = event.registrations.filter(status=Registration.Status.WAITING).filter(
            Q(created_at__lt=registration.created_at) | Q(created_at=registration.created_at, pk__lte=registration.pk)
        ).count()
    confirmed = registration is not None and registration.status == Registration.Status.CONFIRMED
    return render(request, "network/event_detail.html", {
        "event": event, "registration": registration, "waiting_position": position,
        "places_left": None if event.capacity is None else max(0, event.capacity - event.confirmed_count),
        "show_online_link": bool(event.online_url) and (ical.online_link_is_public(event) or confirmed
                                                         or is_curator(user)),
        "links": _visible_links(event, user) if event.report_html else [],
        "json_ld": event_json_ld(event, confirmed_count=event.confirmed_count),
        "can_register": registration is None and _can(permissions.check_register_event, user, event),
        "can_unregister": registration is not None and _can(permissions.check_unregister_event, user, event),
        "can_edit": _can(permissions.check_edit_event, user, event),
        "can_view_attendees": _can(permissions.check_view_attendees, user, event),
        "can_write_report": _can(permissions.check_write_report, user, event),
        "registration_ended": event.has_started(),
    })


@require_safe
def event_ical(request, slug):
    """One event as a file to add to a calendar; public events only (the file is what a visitor may see)."""
    event = get_object_or_404(Event.objects.published(), slug=slug)
    response = HttpResponse(ical.calendar_file([event], name=event.title), content_type=ical.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


@require_safe
def calendar_feed(request):
    """The calendar to subscribe to: every published event to come, and those of the past year."""
    since = timezone.now() - timedelta(days=CALENDAR_PAST_DAYS)
    events = Event.objects.published().filter(ends_at__gte=since).order_by("starts_at", "pk")
    response = HttpResponse(ical.calendar_file(events, name=_("OSPO-NL bijeenkomsten")),
                            content_type=ical.CONTENT_TYPE)
    response["Content-Disposition"] = 'inline; filename="ospo-nl-bijeenkomsten.ics"'
    return response


@require_POST
@login_required
def register(request, slug):
    event = _event_or_404(request, slug)
    registration = verbs.register_for_event(event=event, by=request.user)
    if registration.status == Registration.Status.WAITING:
        messages.success(request, _("De bijeenkomst is vol: je staat op de wachtlijst. Komt er een plek vrij, dan "
                                    "krijg je hem en hoor je het."))
    else:
        messages.success(request, _("Je bent aangemeld. Zet de bijeenkomst in je agenda met het iCal-bestand."))
    return redirect(event)


@require_POST
@login_required
def unregister(request, slug):
    event = _event_or_404(request, slug)
    registration, _promoted = verbs.unregister_from_event(event=event, by=request.user)
    if registration is None:
        messages.info(request, _("Je was niet aangemeld."))
    else:
        messages.success(request, _("Je bent afgemeld."))
    return redirect(event)


def _attendees(event):
    return list(event.registrations.select_related("user__profile__organisation").order_by("status", "created_at",
                                                                                            "pk"))


@require_safe
@login_required
def attendees(request, slug):
    event = _event_or_404(request, slug, Event.objects.with_counts())
    permissions.check_view_attendees(request.user, event)
    rows = _attendees(event)
    return render(request, "network/attendees.html", {
        "event": event,
        "confirmed": [r for r in rows if r.status == Registration.Status.CONFIRMED],
        "waiting": [r for r in rows if r.status == Registration.Status.WAITING],
    })


@require_safe
@login_required
def attendees_csv(request, slug):
    event = _event_or_404(request, slug)
    permissions.check_view_attendees(request.user, event)
    response, writer = csv_response(f"deelnemers-{event.slug}.csv")
    writer.writerow([_("naam"), _("e-mail"), _("organisatie"), _("status"), _("aangemeld op"),
                     _("van de wachtlijst op")])
    for row in _attendees(event):
        profile = getattr(row.user, "profile", None)
        organisation = profile.organisation.name if profile and profile.organisation else ""
        writer.writerow([
            profile.name if profile else row.user.pk, row.user.email, organisation, row.get_status_display(),
            timezone.localtime(row.created_at).strftime("%Y-%m-%d %H:%M"),
            timezone.localtime(row.promoted_at).strftime("%Y-%m-%d %H:%M") if row.promoted_at else "",
        ])
    return response


# Events: planning (curators) -------------------------------------------------------------------------

def _event_form_page(request, form, *, event=None, status=200):
    return render(request, "network/event_form.html", {"form": form, "event": event}, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def event_create(request):
    permissions.check_manage_events(request.user)
    form = EventForm(request.POST or None)
    if request.method == "POST":
        if not form.is_valid():
            return _event_form_page(request, form, status=400)
        event = verbs.create_event(by=request.user, **{name: form.cleaned_data[name] for name in verbs.EVENT_FIELDS})
        messages.success(request, _("De bijeenkomst is opgeslagen."))
        return redirect(event)
    return _event_form_page(request, form)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def event_edit(request, slug):
    event = _event_or_404(request, slug)
    permissions.check_edit_event(request.user, event)
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST":
        if not form.is_valid():
            return _event_form_page(request, form, event=event, status=400)
        event.refresh_from_db()  # the form wrote its values onto `event`; the verb compares with the stored row
        verbs.edit_event(event=event, by=request.user,
                         changes={name: form.cleaned_data[name] for name in verbs.EVENT_FIELDS})
        messages.success(request, _("Je wijzigingen zijn opgeslagen."))
        return redirect(event)
    return _event_form_page(request, form, event=event)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def report_edit(request, slug):
    event = _event_or_404(request, slug)
    permissions.check_write_report(request.user, event)
    if request.method == "POST":
        form = ReportForm(request.POST)
        if form.is_valid():
            verbs.write_report(event=event, by=request.user, report=form.cleaned_data["report"],
                               targets=form.cleaned_data["links"])
            messages.success(request, _("Het verslag is opgeslagen."))
            return redirect(event)
        return render(request, "network/report_form.html", {"form": form, "event": event}, status=400)
    links = [link.target.get_absolute_url() for link in event.links.prefetch_related("target") if link.target]
    form = ReportForm(initial={"report": event.report, "links": "\n".join(links)})
    return render(request, "network/report_form.html", {"form": form, "event": event})


# Signals ---------------------------------------------------------------------------------------------

@require_safe
def signal_list(request):
    signals = Signal.objects.alive().for_list()
    tag = None
    if request.GET.get("tag"):
        tag = get_object_or_404(Tag, slug=request.GET["tag"])
        signals = signals.filter(tags=tag)
    page = page_or_404(CappedPaginator(signals, PAGE_SIZE), request.GET.get("pagina"))
    return render(request, "network/signal_list.html", {
        "page": page, "tag": tag, "can_share": _can(permissions.check_share_signal, request.user),
    })


@require_safe
def signal_detail(request, slug):
    signal = get_object_or_404(Signal.objects.alive().for_list(), slug=slug)
    return render(request, "network/signal_detail.html", {
        "signal": signal, "can_edit": _can(permissions.check_edit_signal, request.user, signal),
    })


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def signal_create(request):
    permissions.check_share_signal(request.user)
    form = SignalForm(request.POST or None)
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "network/signal_form.html", {"form": form}, status=400)
        data = form.cleaned_data
        signal = verbs.share_signal(by=request.user, tags=data["tag_string"],
                                    **{name: data[name] for name in verbs.SIGNAL_FIELDS})
        messages.success(request, _("Het signaal is gedeeld."))
        return redirect(signal)
    return render(request, "network/signal_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def signal_edit(request, slug):
    signal = get_object_or_404(Signal.objects.alive(), slug=slug)
    permissions.check_edit_signal(request.user, signal)
    form = SignalForm(request.POST or None, instance=signal)
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "network/signal_form.html", {"form": form, "signal": signal}, status=400)
        data = form.cleaned_data
        signal.refresh_from_db()
        verbs.edit_signal(signal=signal, by=request.user, tags=data["tag_string"],
                          changes={name: data[name] for name in verbs.SIGNAL_FIELDS})
        messages.success(request, _("Je wijzigingen zijn opgeslagen."))
        return redirect(signal)
    return render(request, "network/signal_form.html", {"form": form, "signal": signal})


@require_POST
@login_required
def signal_delete(request, slug):
    signal = get_object_or_404(Signal.objects.alive(), slug=slug)
    verbs.delete_signal(signal=signal, by=request.user)
    messages.success(request, _("Het signaal is verwijderd."))
    return redirect("network:signal_list")
