"""What the site search finds of the forum: topics and replies that are not deleted."""

from ospo_nl.search.index import Kind, plain_text, register

from .models import Reply, Topic


def topic_entry(topic):
    if topic.is_deleted or topic.is_hidden:
        return None
    return dict(
        title=topic.title,
        body=plain_text(topic.body_html),
        url=topic.get_absolute_url(),
        date=topic.created_at,
        tags=topic.tags.all(),
        language=topic.language,  # stemming, and lang="…" on the result in an interface of another language
    )


def reply_entry(reply):
    topic = reply.topic
    if reply.is_deleted or reply.is_hidden or topic.is_deleted or topic.is_hidden:
        return None
    return dict(
        title=topic.title,
        body=plain_text(reply.body_html),
        url=reply.get_absolute_url(),
        date=reply.created_at,
        parent=topic,
        language=topic.language,
    )


register(Topic, kind=Kind.TOPIC, entry=topic_entry, queryset=lambda: Topic.objects.prefetch_related("tags"))
register(
    Reply, kind=Kind.REPLY, entry=reply_entry, queryset=lambda: Reply.objects.select_related("topic"),
    triggers={Topic: (lambda topic: topic.replies.all(), ("title", "language", "deleted_at", "hidden_at"))},
)
