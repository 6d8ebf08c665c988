"""Who may do what in the forum (DESIGN.md roles). Each check raises; forum.verbs call them on the row they
locked, views turn them into the `can_*` a page shows (ospo_nl.core.permissions.allowed).

Members start topics and reply; authors edit their own posts; curators pin, lock, move and
delete. The forum is public, so there are no outsiders: deleted posts are 404 in the lookup.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from ospo_nl.core.roles import is_curator, is_member

LOCKED_MESSAGE = _("Dit onderwerp is gesloten: er kunnen geen nieuwe reacties meer bij.")


def check_start_topic(user, category):
    if not is_member(user):
        raise PermissionDenied(_("Alleen leden kunnen een onderwerp starten."))


def check_post_reply(user, topic):
    if not is_member(user):
        raise PermissionDenied(_("Alleen leden kunnen reageren."))
    if topic.is_locked:
        raise PermissionDenied(LOCKED_MESSAGE)


def _check_edit_own(user, post, topic):
    if is_curator(user):
        return
    if not is_member(user) or post.author_id != user.pk:
        raise PermissionDenied(_("Je kunt alleen je eigen berichten bewerken."))
    if topic.is_locked:
        raise PermissionDenied(_("Dit onderwerp is gesloten: berichten kunnen niet meer worden bewerkt."))


def check_edit_topic(user, topic):
    _check_edit_own(user, topic, topic)


def check_edit_reply(user, reply):
    _check_edit_own(user, reply, reply.topic)


def check_moderate_topic(user, topic):
    """Pin, unpin, lock, unlock, move and delete a topic."""
    if not is_curator(user):
        raise PermissionDenied(
            _("Alleen curatoren kunnen onderwerpen vastzetten, sluiten, verplaatsen of verwijderen.")
        )


def check_delete_reply(user, reply):
    if not is_curator(user):
        raise PermissionDenied(_("Alleen curatoren kunnen reacties verwijderen."))


def check_follow_topic(user, topic):
    if not is_member(user):
        raise PermissionDenied(_("Alleen leden kunnen onderwerpen volgen."))
