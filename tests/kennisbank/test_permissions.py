import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from kennisbank.models import Article
from kennisbank.permissions import (
    check_edit_article,
    check_restore_revision,
    check_view_article,
    check_view_history,
)
from tests.factories import make_article
from tests.helpers import allowed


@pytest.fixture
def published(section):
    return make_article(section, slug="gepubliceerd")


@pytest.fixture
def draft(section):
    return make_article(section, slug="concept", status=Article.Status.DRAFT)


@pytest.mark.django_db
def test_everyone_may_view_a_published_article(published, member):
    assert allowed(check_view_article, AnonymousUser(), published) is True
    assert allowed(check_view_article, member, published) is True


@pytest.mark.django_db
@pytest.mark.parametrize("check", [check_view_article, check_edit_article, check_view_history, check_restore_revision])
def test_a_draft_does_not_exist_for_visitors_and_members(check, draft, member, expert):
    for user in (AnonymousUser(), member, expert):
        with pytest.raises(Http404):
            check(user, draft)


@pytest.mark.django_db
@pytest.mark.parametrize("check", [check_edit_article, check_view_history, check_restore_revision])
def test_members_and_experts_may_not_edit_or_see_history(check, published, member, expert):
    for user in (member, expert):
        with pytest.raises(PermissionDenied):
            check(user, published)


@pytest.mark.django_db
@pytest.mark.parametrize("check", [check_view_article, check_edit_article, check_view_history, check_restore_revision])
def test_curators_and_admins_may_do_everything_with_drafts_too(check, draft, curator, admin_user):
    assert allowed(check, curator, draft) is True
    assert allowed(check, admin_user, draft) is True
