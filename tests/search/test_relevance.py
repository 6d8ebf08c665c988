"""Relevance on Dutch text, the same on PostgreSQL (full text, trigrams) and SQLite (FTS5 over Snowball stems)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from ospo_nl.search.index import search
from ospo_nl.search.models import Synonym
from tests.factories import make_article, make_casus

pytestmark = pytest.mark.django_db

VISITOR = AnonymousUser()


def titles(q, **kwargs):
    return [e.title for e in search(q, user=VISITOR, **kwargs).entries]


def test_stemming_finds_other_forms_of_a_word(member):
    make_casus(member, "Welke licentie kiezen we?", body="Wij twijfelen tussen EUPL en MIT.", tags=())
    make_casus(member, "Gemeenten werken samen", body="Samenwerking tussen de gemeente en de provincie.", tags=())
    make_casus(member, "Iets anders", body="Over toegankelijkheid.", tags=())
    assert titles("licenties") == ["Welke licentie kiezen we?"]
    assert titles("gemeentes") == ["Gemeenten werken samen"]
    assert titles("samenwerken") == [] or "Gemeenten werken samen" in titles("samenwerking")


def test_a_quoted_phrase_needs_the_words_in_order(member):
    make_casus(member, "Open source beleid", body="Ons beleid voor open source software.", tags=())
    make_casus(member, "Bronnen openen", body="De source is nog niet open.", tags=())
    assert titles('"open source"') == ["Open source beleid"]
    assert set(titles("open source")) == {"Open source beleid", "Bronnen openen"}


def test_a_minus_excludes_and_or_widens(member):
    make_casus(member, "Licentie EUPL", body="Wij kiezen de EUPL.", tags=())
    make_casus(member, "Licentie GPL", body="Wij kiezen de GPL.", tags=())
    assert titles("licentie -gpl") == ["Licentie EUPL"]
    assert set(titles("eupl or gpl")) == {"Licentie EUPL", "Licentie GPL"}


def test_a_typo_is_forgiven_when_full_text_finds_nothing(member):
    make_casus(member, "Toegankelijkheid van open source portalen", body="WCAG-eisen bij hergebruik.", tags=())
    make_casus(member, "Inkoop", body="Aanbesteden van software.", tags=())
    results = search("toegankelijkhied", user=VISITOR)
    assert results.fuzzy
    assert [e.title for e in results.entries] == ["Toegankelijkheid van open source portalen"]


def test_a_typo_in_the_body_is_forgiven_too(member):
    make_casus(member, "Eisen aan websites", body="De digitale toegankelijkheid moet op orde zijn.", tags=())
    assert titles("toegankelijkhied") == ["Eisen aan websites"]


def test_a_transposed_letter_is_forgiven_and_highlighted(member):
    make_casus(member, "Aanbesteding van software", body="De licentie bepaalt veel.", tags=())
    (entry,) = search("licnetie", user=VISITOR).entries
    assert "<mark>licentie</mark>" in entry.snippet


def test_a_typo_never_reveals_words_of_content_the_user_may_not_see(member):
    make_casus(member, "Geheimproject", body="Alleen voor experts: zeldzaamwoord.", visibility="experts", tags=())
    results = search("zeldzamwoord", user=VISITOR)
    assert results.total == 0 and results.entries == [] and results.kind_counts == []


def test_the_lexicon_is_rebuilt_with_the_index(member):
    from django.core.management import call_command

    from ospo_nl.search.models import SearchWord

    make_casus(member, "Toegankelijkheid", body="Zeldzaamwoord hier.", tags=())
    SearchWord.objects.all().delete()
    call_command("rebuild_search_index", stdout=None)
    assert SearchWord.objects.filter(word="zeldzaamwoord").exists()


def test_synonyms_find_the_abbreviation_and_the_full_words(member):
    make_casus(member, "Een OSPO oprichten", body="Hoe begin je?", tags=())
    make_casus(member, "Ons open source program office", body="Wat doet het?", tags=())
    make_casus(member, "Wet open overheid en code", body="Moeten we de broncode openbaar maken?", tags=())
    assert set(titles("ospo")) == {"Een OSPO oprichten", "Ons open source program office"}
    assert set(titles("open source program office")) == {"Een OSPO oprichten", "Ons open source program office"}
    assert titles("Woo") == ["Wet open overheid en code"]


def test_a_synonym_added_by_a_curator_works_at_once(member):
    Synonym.objects.create(term="BIO", synonyms="Baseline Informatiebeveiliging Overheid")
    make_casus(member, "Baseline Informatiebeveiliging Overheid bij hergebruik", body="Geen toelichting.", tags=())
    assert titles("BIO") == ["Baseline Informatiebeveiliging Overheid bij hergebruik"]


def test_a_title_match_ranks_above_a_body_match(db):
    make_article(title="Achtergrond", body="SBOM hier, SBOM daar, en nog een SBOM voor de software; sbom overal.")
    make_article(title="Een SBOM maken", body="Hoe je begint.")
    assert titles("sbom") == ["Een SBOM maken", "Achtergrond"]


def test_the_snippet_highlights_hits_and_escapes_everything_else(member):
    # Code in Markdown stays text: the plain index text has literal markup the snippet must escape.
    make_casus(member, "Scriptrisico",
               body="Plak geen `<script>alert(1)</script>` in een licentie tekst; kosten < baten & 'zo'.", tags=())
    (entry,) = search("licentie", user=VISITOR).entries
    assert "<mark>licentie</mark>" in entry.snippet
    assert "<script>" not in entry.snippet and "<b" not in entry.snippet
    assert "kosten &lt; baten" in entry.snippet


def test_words_and_exclusions_and_the_snippet(db, member):
    make_casus(member, "Licentie EUPL", body="Wij kiezen de EUPL.", tags=())
    make_casus(member, "Licentie GPL", body="Wij kiezen de GPL.", tags=())
    assert set(titles("licentie")) == {"Licentie EUPL", "Licentie GPL"}
    assert titles("licentie -gpl") == ["Licentie EUPL"]
    (entry,) = search("eupl -gpl", user=VISITOR).entries
    assert "<mark>EUPL</mark>" in entry.snippet


def test_a_word_is_a_word_not_part_of_another(member):
    # Not substring matching: "woo" is no part of "antwoord".
    make_casus(member, "Een antwoord op alles", body="Hier staat het antwoord.", tags=())
    make_casus(member, "De Woo en broncode", body="Openbaarheid.", tags=())
    assert titles("woo") == ["De Woo en broncode"]


def test_a_casus_and_its_answers_are_one_result_at_the_best_matching_part(member, curator):
    from tests.factories import make_answer

    casus = make_casus(member, "Hulp gevraagd", body="Wij zoeken advies.", tags=())
    answer = make_answer(casus, curator, "Gebruik de EUPL; de EUPL past bij overheden.")
    make_answer(casus, curator, "Ook de EUPL-1.2 is goed.")
    results = search("eupl", user=VISITOR)
    (entry,) = results.entries
    assert results.total == 1 and dict((k, n) for k, _l, n in results.kind_counts) == {"casus": 1}
    assert entry.url == answer.get_absolute_url()  # the answer with the most EUPL
    assert entry.more_parts == 1
    assert "<mark>EUPL</mark>" in entry.snippet


def test_title_above_tags_above_body_and_an_accepted_answer_above_a_topic(member, curator, category):
    from casussen import verbs as casus_verbs
    from tests.factories import make_answer, make_topic

    make_article(title="Over software", body="Iets over een exitstrategie.")
    make_article(title="Algemeen", body="Geen woord erover.", tags=["exitstrategie"])
    make_article(title="Exitstrategie", body="Het plan.")
    assert titles("exitstrategie") == ["Exitstrategie", "Algemeen", "Over software"]

    topic = make_topic(member, category, "Vraag", body="Wie heeft een hostingcontract?")
    casus = make_casus(member, "Andere vraag", body="Hoe zit het?", tags=())
    answer = make_answer(casus, curator, "Een hostingcontract met een exit.")
    casus_verbs.accept_answer(casus=casus, answer=answer, by=member)
    assert titles("hostingcontract") == ["Andere vraag", topic.title]


def test_a_name_query_finds_the_name_first(member):
    from directory.models import Organisation

    Organisation.objects.create(name="Gemeente Utrecht", slug="utrecht", is_published=True)
    make_article(title="Samenwerken in Utrecht", body="De gemeente Utrecht en de provincie werken samen.")
    assert titles("Gemeente Utrecht")[0] == "Gemeente Utrecht"


def test_a_plain_question_drops_stop_words_and_ranks_by_most_words(member):
    make_article(title="Open Source Software licenties", body="Over het kiezen van een licentie.")
    make_casus(member, "Iets anders", body="Wij moeten kiezen.", tags=())
    results = search("welke licentie moet ik kiezen voor mijn project", user=VISITOR)
    assert results.broadened
    assert [e.title for e in results.entries][0] == "Open Source Software licenties"


def test_a_compound_is_split_into_words_of_the_index(member):
    make_casus(member, "Open source aanbesteden", body="Een aanbesteding met open source als eis.", tags=())
    make_casus(member, "Iets anders", body="Over toegankelijkheid.", tags=())
    assert titles("aanbestedingsprocedure") == ["Open source aanbesteden"]


def test_an_english_question_reaches_dutch_content_through_the_bilingual_list(member):
    make_casus(member, "Hoe publiceren we de broncode?", body="Wij willen het veilig doen.", tags=())
    make_casus(member, "Inkoop", body="Een aanbesteding voor software.", tags=())
    assert titles("how to publish source code") == ["Hoe publiceren we de broncode?"]
    assert titles("procurement") == ["Inkoop"]


def test_an_english_article_is_stemmed_as_english(member):
    make_article(title="Reviewing contributions", body="Every contribution is reviewed.", language="en")
    assert titles("reviews") == ["Reviewing contributions"]


def test_did_you_mean_names_a_word_of_the_index(member):
    make_casus(member, "Toegankelijkheid van portalen", body="WCAG-eisen.", tags=())
    results = search("toegankelijkhied portalen", user=VISITOR)
    assert results.suggestion == "toegankelijkheid portalen"


def test_did_you_mean_never_names_a_word_of_private_content(member):
    make_casus(member, "Geheim", body="Alleen voor leden: zeldzaamwoord.", visibility="members", tags=())
    assert search("zeldzamwoord", user=member).suggestion == ""


def test_the_page_shows_did_you_mean_as_a_link(client, member):
    make_casus(member, "Toegankelijkheid van portalen", body="WCAG-eisen.", tags=())
    text = client.get("/zoeken/", {"q": "toegankelijkhied"}).text
    assert "Bedoelde je" in text and "q=toegankelijkheid" in text
