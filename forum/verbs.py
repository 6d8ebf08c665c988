"""Forum state changes: each verb is one transaction and keeps the topic's counters right.

Callers check permissions first (`forum.permissions`); posts go through the shared
`ospo_nl.core.posts` verbs, following and notifications through `ospo_nl.core.following` /
`ospo_nl.notifications.verbs`, the same implementation casussen uses.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from ospo_nl.core import following
from ospo_nl.core.posts import edit_post, save_new_post, soft_delete_post
from ospo_nl.notifications.mentions import notify_mentions
from ospo_nl.notifications.models import Notification
from ospo_nl.notifications.verbs import notify

from .models import Reply, Topic
from .permissions import LOCKED_MESSAGE

TOPIC_REVISION_FIELDS = ("title", "body")


def start_topic(*, category, by, title, body, tags=()):
    with transaction.atomic():
        topic = save_new_post(
            Topic(category=category, author=by, title=title, body=body), by=by, revision_fields=TOPIC_REVISION_FIELDS
        )
        notify_mentions(topic, by=by)
        topic.last_activity_at = topic.created_at
        topic.save(update_fields=["last_activity_at"])
        if tags:
            topic.tags.set(list(tags))
        following.follow(by, topic)
    return topic


def post_reply(*, topic, by, body):
    with transaction.atomic():
        # Lock the row: a reply racing a curator's lock must not slip in.
        locked = Topic.objects.select_for_update().filter(pk=topic.pk).values_list("is_locked", flat=True).get()
        if locked:
            raise PermissionDenied(LOCKED_MESSAGE)
        reply = save_new_post(Reply(topic=topic, author=by, body=body), by=by)
        notify_mentions(reply, by=by)
        Topic.objects.filter(pk=topic.pk).update(
            reply_count=F("reply_count") + 1, last_reply=reply, last_activity_at=reply.created_at
        )
        following.follow(by, topic)
        notify(
            following.followers_of(topic), event=Notification.Event.REPLY, target=reply, actor=by,
            title=_("Nieuwe reactie op “%(title)s”") % {"title": topic.title}, url=reply.get_absolute_url(),
        )
    topic.refresh_from_db(fields=["reply_count", "last_reply", "last_activity_at"])
    return reply


def edit_topic(*, topic, by, title, body, tags=None, message=""):
    with transaction.atomic():
        # A fresh, locked row: saving a stale instance would undo a concurrent reply's counters.
        fresh = Topic.objects.select_for_update().get(pk=topic.pk)
        edit_post(fresh, by=by, changes={"title": title, "body": body}, message=message)
        if tags is not None:
            fresh.tags.set(list(tags))
    return fresh


def edit_reply(*, reply, by, body, message=""):
    return edit_post(reply, by=by, changes={"body": body}, message=message)


def delete_topic(*, topic, by):
    with transaction.atomic():
        soft_delete_post(topic, by=by)
    return topic


def delete_reply(*, reply, by):
    if reply.is_deleted:
        return reply
    with transaction.atomic():
        soft_delete_post(reply, by=by)
        reply.settle_parent_counters()
    return reply


def set_pinned(*, topic, by, pinned):
    with transaction.atomic():
        Topic.objects.filter(pk=topic.pk).update(is_pinned=pinned)
    topic.is_pinned = pinned
    return topic


def set_locked(*, topic, by, locked):
    with transaction.atomic():
        Topic.objects.filter(pk=topic.pk).update(is_locked=locked)
    topic.is_locked = locked
    return topic


def move_topic(*, topic, by, category):
    with transaction.atomic():
        Topic.objects.filter(pk=topic.pk).update(category=category)
    topic.category = category
    return topic


def follow_topic(*, topic, by):
    following.follow(by, topic)


def unfollow_topic(*, topic, by):
    following.unfollow(by, topic)
