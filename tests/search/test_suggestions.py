"""Search before you ask: `similar()` for the ask page and its JSON endpoint for the as-you-type script."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from kennisbank.models import Article
from ospo_nl.search.index import similar
from tests.factories import make_article, make_casus, make_topic

pytestmark = pytest.mark.django_db

URL = reverse("search_suggestions")


@pytest.fixture
def corpus(member, category):
    make_casus(member, "Welke licentie voor onze broncode?", body="Geen toelichting.", tags=())
    make_casus(member, "Licentie voor leden", body="Geen toelichting.", visibility="members", tags=())
    make_article(title="Een licentie kiezen")
    make_article(title="Concept licentie", status=Article.Status.DRAFT)
    # A topic is not a casus or article: not suggested by default.
    make_topic(member, category, "Licentie discussie", body="Wat vinden jullie?")


def test_similar_finds_casussen_and_articles_for_a_title(corpus):
    titles = {e.title for e in similar("Licentie kiezen voor software", user=AnonymousUser())}
    assert titles == {"Welke licentie voor onze broncode?", "Een licentie kiezen"}


def test_similar_respects_visibility(corpus, member):
    titles = {e.title for e in similar("licentie", user=member)}
    assert "Licentie voor leden" in titles
    assert "Concept licentie" not in titles


def test_similar_costs_one_query(corpus, django_assert_num_queries):
    with django_assert_num_queries(1):
        similar("licentie kiezen", user=AnonymousUser())


def test_similar_of_nothing_is_nothing(db):
    assert similar("", user=AnonymousUser()) == []
    assert similar("?!", user=AnonymousUser()) == []


def test_the_json_endpoint_returns_the_same(client, corpus):
    data = client.get(URL, {"q": "licentie"}).json()
    assert {r["title"] for r in data["results"]} == {"Welke licentie voor onze broncode?", "Een licentie kiezen"}
    assert {"title", "url", "kind", "kind_label", "date"} <= set(data["results"][0])


def test_the_json_endpoint_needs_three_characters_and_only_get(client, corpus):
    assert client.get(URL, {"q": "li"}).json() == {"results": []}
    assert client.post(URL, {"q": "licentie"}).status_code == 405


def test_the_script_is_a_static_file_without_inline_code(client):
    from django.contrib.staticfiles import finders

    assert finders.find("js/suggest.js")


def test_similar_ranks_the_casus_about_the_same_thing_first(member):
    make_casus(member, "Valt broncode onder de Woo?", body="Moeten we kiezen wat we openbaar maken?", tags=())
    make_casus(member, "Welke open source-licentie kiezen we voor onze app?", body="EUPL of MIT?", tags=())
    titles = [e.title for e in similar("Welke licentie kiezen we", user=AnonymousUser())]
    assert titles[0] == "Welke open source-licentie kiezen we voor onze app?"
