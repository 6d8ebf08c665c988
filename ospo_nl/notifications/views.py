"""Notifications page, settings, the following page, one-click unsubscribe and the expert ranking."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ospo_nl.core import languages
from ospo_nl.core.models import Follow
from ospo_nl.notifications.forms import NotificationSettingsForm
from ospo_nl.notifications.mail import user_for_unsubscribe_token
from ospo_nl.notifications.models import Notification, NotificationSettings
from ospo_nl.notifications.verbs import mark_all_read, mark_read, unread_count, unsubscribe_from_email

PER_PAGE = 25


def _safe_next(request, fallback):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


@require_safe
@login_required
def notification_list(request):
    page = Paginator(Notification.objects.for_inbox(request.user), PER_PAGE).get_page(request.GET.get("pagina"))
    return render(request, "notifications/list.html", {"page_obj": page, "unread": unread_count(request.user)})


@require_POST
@login_required
def notification_read(request, pk):
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    mark_read(user=request.user, notification=notification)
    return redirect(_safe_next(request, "notifications:list"))


@require_POST
@login_required
def notification_open(request, pk):
    """Mark read and go to what the notification is about."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    mark_read(user=request.user, notification=notification)
    if url_has_allowed_host_and_scheme(notification.url, allowed_hosts={request.get_host()}):
        return redirect(languages.localized(notification.url))
    return redirect("notifications:list")


@require_POST
@login_required
def notification_read_all(request):
    count = mark_all_read(user=request.user)
    messages.success(request, _("%(count)d meldingen gemarkeerd als gelezen.") % {"count": count})
    return redirect(_safe_next(request, "notifications:list"))


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def notification_settings(request):
    instance = NotificationSettings.for_user(request.user)
    form = NotificationSettingsForm(request.POST or None, instance=instance, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("Je instellingen zijn opgeslagen."))
            return redirect("notifications:settings")
        return render(request, "notifications/settings.html", {"form": form}, status=400)
    return render(request, "notifications/settings.html", {"form": form})


def _following_groups(user, follows):
    """Follows grouped by kind of target, each with a label and link taken from the target itself."""
    groups = {}
    for follow in follows:
        target = follow.target
        visible = target is not None and getattr(target, "is_visible_to", lambda u: True)(user)
        model = follow.content_type.model_class()
        title = model._meta.verbose_name_plural if model else follow.content_type.model
        get_url = getattr(target, "get_absolute_url", None) if visible else None
        groups.setdefault(follow.content_type_id, {"title": title, "items": []})["items"].append({
            "follow": follow,
            "label": str(target) if visible else None,
            "url": get_url() if get_url else "",
        })
    return list(groups.values())


@require_safe
@login_required
def following_list(request):
    follows = Follow.objects.for_following_page(request.user)
    return render(request, "notifications/following.html", {"groups": _following_groups(request.user, follows)})


@require_POST
@login_required
def following_remove(request, pk):
    follow = get_object_or_404(Follow, pk=pk, user=request.user)
    follow.delete()
    messages.success(request, _("Je volgt dit niet meer."))
    return redirect(_safe_next(request, "notifications:following"))


# Mail clients send the RFC 8058 one-click POST without a CSRF token; the signed token is the
# authentication here, and the only thing it can do is switch that user's e-mail off.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    try:
        user = user_for_unsubscribe_token(token)
    except signing.BadSignature:
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    if request.method == "POST":
        unsubscribe_from_email(user=user)
        return render(request, "notifications/unsubscribed.html")
    return render(request, "notifications/unsubscribe.html", {"token": token})
