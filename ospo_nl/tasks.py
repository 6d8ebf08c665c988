"""Background work (django.tasks): immediate in development and tests, a DB worker in production."""

from django.tasks import task


@task()
def deliver_notifications(notification_ids):
    """E-mail delivery of notifications; per-user preferences decide (see the notifications issue)."""
    # Placeholder delivery: in-app notifications are already stored. E-mail preferences,
    # digests and unsubscribe links are added by the notifications work.
    return len(notification_ids)
