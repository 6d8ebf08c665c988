"""The directory's permission functions, tested on their own."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from directory.permissions import check_view_expert, check_view_initiative, check_view_organisation
from tests.factories import make_user
from tests.helpers import allowed

from .conftest import make_initiative


@pytest.mark.django_db
def test_unpublished_organisation_only_for_staff(hidden_org, amsterdam, member, curator):
    for user in (AnonymousUser(), member):
        with pytest.raises(Http404):
            check_view_organisation(user, hidden_org)
        assert allowed(check_view_organisation, user, amsterdam) is True
    assert allowed(check_view_organisation, curator, hidden_org) is True


@pytest.mark.django_db
def test_unpublished_initiative_only_for_staff(member, curator):
    initiative = make_initiative("Concept", published=False)
    with pytest.raises(Http404):
        check_view_initiative(member, initiative)
    assert allowed(check_view_initiative, curator, initiative) is True


@pytest.mark.django_db
def test_expert_page_only_for_public_active_experts(member, expert, curator):
    assert allowed(check_view_expert, AnonymousUser(), expert.profile) is True
    with pytest.raises(Http404):
        check_view_expert(curator, member.profile)
    hidden = make_user("h@example.org", is_expert=True, is_public=False)
    with pytest.raises(Http404):
        check_view_expert(curator, hidden.profile)
