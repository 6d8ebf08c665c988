"""How a typed query is read: websearch syntax, Dutch plurals, synonyms (no database needed)."""

from ospo_nl.search.index import dutch_variants, parse_query

SYNONYMS = {
    "ospo": ["ospo", "open source program office"],
    "open source program office": ["open source program office", "ospo"],
}


def test_plain_words_are_anded_in_one_group():
    parsed = parse_query("beleid gemeente")
    assert len(parsed.groups) == 1
    assert [t.alternatives[0] for t in parsed.groups[0]] == ["beleid", "gemeente"]


def test_or_splits_groups_and_a_lowercase_dutch_of_is_a_word():
    assert len(parse_query("eupl OR gpl").groups) == 2
    assert len(parse_query("eupl OF gpl").groups) == 2
    assert len(parse_query("ja of nee").groups) == 1


def test_quotes_make_a_phrase_and_minus_excludes():
    (phrase, excluded), = parse_query('"open source" -gpl').groups
    assert phrase.phrase and phrase.alternatives == ["open source"]
    assert excluded.negated and excluded.alternatives == ["gpl"]


def test_a_query_of_only_exclusions_is_empty():
    assert parse_query("-gpl -mit").is_empty


def test_dutch_plural_by_s_is_added_both_ways():
    assert dutch_variants("licenties") == ["licenties", "licentie"]
    assert dutch_variants("licentie") == ["licentie", "licenties"]
    assert dutch_variants("beleid") == ["beleid"]


def test_synonyms_expand_a_word_and_a_run_of_words():
    (term,), = parse_query("OSPO", SYNONYMS).groups
    assert term.alternatives == ["ospo", "open source program office"]
    (term, other), = parse_query("open source program office gemeente", SYNONYMS).groups
    assert "ospo" in term.alternatives
    assert other.alternatives[0] == "gemeente"


def test_punctuation_and_markup_in_the_query_are_dropped():
    (term,), = parse_query("<script>alert(1)</script>").groups
    assert "<" not in term.alternatives[0]
