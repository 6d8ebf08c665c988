"""The forum's part of a member's data download (ospo_nl.core.account_data): their topics and replies.

Deleting needs nothing here: the posts stay as "voormalig lid" (SET_NULL), read markers go (CASCADE).
"""

from forum.models import Reply, Topic
from ospo_nl.core.account_data import post_fields


def export(user):
    return {
        "topics": [
            post_fields(t, title=t.title, url=t.get_absolute_url())
            for t in Topic.objects.filter(author=user).order_by("pk")
        ],
        "replies": [
            post_fields(r, topic=r.topic.title, url=r.get_absolute_url())
            for r in Reply.objects.filter(author=user).select_related("topic").order_by("pk")
        ],
    }
