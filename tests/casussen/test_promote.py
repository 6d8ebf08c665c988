"""A curator turns a resolved casus with lessons learned into a kennisbank article draft."""

import pytest
from django.urls import reverse

from casussen import verbs as casus_verbs
from casussen.models import Casus
from kennisbank.models import Article
from ospo_nl import handoffs
from ospo_nl.core.revisions import revisions_of
from tests.factories import make_casus

pytestmark = pytest.mark.django_db


def _resolve(casus, answer, by):
    casus_verbs.accept_answer(casus=casus, answer=answer, by=by)
    return casus_verbs.resolve_casus(casus=casus, by=by, lessons_learned="Kies **vroeg** een licentie.")


def test_curator_promotes_a_resolved_casus_to_a_linked_article_draft(casus, answer, member, curator_client):
    _resolve(casus, answer, member)
    response = curator_client.post(reverse("casus_to_article", args=[casus.slug]))
    article = Article.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("kennisbank:article_edit", args=[article.slug])
    casus.refresh_from_db()
    assert casus.article == article
    assert article.status == Article.Status.DRAFT
    assert article.kind == Article.Kind.LESSONS_LEARNED
    assert "<strong>vroeg</strong>" in article.body_html
    assert "EUPL-1.2" in article.body  # the accepted answer
    assert casus.get_absolute_url() in article.body  # links back
    assert list(article.tags.names()) == ["licenties"]
    assert revisions_of(article).count() == 1


def test_the_casus_page_links_forward_to_the_article(casus, answer, member, curator, curator_client, client):
    _resolve(casus, answer, member)
    article = handoffs.promote_casus(casus=casus, by=curator)
    assert article.get_absolute_url() in curator_client.get(casus.get_absolute_url()).text
    # A draft is not shown to visitors; once published it is.
    assert article.get_absolute_url() not in client.get(casus.get_absolute_url()).text


def test_the_article_page_lists_the_casus_it_came_from(casus, answer, member, curator, curator_client):
    _resolve(casus, answer, member)
    article = handoffs.promote_casus(casus=casus, by=curator)
    response = curator_client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert casus.get_absolute_url() in response.text


@pytest.mark.parametrize("persona", ["member_client", "expert_client"])
def test_only_curators_promote(persona, request, casus, answer, member):
    _resolve(casus, answer, member)
    response = request.getfixturevalue(persona).post(reverse("casus_to_article", args=[casus.slug]))
    assert response.status_code == 403
    assert not Article.objects.exists()


def test_visitor_is_sent_to_login(client, casus):
    response = client.post(reverse("casus_to_article", args=[casus.slug]))
    assert response.status_code == 302
    assert "/account/login/" in response.url


def test_get_is_405(curator_client, casus):
    assert curator_client.get(reverse("casus_to_article", args=[casus.slug])).status_code == 405


def test_an_unresolved_casus_is_refused(curator_client, casus):
    response = curator_client.post(reverse("casus_to_article", args=[casus.slug]))
    assert response.status_code == 403
    assert not Article.objects.exists()


def test_a_members_only_casus_is_refused_so_nothing_private_becomes_public(member, expert, curator_client):
    private = make_casus(member, "Inkoop intern", visibility=Casus.Visibility.MEMBERS)
    answer = casus_verbs.post_answer(casus=private, by=expert, body="Advies")
    _resolve(private, answer, member)
    response = curator_client.post(reverse("casus_to_article", args=[private.slug]))
    assert response.status_code == 403
    assert not Article.objects.exists()


def test_promoting_twice_is_refused(casus, answer, member, curator, curator_client):
    _resolve(casus, answer, member)
    handoffs.promote_casus(casus=casus, by=curator)
    response = curator_client.post(reverse("casus_to_article", args=[casus.slug]))
    assert response.status_code == 403
    assert Article.objects.count() == 1
