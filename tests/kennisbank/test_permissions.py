import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from kennisbank.models import Article
from kennisbank.permissions import (
    check_edit_article,
    check_restore_revision,
    check_view_article,
    check_view_history,
)
from kennisbank.verbs import restore_revision, save_article
from ospo_nl.core.revisions import revisions_of
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


# The verbs ask the same rules themselves, on the row they lock: a caller that skipped the view's check
# (a new view, a script) cannot save or restore for a member.

@pytest.mark.django_db
def test_save_article_refuses_members_for_new_and_existing_articles(published, member, expert):
    for user in (member, expert):
        with pytest.raises(PermissionDenied):
            save_article(Article(section=published.section, title="Nieuw", body="x"), by=user)
        published.body = "Overschreven"
        with pytest.raises(PermissionDenied):
            save_article(published, by=user)
    published.refresh_from_db()
    assert published.body != "Overschreven"
    assert not Article.objects.filter(title="Nieuw").exists()


@pytest.mark.django_db
def test_restore_revision_refuses_members_and_lets_curators(published, member, curator):
    first = revisions_of(published).last()
    published.body = "Tweede versie"
    save_article(published, by=curator)
    with pytest.raises(PermissionDenied):
        restore_revision(article=published, revision=first, by=member)
    published.refresh_from_db()
    assert published.body == "Tweede versie"
    restore_revision(article=published, revision=first, by=curator)
    published.refresh_from_db()
    assert published.body == first.data["body"]


@pytest.mark.django_db
@pytest.mark.parametrize("who, shown", [("member", False), ("expert", False), ("curator", True)])
def test_edit_and_history_links_follow_the_rules(request, published, who, shown):
    client = request.getfixturevalue(f"{who}_client")
    page = client.get(published.get_absolute_url()).content.decode()
    assert (reverse("kennisbank:article_edit", args=[published.slug]) in page) is shown
    assert (reverse("kennisbank:article_history", args=[published.slug]) in page) is shown
    home = client.get(reverse("kennisbank:home")).content.decode()
    assert (reverse("kennisbank:article_create") in home) is shown
