"""Every change to events, registrations and signals. Keyword-only arguments, one transaction each, the row
locked, the permission checked inside the lock.

The waiting list's invariant: while an event has a free place, nobody waits for it. Registering, unregistering,
editing the capacity and deleting an account all lock the event row first and refill its places in the same
transaction, so two members registering for the last place at the same moment get the place and the first
place on the waiting list, never two places.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ospo_nl.core import content_cache
from ospo_nl.core.slugs import free_slug
from ospo_nl.notifications.models import Notification
from ospo_nl.notifications.verbs import notify

from . import permissions
from .models import Event, EventLink, Registration, Signal

# Event slugs share /bijeenkomsten/<slug>/ with these fixed pages; signal slugs /signalen/<slug>/.
RESERVED_EVENT_SLUGS = {"archief", "nieuw", "feed", "agenda"}
RESERVED_SIGNAL_SLUGS = {"delen", "feed"}
EVENT_FIELDS = ("title", "kind", "subject", "starts_at", "ends_at", "location", "online_url", "agenda", "organiser",
                "capacity", "registration_open", "registration_url", "is_published")
SIGNAL_FIELDS = ("kind", "title", "url", "source", "commentary")


def _locked_event(event):
    return Event.objects.select_for_update().get(pk=event.pk)


def _fill_places(event):
    """Move the longest-waiting members up into the free places of `event` (locked by the caller); tell them."""
    waiting = event.registrations.filter(status=Registration.Status.WAITING).order_by("created_at", "pk")
    if event.capacity is not None:
        confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
        free = max(0, event.capacity - confirmed)
        if not free:
            return []
        waiting = waiting[:free]
    promoted = list(waiting.select_related("user__profile"))
    if not promoted:
        return []
    Registration.objects.filter(pk__in=[r.pk for r in promoted]).update(
        status=Registration.Status.CONFIRMED, promoted_at=timezone.now()
    )
    content_cache.changed("network")  # update() sends no signal
    notify([r.user for r in promoted], event=Notification.Event.WAITLIST, target=event, title=event.title,
           url=event.get_absolute_url())
    return promoted


def create_event(*, by, **fields):
    permissions.check_manage_events(by)
    if set(fields) - set(EVENT_FIELDS):
        raise ValueError(f"not an event field: {set(fields) - set(EVENT_FIELDS)}")
    with transaction.atomic():
        title = fields["title"]
        day = timezone.localtime(fields["starts_at"]).date().isoformat()
        event = Event(**fields, created_by=by,
                      slug=free_slug(Event, f"{title} {day}", fallback="bijeenkomst", reserved=RESERVED_EVENT_SLUGS,
                                     max_length=200))
        event.full_clean(exclude=["slug"])
        event.save()
    return event


def edit_event(*, event, by, changes):
    """Change an event; a new time or place makes subscribed calendars update it; a bigger capacity (or none)
    moves members up from the waiting list."""
    if set(changes) - set(EVENT_FIELDS):
        raise ValueError(f"not an event field: {set(changes) - set(EVENT_FIELDS)}")
    with transaction.atomic():
        event = _locked_event(event)
        permissions.check_edit_event(by, event)
        changed = [name for name, value in changes.items() if getattr(event, name) != value]
        for name, value in changes.items():
            setattr(event, name, value)
        event.full_clean(exclude=["slug"])
        event.save()
        return event_changed(event=event, changed=changed)


def event_changed(*, event, changed):
    """What follows a change of `event` (`changed`: the names of the fields that changed), made by `edit_event`
    or in Django admin: a new time or place makes subscribed calendars update it (its sequence), a bigger
    capacity (or none) moves members up from the waiting list."""
    with transaction.atomic():
        event = _locked_event(event)
        if set(changed) & set(Event.calendar_fields):
            Event.objects.filter(pk=event.pk).update(sequence=F("sequence") + 1)
            event.refresh_from_db(fields=["sequence"])
        _fill_places(event)
    return event


def register_for_event(*, event, by):
    """A place for `by`, or a place on the waiting list when the event is full. Registering twice changes nothing."""
    with transaction.atomic():
        event = _locked_event(event)
        permissions.check_register_event(by, event)
        existing = Registration.objects.filter(event=event, user=by).first()
        if existing is not None:
            return existing
        full = event.capacity is not None and (
            event.registrations.filter(status=Registration.Status.CONFIRMED).count() >= event.capacity
        )
        status = Registration.Status.WAITING if full else Registration.Status.CONFIRMED
        return Registration.objects.create(event=event, user=by, status=status)


def _withdraw(event, user):
    """Remove `user`'s registration from `event` (locked by the caller) and refill the place it leaves."""
    registration = Registration.objects.filter(event=event, user=user).first()
    if registration is None:
        return None, []
    registration.delete()
    promoted = _fill_places(event) if registration.status == Registration.Status.CONFIRMED else []
    return registration, promoted


def unregister_from_event(*, event, by):
    """Give up a place (or a place on the waiting list); the member waiting longest gets the place and is told."""
    with transaction.atomic():
        event = _locked_event(event)
        permissions.check_unregister_event(by, event)
        return _withdraw(event, by)


def withdraw_all_registrations(*, user):
    """Before an account goes (inside the account deletion, which checked it is their own): give up its places
    at events still to come, so the waiting list moves up."""
    now = timezone.now()
    event_ids = list(Registration.objects.filter(user=user, event__starts_at__gt=now)
                     .order_by("event_id").values_list("event_id", flat=True))
    for event in Event.objects.select_for_update().filter(pk__in=event_ids).order_by("pk"):
        _withdraw(event, user)


def write_report(*, event, by, report, targets=()):
    """The report after a meeting, with the casussen and articles it discussed (`targets`: model instances)."""
    with transaction.atomic():
        event = _locked_event(event)
        permissions.check_write_report(by, event)
        event.report = report
        event.save(update_fields=["report", "report_html", "updated_at"])
        event.links.all().delete()
        EventLink.objects.bulk_create(
            EventLink(event=event, content_type=ContentType.objects.get_for_model(target), object_id=target.pk,
                      position=position)
            for position, target in enumerate(dict.fromkeys(targets))
        )
    return event


def share_signal(*, by, kind, title, url, source, commentary, tags=()):
    permissions.check_share_signal(by)
    with transaction.atomic():
        signal = Signal(kind=kind, title=title, url=url, source=source, commentary=commentary, shared_by=by,
                        slug=free_slug(Signal, title, fallback="signaal", reserved=RESERVED_SIGNAL_SLUGS,
                                       max_length=200))
        signal.full_clean(exclude=["slug"])
        signal.save()
        tags = list(tags)
        if tags:
            signal.tags.set(tags)
    return signal


def edit_signal(*, signal, by, changes, tags=None):
    if set(changes) - set(SIGNAL_FIELDS):
        raise ValueError(f"not a signal field: {set(changes) - set(SIGNAL_FIELDS)}")
    with transaction.atomic():
        signal = Signal.objects.select_for_update().get(pk=signal.pk)
        permissions.check_edit_signal(by, signal)
        for name, value in changes.items():
            setattr(signal, name, value)
        signal.full_clean(exclude=["slug"])
        signal.save()
        if tags is not None:
            signal.tags.set(list(tags))
    return signal


def delete_signal(*, signal, by):
    """Soft delete: gone from the site, the feeds and search, but kept (a digest may have named it)."""
    with transaction.atomic():
        signal = Signal.objects.select_for_update().get(pk=signal.pk)
        permissions.check_edit_signal(by, signal)
        if signal.is_deleted:
            raise PermissionDenied(_("Dit signaal is al verwijderd."))
        signal.deleted_at, signal.deleted_by = timezone.now(), by
        signal.save(update_fields=["deleted_at", "deleted_by", "updated_at"])
    return signal
