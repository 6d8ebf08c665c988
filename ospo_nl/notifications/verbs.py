"""The one notification mechanism: in-app rows now, e-mail through the tasks framework after commit.

The unread count (the bell in the header) is denormalised on the user's profile, which every page
loads for the account menu anyway: the bell costs no query. `notify()` and the mark-read verbs keep
it right in the same transaction; `manage.py recount_notifications` rebuilds it.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ospo_nl.core import languages
from ospo_nl.core.profiles import profile_model
from ospo_nl.notifications.models import Notification, NotificationSettings
from ospo_nl.notifications.tasks import deliver_notifications


def _profiles(user_ids):
    return profile_model().objects.filter(user_id__in=list(user_ids))


def unread_count(user):
    """The user's unread notifications, from the profile already loaded for the header."""
    if not user.is_authenticated:
        return 0
    profile = getattr(user, "profile", None)
    return profile.unread_notifications if profile is not None else 0


def notify(recipients, *, event, target, title, url, actor=None):
    """Notify `recipients` of `event` on `target`.

    Recipients who may not see `target` (its `is_visible_to(user)`) are dropped here, so a
    private casus never reaches anyone outside its audience; the actor is never notified.
    E-mail follows each recipient's settings, through a task enqueued after commit.
    """
    can_see = getattr(target, "is_visible_to", lambda user: True)
    content_type = ContentType.objects.get_for_model(target)
    rows = [
        Notification(
            recipient=user, actor=actor, event=event, content_type=content_type,
            object_id=target.pk, title=title[:300], url=languages.stored(url),  # shown in the reader's language
        )
        for user in {u.pk: u for u in recipients}.values()
        if user.is_active and (actor is None or user.pk != actor.pk) and can_see(user)
    ]
    created = Notification.objects.bulk_create(rows)
    if created:
        ids = [n.pk for n in created]
        # One notification per recipient per call (recipients are de-duplicated above).
        _profiles(n.recipient_id for n in created).update(unread_notifications=F("unread_notifications") + 1)
        # robust: a broken task queue must not turn the user's successful request into an error;
        # the notifications are stored and a digest or retry run mails them later.
        transaction.on_commit(lambda: deliver_notifications.enqueue(ids), robust=True)
    return created


@transaction.atomic
def mark_read(*, user, notification):
    updated = Notification.objects.filter(pk=notification.pk, recipient=user).unread().update(
        read_at=timezone.now()
    )
    if updated:
        _profiles([user.pk]).filter(unread_notifications__gt=0).update(
            unread_notifications=F("unread_notifications") - 1
        )
    return updated


@transaction.atomic
def mark_all_read(*, user):
    updated = Notification.objects.filter(recipient=user).unread().update(read_at=timezone.now())
    _profiles([user.pk]).update(unread_notifications=0)
    return updated


def unsubscribe_from_email(*, user):
    """The one-click unsubscribe: no more e-mail of any kind; in-app notifications go on."""
    NotificationSettings.objects.update_or_create(
        user=user, defaults={"email_mode": NotificationSettings.EmailMode.OFF}
    )
