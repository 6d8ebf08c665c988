"""Verbs shared by every kind of post (casussen, answers, comments, forum topics and replies).

One implementation: casussen and forum both call these, from their verbs.
Revisions are snapshots *after* each save (creation included), so the history lists every
version with who wrote it and when; the newest revision equals the current text.
"""

from django.db import transaction
from django.utils import timezone

from ospo_nl.core.edit_conflicts import check_version
from ospo_nl.core.revisions import record_revision


def save_new_post(post, *, by, revision_fields=("body",)):
    """Save a new post and its first revision in one transaction.

    The caller (a feature app's verb) then calls `ospo_nl.notifications.mentions.notify_mentions`: the
    core does not know notifications, the layer above it.
    """
    with transaction.atomic(savepoint=False):  # inside the verb's own transaction: no savepoint of its own
        post.save()
        record_revision(post, by=by, fields=revision_fields)
    return post


def edit_post(post, *, by, changes, message="", version=None):
    """Apply `changes` (field -> value) to `post` and keep the new version as a revision.

    `version` is the revision the editor's form started from: when someone else saved the post since, nothing
    changes and `ospo_nl.core.edit_conflicts.EditConflict` is raised (None: not checked).
    """
    with transaction.atomic():
        if version is not None:
            # Lock the row so two saves from the same version cannot both pass the check.
            type(post)._base_manager.select_for_update().filter(pk=post.pk).values_list("pk").get()
            check_version(post, version)
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
