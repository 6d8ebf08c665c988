"""Verbs shared by every kind of post (casussen, answers, comments, forum topics and replies).

One implementation: casussen and forum both call these, each after its own permission check.
Revisions are snapshots *after* each save (creation included), so the history lists every
version with who wrote it and when; the newest revision equals the current text.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from .mentions import mentioned_users
from .revisions import record_revision


def save_new_post(post, *, by, revision_fields=("body",)):
    """Save a new post and its first revision in one transaction; notify the members it mentions."""
    with transaction.atomic():
        post.save()
        record_revision(post, by=by, fields=revision_fields)
        notify_mentions(post, by=by)
    return post


def notify_mentions(post, *, by):
    """`@[Name]` in the text: tell those members (notify() drops those who may not see the post)."""
    from .models import Notification
    from .notifications import notify

    users = mentioned_users(post.body)
    if users:
        notify(
            users, event=Notification.Event.MENTION, target=post, actor=by, url=post.get_absolute_url(),
            title=_("Je bent genoemd: %(text)s") % {"text": Truncator(str(post)).chars(120)},
        )


def edit_post(post, *, by, changes, message=""):
    """Apply `changes` (field -> value) to `post` and keep the new version as a revision."""
    with transaction.atomic():
        for name, value in changes.items():
            setattr(post, name, value)
        post.save()
        record_revision(post, by=by, fields=list(changes), message=message)
    return post


def soft_delete_post(post, *, by):
    """Hide a post but keep it (others may quote or depend on it)."""
    post.deleted_at = timezone.now()
    post.deleted_by = by
    post.save(update_fields=["deleted_at", "deleted_by", "updated_at"])
    return post
