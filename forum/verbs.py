"""Forum state changes: each verb is one transaction, checks its own permission and keeps the topic's
counters right.

A verb that changes a topic or reply locks its row first and asks `forum.permissions` about the row it
locked, so a curator's lock, move or delete racing the change is seen. Rows are locked topic first, then
reply, in every verb, so two verbs never wait for each other. Posts go through the shared
`ospo_nl.core.posts` verbs, following and notifications through `ospo_nl.core.following` /
`ospo_nl.notifications.verbs`, the same implementation casussen uses.
"""

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from ospo_nl.core import content_cache, following
from ospo_nl.core.posts import edit_post, save_new_post, soft_delete_post
from ospo_nl.notifications.mentions import notify_mentions
from ospo_nl.notifications.models import Notification
from ospo_nl.notifications.verbs import notify

from . import permissions
from .models import Reply, Topic

TOPIC_REVISION_FIELDS = ("title", "body")


def _locked_topic(topic):
    return Topic.objects.select_for_update().get(pk=topic.pk)


def _locked_reply(reply):
    """The reply's row and its topic's, locked in that order (topic first); `reply.topic` is the locked topic."""
    topic = Topic.objects.select_for_update().get(pk=reply.topic_id)
    locked = Reply.objects.select_for_update().get(pk=reply.pk)
    locked.topic = topic
    return locked


def _mirror_deletion(fresh, *, onto):
    # Callers keep using the instance they passed (to redirect, to look at): it shows the deletion too.
    onto.deleted_at, onto.deleted_by, onto.updated_at = fresh.deleted_at, fresh.deleted_by, fresh.updated_at


def start_topic(*, category, by, title, body, tags=(), language="nl"):
    # A new row: nothing to lock; the category is only read.
    permissions.check_start_topic(by, category)
    with transaction.atomic():
        topic = save_new_post(
            Topic(category=category, author=by, title=title, body=body, language=language), by=by,
            revision_fields=TOPIC_REVISION_FIELDS,
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
        # Checked on the locked row: a reply racing a curator's lock must not slip in.
        locked = _locked_topic(topic)
        permissions.check_post_reply(by, locked)
        reply = save_new_post(Reply(topic=topic, author=by, body=body), by=by)
        notify_mentions(reply, by=by)
        Topic.objects.filter(pk=topic.pk).update(
            reply_count=F("reply_count") + 1, last_reply=reply, last_activity_at=reply.created_at
        )
        following.follow(by, topic)
        notify(
            following.followers_of(topic), event=Notification.Event.REPLY, target=reply, actor=by,
            title=_("Nieuwe reactie op “%(title)s”") % {"title": locked.title}, url=reply.get_absolute_url(),
        )
    topic.refresh_from_db(fields=["reply_count", "last_reply", "last_activity_at"])
    return reply


def edit_topic(*, topic, by, title, body, tags=None, language=None, message="", version=None):
    with transaction.atomic():
        # A fresh, locked row: saving a stale instance would undo a concurrent reply's counters.
        fresh = _locked_topic(topic)
        permissions.check_edit_topic(by, fresh)
        changes = {"title": title, "body": body} | ({"language": language} if language else {})
        edit_post(fresh, by=by, changes=changes, message=message, version=version)
        if tags is not None:
            fresh.tags.set(list(tags))
    return fresh


def edit_reply(*, reply, by, body, message="", version=None):
    with transaction.atomic():
        # The topic row too: whether it is locked decides if the author may still edit.
        fresh = _locked_reply(reply)
        permissions.check_edit_reply(by, fresh)
        edit_post(fresh, by=by, changes={"body": body}, message=message, version=version)
    return fresh


def delete_topic(*, topic, by):
    with transaction.atomic():
        fresh = _locked_topic(topic)
        permissions.check_moderate_topic(by, fresh)
        soft_delete_post(fresh, by=by)
    _mirror_deletion(fresh, onto=topic)
    return fresh


def delete_reply(*, reply, by):
    """Soft delete a reply; deleting it again changes nothing (but is still refused to anyone else)."""
    with transaction.atomic():
        fresh = _locked_reply(reply)
        permissions.check_delete_reply(by, fresh)
        if fresh.is_deleted:
            return fresh
        soft_delete_post(fresh, by=by)
        fresh.settle_parent_counters()
    _mirror_deletion(fresh, onto=reply)
    return fresh


def set_pinned(*, topic, by, pinned):
    with transaction.atomic():
        fresh = _locked_topic(topic)
        permissions.check_moderate_topic(by, fresh)
        Topic.objects.filter(pk=topic.pk).update(is_pinned=pinned)
        content_cache.changed(*fresh.cache_scopes())  # update() sends no signal
    topic.is_pinned = pinned
    return topic


def set_locked(*, topic, by, locked):
    with transaction.atomic():
        fresh = _locked_topic(topic)
        permissions.check_moderate_topic(by, fresh)
        Topic.objects.filter(pk=topic.pk).update(is_locked=locked)
        content_cache.changed(*fresh.cache_scopes())  # update() sends no signal
    topic.is_locked = locked
    return topic


def move_topic(*, topic, by, category):
    with transaction.atomic():
        fresh = _locked_topic(topic)
        permissions.check_moderate_topic(by, fresh)
        Topic.objects.filter(pk=topic.pk).update(category=category)
        content_cache.changed(*fresh.cache_scopes())  # update() sends no signal
    topic.category = category
    return topic


def follow_topic(*, topic, by):
    # Only a Follow row of `by` is written: the topic row is not changed, so not locked.
    permissions.check_follow_topic(by, topic)
    following.follow(by, topic)


def unfollow_topic(*, topic, by):
    permissions.check_follow_topic(by, topic)
    following.unfollow(by, topic)
