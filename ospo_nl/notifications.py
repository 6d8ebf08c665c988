"""The one notification mechanism: in-app rows now, e-mail through the tasks framework after commit."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from .models import Notification


def notify(recipients, *, event, target, title, url, actor=None):
    """Notify `recipients` of `event` on `target`.

    Recipients who may not see `target` (its `is_visible_to(user)`) are dropped here, so a
    private casus never reaches anyone outside its audience; the actor is never notified.
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
        transaction.on_commit(lambda: deliver_notifications.enqueue(ids))
    return created
