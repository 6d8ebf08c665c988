"""Who may see and do what in the directory. Unpublished entries exist for staff only: others get 404."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from ospo_nl.core.roles import is_curator, is_expert, is_member


def check_view_organisation(user, organisation):
    if not organisation.is_visible_to(user):
        raise Http404


def check_view_initiative(user, initiative):
    if not initiative.is_visible_to(user):
        raise Http404


def check_view_expert(user, profile):
    """Only public expert profiles have a page, for staff too: being listed is the member's own choice."""
    if not (profile.is_expert and profile.is_public and profile.user.is_active):
        raise Http404


def check_apply_expert(user):
    """A member who is not an expert yet, without an application in progress, may apply."""
    if not is_member(user):
        raise PermissionDenied(_("Log in om expert te worden."))
    if is_expert(user):
        raise PermissionDenied(_("Je bent al expert."))
    if user.expert_applications.filter(status="pending").exists():
        raise PermissionDenied(_("Je aanvraag is nog in behandeling."))


def check_propose_organisation(user):
    if not is_member(user):
        raise PermissionDenied(_("Log in om een organisatie voor te stellen."))


def check_curate_proposals(user):
    if not is_curator(user):
        raise PermissionDenied(_("Alleen curatoren nemen organisaties op in de gids."))


def check_decide_proposal(user, proposal):
    check_curate_proposals(user)
    if proposal.status != proposal.Status.PENDING:
        raise PermissionDenied(_("Over dit voorstel is al besloten."))


def check_decide_application(user, application):
    if not is_curator(user):
        raise PermissionDenied(_("Alleen curatoren beslissen over aanvragen."))
    if application.status != application.Status.PENDING:
        raise PermissionDenied(_("Over deze aanvraag is al besloten."))
