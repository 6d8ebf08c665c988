"""Who may see what in the directory. Unpublished entries exist for staff only: others get 404."""

from django.http import Http404


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
