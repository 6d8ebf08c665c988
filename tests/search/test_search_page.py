"""The /zoeken/ page: results, filters with counts, pagination, visibility per role, query count."""

import pytest
from django.db import connection
from django.urls import reverse

from kennisbank.models import Article
from tests.factories import make_answer, make_article, make_casus

pytestmark = pytest.mark.django_db

URL = reverse("search")


@pytest.fixture
def corpus(member, curator):
    public = make_casus(member, "Licentie voor een open data portaal", body="Openbaar: welke licentie?",
                        tags=["licenties"])
    make_answer(public, curator, "Kies de EUPL als licentie.")
    members = make_casus(member, "Licentie geheim ledenproject", body="Alleen leden: licentie-ledentekst.",
                         visibility="members", tags=["ledentag"])
    make_answer(members, curator, "Ledenantwoord over de licentie.")
    make_casus(member, "Licentie expertgeheim", body="Alleen experts: expertsnippet over de licentie.",
               visibility="experts", tags=["experttag"])
    make_article(title="Licentie kiezen: stappenplan", body="Stap 1: licentie.", tags=["licenties"])
    make_article(title="Concept over licentie", body="Nog niet af: conceptgeheim.", status=Article.Status.DRAFT,
                 tags=["concepttag"])


def test_the_page_is_not_for_search_engines_and_has_one_h1(client):
    response = client.get(URL, {"q": "licentie"})
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in response.text
    assert response.text.count("<h1") == 1


POSTGRES = int(connection.vendor == "postgresql")


def test_post_is_405(client):
    assert client.post(URL, {"q": "x"}).status_code == 405


def test_no_query_shows_only_the_form(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(URL)
    assert response.status_code == 200
    assert "resultaten" not in response.text


def test_bad_input_never_breaks_the_page(client, corpus):
    for params in ({"q": "licentie", "pagina": "abc"}, {"q": "licentie", "pagina": "9999"},
                   {"q": "licentie", "soort": "onbekend"}, {"q": "x" * 5000}, {"q": '"""'}, {"q": "-"},
                   {"q": "licentie", "tag": "bestaat-niet"}, {"q": "'); drop table x; --"}):
        assert client.get(URL, params).status_code == 200, params


def test_a_visitor_finds_only_public_published_content_in_results_counts_and_snippets(client, corpus):
    text = client.get(URL, {"q": "licentie"}).text
    assert "Licentie voor een open data portaal" in text
    assert "Licentie kiezen: stappenplan" in text
    # The casus and its answer are one result: the casus, the best match, with a word about the answer.
    assert text.count("Licentie voor een open data portaal</a>") == 1
    assert "en nog 1 treffer in dit gesprek" in text
    for secret in ("ledenproject", "ledentekst", "Ledenantwoord", "expertgeheim", "expertsnippet",
                   "Concept over", "conceptgeheim", "ledentag", "experttag", "concepttag"):
        assert secret not in text, secret
    assert "2 resultaten" in text  # the public casus (with its answer), the published article


def test_a_member_also_finds_members_content_but_not_experts_content(member_client, corpus):
    text = member_client.get(URL, {"q": "licentie"}).text
    assert "ledenproject" in text and "ledentag" in text
    assert "expertgeheim" not in text and "experttag" not in text
    assert "3 resultaten" in text


def test_an_expert_and_a_curator_find_everything_published(expert_client, curator_client, corpus):
    for c in (expert_client, curator_client):
        text = c.get(URL, {"q": "licentie"}).text
        assert "expertgeheim" in text and "ledenproject" in text
        assert "conceptgeheim" not in text
        assert "5 resultaten" in text  # 2 casussen more (answers are part of theirs), Eva Expert (licenties)


def test_type_filter_and_counts(client, corpus):
    response = client.get(URL, {"q": "licentie", "soort": "artikel"})
    results = response.context["results"]
    assert [e.kind for e in results.entries] == ["article"]
    assert dict((k, n) for k, _label, n in results.kind_counts) == {"casus": 1, "article": 1}
    assert results.total == 1


def test_tag_filter_and_counts(client, corpus):
    response = client.get(URL, {"q": "licentie", "tag": "licenties"})
    results = response.context["results"]
    assert {e.title for e in results.entries} == {"Licentie voor een open data portaal", "Licentie kiezen: stappenplan"}
    assert results.tag_counts == [("licenties", "licenties", 2)]


def test_a_tag_alone_lists_what_has_it(client, corpus):
    results = client.get(URL, {"tag": "licenties"}).context["results"]
    assert results.total == 2


def test_pagination(client, member):
    for n in range(25):
        make_casus(member, f"Casus nummer {n} over beleid", body="Geen toelichting.", tags=())
    first = client.get(URL, {"q": "beleid"})
    assert first.context["results"].pages == 2
    assert len(first.context["results"].entries) == 20
    assert "pagina=2" in first.text
    second = client.get(URL, {"q": "beleid", "pagina": 2})
    assert len(second.context["results"].entries) == 5


@pytest.mark.parametrize("rows", [3, 30])
def test_query_count_does_not_grow_with_the_data(client, rows, django_assert_num_queries, member):
    for n in range(rows):
        make_casus(member, f"Beleid {n}", body="Over beleid.", tags=[f"tag{n % 4}"])
    # synonyms, (PostgreSQL: is the word very common?), counts per kind, counts per tag, the page, its tags
    with django_assert_num_queries(5 + POSTGRES):
        response = client.get(URL, {"q": "beleid"})
    assert response.context["results"].total == rows


def test_query_count_for_a_member_adds_only_the_session_and_user(member_client, django_assert_num_queries, member):
    make_casus(member, "Beleid", body="Over beleid.", tags=())
    # session, user with profile (is_expert), synonyms, (PostgreSQL: very common?), counts per kind,
    # counts per tag, page, page's tags
    with django_assert_num_queries(7 + POSTGRES):
        member_client.get(URL, {"q": "beleid"})


def test_query_count_of_the_typo_fallback(client, postgres_only, django_assert_num_queries, member):
    make_casus(member, "Toegankelijkheid", body="Over toegankelijkheid.", tags=())
    # synonyms, very common? (no), full-text counts (none), close words in the lexicon, very common? (no),
    # counts per kind again, per tag, the page, the page's tags
    with django_assert_num_queries(9):
        response = client.get(URL, {"q": "toegankelijkhied"})
    assert response.context["results"].fuzzy


def test_a_very_common_word_shows_the_best_of_its_newest_matches(client, postgres_only, monkeypatch, member):
    from ospo_nl.search import index as search
    from ospo_nl.search.models import SearchEntry

    monkeypatch.setattr(search, "MATCH_CAP", 3)
    for n in range(5):
        make_casus(member, f"Beleid nummer {n}", body="Over beleid.", tags=())
    make_article(title="Beleid voor open source", body="Ons beleid.")
    newest = set(SearchEntry.objects.order_by("-date", "-id").values_list("title", flat=True)[:3])

    response = client.get(URL, {"q": "beleid"})
    results = response.context["results"]
    assert results.capped and results.total == 3
    assert {entry.title for entry in results.entries} == newest
    assert "Meer dan 3 resultaten" in response.text

    # One kind: that kind's own newest matches, counted exactly when they are few.
    response = client.get(URL, {"q": "beleid", "soort": "artikel"})
    results = response.context["results"]
    assert not results.capped and results.total == 1
    assert [entry.title for entry in results.entries] == ["Beleid voor open source"]
    response = client.get(URL, {"q": "beleid", "soort": "casus"})
    assert response.context["results"].capped and response.context["results"].total == 3


def test_a_word_under_the_cap_is_counted_exactly(client, postgres_only, monkeypatch, member):
    from ospo_nl.search import index as search

    monkeypatch.setattr(search, "MATCH_CAP", 3)
    for n in range(3):
        make_casus(member, f"Inkoop nummer {n}", body="Over inkoop.", tags=())
    results = client.get(URL, {"q": "inkoop"}).context["results"]
    assert not results.capped and results.total == 3
