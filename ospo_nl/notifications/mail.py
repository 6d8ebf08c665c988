"""E-mail for notifications: per event, as a daily or weekly digest, and the unsubscribe link.

Every mail is rendered in its recipient's language and carries a signed one-click unsubscribe
link plus List-Unsubscribe / List-Unsubscribe-Post headers (RFC 8058). A failing mail server is
logged and leaves the notifications unmailed for the next run; it never raises to the caller, so a
request that notified someone always succeeds.

At most once per notification (and so per recipient: a notification has one): before a mail goes out,
its notifications are claimed (`mail_claimed_at`) in a transaction of its own that commits first. Only
then is the mail sent, and afterwards `emailed_at` recorded. A send that fails outright gives the claim
back, so the retry tries again. A crash, or a database that goes away, between the send and that record
leaves the claim standing: the retry and the digests skip claimed notifications, so the member may miss
a mail (the notification stays in their in-app list) but never gets one twice. We prefer that to the
reverse: a duplicate cannot be taken back, a missed mail is still on the site.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Q, prefetch_related_objects
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from ospo_nl.core import languages
from ospo_nl.notifications.models import DigestRun, Notification, NotificationSettings

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "ospo_nl.notifications.unsubscribe"  # unchanged since the move: links in sent mail keep working
Mode = NotificationSettings.EmailMode
# How far back a digest (or a retry run) looks for unmailed, unread notifications: wide enough to
# cover a mail server that is down for days; anything older stays in the in-app list only.
WINDOWS = {"immediate": timedelta(days=2), "daily": timedelta(days=7), "weekly": timedelta(days=21)}
DIGEST_MAX_ITEMS = 50
# What a digest tells besides the recipient's notifications (a part's news, e.g. the network's signals): what was
# shared within one period before the run, so a daily run at a fixed hour names each item once.
PERIOD_SPANS = {"daily": timedelta(days=1), "weekly": timedelta(days=7)}


@dataclass(frozen=True)
class DigestPart:
    """What a feature app adds to every digest, registered from its AppConfig.ready() (the notifications layer
    imports no feature app).

    `items(user, since=, until=)` -> {"title", "items": [{"label", "url"}]} with only what `user` may see (one
    query); `any_new(since=, until=)` -> whether there is anything at all, so members without notifications
    get a digest too when there is news (one query).
    """

    items: object
    any_new: object


DIGEST_PARTS = []


def register_digest_part(*, items, any_new):
    part = DigestPart(items, any_new)
    if part not in DIGEST_PARTS:
        DIGEST_PARTS.append(part)
    return part


def _span(period, now):
    return now - PERIOD_SPANS[period], now


def digest_extras(user, period, now):
    """The registered parts' sections for `user`'s digest, those with items only."""
    since, until = _span(period, now)
    sections = [part.items(user, since=since, until=until) for part in DIGEST_PARTS]
    return [section for section in sections if section and section["items"]]


# Unsubscribe tokens -----------------------------------------------------------------------------

def unsubscribe_token(user):
    """A token naming the user, signed with SECRET_KEY: it cannot be made up for another user."""
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(user.pk))


def user_for_unsubscribe_token(token):
    """The active user the token was made for; raises signing.BadSignature for a forged token."""
    pk = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    user = get_user_model().objects.filter(pk=pk, is_active=True).first()
    if user is None:
        raise signing.BadSignature("no such user")
    return user


def absolute_url(path):
    return path if path.startswith(("http://", "https://")) else settings.SITE_URL + path


# Messages ---------------------------------------------------------------------------------------

def build_message(user, prefs, template, context):
    """Render `emails/<template>_subject.txt` and `.txt` for `user` in their language."""
    unsubscribe_url = absolute_url(reverse("notifications:unsubscribe", args=[unsubscribe_token(user)]))
    context = {
        **context,
        "user": user,
        "site_url": settings.SITE_URL,
        "settings_url": absolute_url(reverse("notifications:settings")),
        "unsubscribe_url": unsubscribe_url,
    }
    with translation.override(prefs.language):
        subject = " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
        body = render_to_string(f"emails/{template}.txt", context)
        language = translation.get_language()
    return EmailMessage(
        subject=subject,
        body=body,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
            "Content-Language": language,
        },
    )


def _send(message, what):
    """Send one message; False (logged) when the mail server fails."""
    try:
        message.send()
    except Exception:  # any backend error: SMTP, DNS, refused connection...
        logger.exception("Sending %s to user mail failed; the notifications stay unmailed for the next run", what)
        return False
    return True


def send_personal_mail(user, template, context):
    """One mail to `user` that is not a notification (a reminder of an event they registered for), in their
    language with the unsubscribe link. "sent", "off" (they switched e-mail off: nothing is sent) or "failed"."""
    prefs = NotificationSettings.for_user(user)
    if prefs.email_mode == Mode.OFF or not user.email or not user.is_active:
        return "off"
    sent = _send(build_message(user, prefs, template, context), f"{template} for user {user.pk}")
    return "sent" if sent else "failed"


def _still_visible(notification):
    """Mail only what the recipient may still see (a casus may have turned private since)."""
    target = notification.target
    if target is None:
        return False
    can_see = getattr(target, "is_visible_to", None)
    return can_see is None or can_see(notification.recipient)


def _with_absolute_urls(notifications):
    for n in notifications:
        n.absolute_url = absolute_url(languages.localized(n.url))  # rendered in the recipient's language
    return notifications


# Per-event mail ---------------------------------------------------------------------------------

def send_immediate(notification_ids):
    """Mail each notification whose recipient wants it at once. Returns the number sent."""
    notifications = list(
        Notification.objects.unmailed()
        .filter(pk__in=notification_ids, recipient__is_active=True)
        .exclude(recipient__email="")
        .select_related("recipient")
        .prefetch_related("target")
    )
    prefs = NotificationSettings.for_users({n.recipient for n in notifications})
    sent = 0
    for notification in notifications:
        user_prefs = prefs[notification.recipient_id]
        if user_prefs.mode_for(notification.event) == Mode.IMMEDIATE and _still_visible(notification):
            sent += _send_one(notification, user_prefs)
    return sent


def _claim(pks, now):
    """Claim the unmailed notifications among `pks` for one mail, committed before anything is sent; returns
    the claimed pks. Rows another run is claiming right now are locked, and skipped here."""
    with transaction.atomic():
        claimed = list(
            Notification.objects.select_for_update(skip_locked=True).unmailed().filter(pk__in=pks)
            .values_list("pk", flat=True)
        )
        Notification.objects.filter(pk__in=claimed).update(mail_claimed_at=now)
    return claimed


def _release(pks, what):
    """The mail server refused: give the claim back so the next run sends it."""
    try:
        Notification.objects.filter(pk__in=pks, emailed_at__isnull=True).update(mail_claimed_at=None)
    except DatabaseError:  # the claim stays: this mail is not sent again rather than maybe twice
        logger.exception("Releasing the claim on %s failed; it will not be mailed", what)


def _record_sent(pks, now, what):
    try:
        Notification.objects.filter(pk__in=pks).update(emailed_at=now)
    except DatabaseError:  # the claim stands, so no run mails it again
        logger.exception("Recording %s as mailed failed after it was sent; its claim keeps it from going twice",
                         what)


def _send_one(notification, prefs):
    now = timezone.now()
    what = f"notification {notification.pk}"
    if not _claim([notification.pk], now):
        return 0  # mailed, or being mailed by a concurrent run
    message = build_message(
        notification.recipient, prefs, "notification", {"notification": _with_absolute_urls([notification])[0]}
    )
    if not _send(message, what):
        _release([notification.pk], what)
        return 0
    _record_sent([notification.pk], now, what)
    return 1


def retry_immediate(*, now=None):
    """Mail again what failed earlier for per-event mail. Returns the number sent."""
    now = now or timezone.now()
    ids = list(
        Notification.objects.unmailed()
        .unread()
        .filter(created_at__gte=now - WINDOWS["immediate"], created_at__lte=now)
        .values_list("pk", flat=True)
    )
    return send_immediate(ids)


# Digests ----------------------------------------------------------------------------------------

def period_key(period, now):
    local = timezone.localtime(now)
    if period == DigestRun.Period.WEEKLY:
        year, week, _ = local.isocalendar()
        return f"{year}-W{week:02d}"
    return local.date().isoformat()


def digest_recipients(period, now=None):
    """Active users who chose this digest (daily is the default) with unmailed, unclaimed, unread notifications,
    or all of them when a registered part has news for the period."""
    since, until = _span(period, now or timezone.now())
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    if not any(part.any_new(since=since, until=until) for part in DIGEST_PARTS):
        users = users.filter(notifications__emailed_at__isnull=True, notifications__mail_claimed_at__isnull=True,
                             notifications__read_at__isnull=True)
    if period == DigestRun.Period.DAILY:
        users = users.filter(Q(notification_settings__isnull=True) | Q(notification_settings__email_mode=Mode.DAILY))
    else:
        users = users.filter(notification_settings__email_mode=period)
    return users.distinct().order_by("pk")


def send_digest(*, user, period, now=None, prefs=None):
    """Send `user` their digest for the current period: "sent", "empty", "done" (already sent) or "failed".

    The DigestRun and the claim on its notifications commit before the mail goes out (see the module's
    docstring), so a second run in the same period, also one at the same moment, finds the run and sends
    nothing, and neither the next digest nor the retry mails these notifications again. A failed send
    removes the run and the claim, leaving everything as it was for the next run.
    """
    now = now or timezone.now()
    prefs = prefs or NotificationSettings.for_user(user)
    key = period_key(period, now)
    what = f"{period} digest for user {user.pk}"
    try:
        with transaction.atomic():
            if DigestRun.objects.filter(user=user, period=period, period_key=key).exists():
                return "done"
            notifications = list(
                Notification.objects.select_for_update(skip_locked=True)
                .filter(recipient=user, created_at__gte=now - WINDOWS[period], created_at__lte=now)
                .unmailed()
                .unread()
                .order_by("created_at", "pk")
            )
            # Generic targets: one query per content type, outside the locking query.
            prefetch_related_objects(notifications, "target")
            for n in notifications:
                n.recipient = user
            visible = [n for n in notifications if _still_visible(n)]
            extras = digest_extras(user, period, now)
            if not visible and not extras:
                return "empty"
            pks = [n.pk for n in notifications]
            run = DigestRun.objects.create(user=user, period=period, period_key=key, notification_count=len(visible))
            Notification.objects.filter(pk__in=pks).update(mail_claimed_at=now)
    except IntegrityError:  # a concurrent run recorded this period's digest first
        return "done"
    message = build_message(user, prefs, "digest", {
        "period": period,
        "extras": extras,
        "notifications": _with_absolute_urls(visible[:DIGEST_MAX_ITEMS]),
        "more": max(0, len(visible) - DIGEST_MAX_ITEMS),
        "count": len(visible),
    })
    if not _send(message, what):
        try:
            with transaction.atomic():
                run.delete()
                Notification.objects.filter(pk__in=pks, emailed_at__isnull=True).update(mail_claimed_at=None)
        except DatabaseError:
            logger.exception("Releasing the %s failed; it will not be sent", what)
        return "failed"
    _record_sent(pks, now, what)
    return "sent"


def send_digests(period, *, now=None, dry_run=False):
    """Send every digest due for `period`; returns {"sent": n, "failed": n, ...} counts."""
    counts = {"sent": 0, "failed": 0, "done": 0, "empty": 0}
    users = list(digest_recipients(period, now))
    if dry_run:
        return {**counts, "due": len(users)}
    prefs = NotificationSettings.for_users(users)
    for user in users:
        counts[send_digest(user=user, period=period, now=now, prefs=prefs[user.pk])] += 1
    return counts
