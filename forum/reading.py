"""Read markers: up to when a member has read a topic ("new since your last visit")."""

from .models import Reply, TopicRead


def mark_read(user, topic, *, until):
    """Move `user`'s marker on `topic` forward to `until`; return the marker as it was (None if never read).

    Never moves back, so reading an early page does not make later replies look read or unread again.
    """
    if not user.is_authenticated:
        return None
    previous = TopicRead.objects.filter(user=user, topic=topic).values_list("read_at", flat=True).first()
    if previous is None or until > previous:
        TopicRead.objects.bulk_create(
            [TopicRead(user=user, topic=topic, read_at=until)],
            update_conflicts=True, unique_fields=["user", "topic"], update_fields=["read_at"],
        )
    return previous


def first_unread_reply(user, topic):
    """The first reply `user` has not seen yet, or None."""
    marker = TopicRead.objects.filter(user=user, topic=topic).values_list("read_at", flat=True).first()
    since = marker or user.date_joined
    return Reply.objects.alive().filter(topic=topic, created_at__gt=since).order_by("created_at", "pk").first()
