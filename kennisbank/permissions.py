"""Who may do what in the kennisbank. Each check raises; views call them after a scoped lookup."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from ospo_nl.core.roles import is_curator


def check_view_article(user, article):
    # Drafts do not exist for visitors and members: 404, never a hint.
    if not article.is_visible_to(user):
        raise Http404


def check_write_article(user):
    if not is_curator(user):
        raise PermissionDenied(_("Alleen curatoren schrijven in de kennisbank."))


def check_edit_article(user, article):
    check_view_article(user, article)
    check_write_article(user)


def check_view_history(user, article):
    check_view_article(user, article)
    if not is_curator(user):
        raise PermissionDenied(_("Alleen curatoren zien de geschiedenis van een artikel."))


def check_restore_revision(user, article):
    check_edit_article(user, article)
