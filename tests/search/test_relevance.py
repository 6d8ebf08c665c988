"""Relevance on Dutch text (PostgreSQL full text, trigrams, synonyms) and the SQLite fallback."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from ospo_nl.search.index import search
from ospo_nl.search.models import Synonym
from tests.factories import make_article, make_casus

pytestmark = pytest.mark.django_db

VISITOR = AnonymousUser()


def titles(q, **kwargs):
    return [e.title for e in search(q, user=VISITOR, **kwargs).entries]


def test_stemming_finds_other_forms_of_a_word(postgres_only, member):
    make_casus(member, "Welke licentie kiezen we?", body="Wij twijfelen tussen EUPL en MIT.", tags=())
    make_casus(member, "Gemeenten werken samen", body="Samenwerking tussen de gemeente en de provincie.", tags=())
    make_casus(member, "Iets anders", body="Over toegankelijkheid.", tags=())
    assert titles("licenties") == ["Welke licentie kiezen we?"]
    assert titles("gemeentes") == ["Gemeenten werken samen"]
    assert titles("samenwerken") == [] or "Gemeenten werken samen" in titles("samenwerking")


def test_a_quoted_phrase_needs_the_words_in_order(postgres_only, member):
    make_casus(member, "Open source beleid", body="Ons beleid voor open source software.", tags=())
    make_casus(member, "Bronnen openen", body="De source is nog niet open.", tags=())
    assert titles('"open source"') == ["Open source beleid"]
    assert set(titles("open source")) == {"Open source beleid", "Bronnen openen"}


def test_a_minus_excludes_and_or_widens(postgres_only, member):
    make_casus(member, "Licentie EUPL", body="Wij kiezen de EUPL.", tags=())
    make_casus(member, "Licentie GPL", body="Wij kiezen de GPL.", tags=())
    assert titles("licentie -gpl") == ["Licentie EUPL"]
    assert set(titles("eupl or gpl")) == {"Licentie EUPL", "Licentie GPL"}


def test_a_typo_is_forgiven_when_full_text_finds_nothing(postgres_only, member):
    make_casus(member, "Toegankelijkheid van open source portalen", body="WCAG-eisen bij hergebruik.", tags=())
    make_casus(member, "Inkoop", body="Aanbesteden van software.", tags=())
    results = search("toegankelijkhied", user=VISITOR)
    assert results.fuzzy
    assert [e.title for e in results.entries] == ["Toegankelijkheid van open source portalen"]


def test_a_typo_in_the_body_is_forgiven_too(postgres_only, member):
    make_casus(member, "Eisen aan websites", body="De digitale toegankelijkheid moet op orde zijn.", tags=())
    assert titles("toegankelijkhied") == ["Eisen aan websites"]


def test_a_transposed_letter_is_forgiven_and_highlighted(postgres_only, member):
    make_casus(member, "Aanbesteding van software", body="De licentie bepaalt veel.", tags=())
    (entry,) = search("licnetie", user=VISITOR).entries
    assert "<mark>licentie</mark>" in entry.snippet


def test_a_typo_never_reveals_words_of_content_the_user_may_not_see(postgres_only, member):
    make_casus(member, "Geheimproject", body="Alleen voor experts: zeldzaamwoord.", visibility="experts", tags=())
    results = search("zeldzamwoord", user=VISITOR)
    assert results.total == 0 and results.entries == [] and results.kind_counts == []


def test_the_lexicon_is_rebuilt_with_the_index(postgres_only, member):
    from django.core.management import call_command

    from ospo_nl.search.models import SearchWord

    make_casus(member, "Toegankelijkheid", body="Zeldzaamwoord hier.", tags=())
    SearchWord.objects.all().delete()
    call_command("rebuild_search_index", stdout=None)
    assert SearchWord.objects.filter(word="zeldzaamwoord").exists()


def test_synonyms_find_the_abbreviation_and_the_full_words(postgres_only, member):
    make_casus(member, "Een OSPO oprichten", body="Hoe begin je?", tags=())
    make_casus(member, "Ons open source program office", body="Wat doet het?", tags=())
    make_casus(member, "Wet open overheid en code", body="Moeten we de broncode openbaar maken?", tags=())
    assert set(titles("ospo")) == {"Een OSPO oprichten", "Ons open source program office"}
    assert set(titles("open source program office")) == {"Een OSPO oprichten", "Ons open source program office"}
    assert titles("Woo") == ["Wet open overheid en code"]


def test_a_synonym_added_by_a_curator_works_at_once(postgres_only, member):
    Synonym.objects.create(term="BIO", synonyms="Baseline Informatiebeveiliging Overheid")
    make_casus(member, "Baseline Informatiebeveiliging Overheid bij hergebruik", body="Geen toelichting.", tags=())
    assert titles("BIO") == ["Baseline Informatiebeveiliging Overheid bij hergebruik"]


def test_a_title_match_ranks_above_a_body_match(postgres_only):
    make_article(title="Achtergrond", body="SBOM hier, SBOM daar, en nog een SBOM voor de software; sbom overal.")
    make_article(title="Een SBOM maken", body="Hoe je begint.")
    assert titles("sbom") == ["Een SBOM maken", "Achtergrond"]


def test_the_snippet_highlights_hits_and_escapes_everything_else(postgres_only, member):
    # Code in Markdown stays text: the plain index text has literal markup the snippet must escape.
    make_casus(member, "Scriptrisico",
               body="Plak geen `<script>alert(1)</script>` in een licentie tekst; kosten < baten & 'zo'.", tags=())
    (entry,) = search("licentie", user=VISITOR).entries
    assert "<mark>licentie</mark>" in entry.snippet
    assert "<script>" not in entry.snippet and "<b" not in entry.snippet
    assert "kosten &lt; baten" in entry.snippet


def test_the_plain_fallback_finds_words_and_excludes(db, member):
    if connection.vendor == "postgresql":
        pytest.skip("the plain fallback runs where full-text search is not available (SQLite)")
    make_casus(member, "Licentie EUPL", body="Wij kiezen de EUPL.", tags=())
    make_casus(member, "Licentie GPL", body="Wij kiezen de GPL.", tags=())
    assert set(titles("licentie")) == {"Licentie EUPL", "Licentie GPL"}
    assert titles("licentie -gpl") == ["Licentie EUPL"]
    (entry,) = search("eupl -gpl", user=VISITOR).entries
    assert "<mark>EUPL</mark>" in entry.snippet
