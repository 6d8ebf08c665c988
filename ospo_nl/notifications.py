"""The one notification mechanism: in-app rows now, e-mail through the tasks framework after commit.

The unread count (the bell in the header) is read from the cache, so a page costs no query for it
once warm: `notify()` and the mark-read verbs drop the affected users' keys after commit, and the
next page view counts once from the database and stores it again. With the local-memory cache
each process has its own copy, so `UNREAD_COUNT_TTL` bounds how stale another process's count can
be; production sets CACHE_URL (Redis), where the invalidation is immediate for all processes.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from .models import Notification, NotificationSettings

UNREAD_COUNT_TTL = 120


def _unread_key(user_id):
    return f"notifications:unread:{user_id}"


def forget_unread_counts(user_ids):
    """Drop cached unread counts once the current transaction commits (rolled back: nothing changed)."""
    keys = [_unread_key(pk) for pk in set(user_ids)]
    if keys:
        transaction.on_commit(lambda: cache.delete_many(keys))


def unread_count(user):
    """The user's unread notifications: from the cache, counted in the database only on a miss."""
    if not user.is_authenticated:
        return 0
    key = _unread_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.filter(recipient=user).unread().count()
        cache.set(key, count, UNREAD_COUNT_TTL)
    return count


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
            object_id=target.pk, title=title[:300], url=url,
        )
        for user in {u.pk: u for u in recipients}.values()
        if user.is_active and (actor is None or user.pk != actor.pk) and can_see(user)
    ]
    created = Notification.objects.bulk_create(rows)
    if created:
        from .tasks import deliver_notifications

        ids = [n.pk for n in created]
        forget_unread_counts(n.recipient_id for n in created)
        # robust: a broken task queue must not turn the user's successful request into an error;
        # the notifications are stored and a digest or retry run mails them later.
        transaction.on_commit(lambda: deliver_notifications.enqueue(ids), robust=True)
    return created


@transaction.atomic
def mark_read(*, user, notification):
    updated = Notification.objects.filter(pk=notification.pk, recipient=user).unread().update(
        read_at=timezone.now()
    )
    forget_unread_counts([user.pk])
    return updated


@transaction.atomic
def mark_all_read(*, user):
    updated = Notification.objects.filter(recipient=user).unread().update(read_at=timezone.now())
    forget_unread_counts([user.pk])
    return updated


def unsubscribe_from_email(*, user):
    """The one-click unsubscribe: no more e-mail of any kind; in-app notifications go on."""
    NotificationSettings.objects.update_or_create(
        user=user, defaults={"email_mode": NotificationSettings.EmailMode.OFF}
    )
