"""Who may report and who may moderate. Each check raises; the verbs call them, views ask them as `can_*`."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from ospo_nl.core.roles import is_curator, is_member
from ospo_nl.moderation.reportable import author_id_of, is_visible


def check_report(user, target):
    """Members report what they can see, but not their own posts or profile."""
    if not is_member(user):
        raise PermissionDenied(_("Alleen leden kunnen iets melden."))
    if not is_visible(target, user):
        raise Http404
    if author_id_of(target) == user.pk:
        raise PermissionDenied(_("Je kunt je eigen bijdrage niet melden."))


def check_moderate(user):
    if not is_curator(user):
        raise PermissionDenied(_("Alleen curatoren kunnen modereren."))


def check_moderate_user(by, user):
    check_moderate(by)
    if user.pk == by.pk or user.is_superuser:
        raise PermissionDenied(_("Deze gebruiker kun je niet waarschuwen of schorsen."))
