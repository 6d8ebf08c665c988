"""Every weight of the search ranking, in one place; docs/search.md explains each and why.

score = COVERAGE x (share of the query's words the document has; only when the search was broadened)
      + entry weight x (TITLE x (1 if the title matches; broadened: the share of the words in the title)
                        + TAGS if a tag matches + BODY x the text rank
                        + EXACT_TITLE if the title is the query itself)
and recency breaks ties. The entry weight is KIND_WEIGHTS[kind] x STANDING_WEIGHTS[standing], stored on
the entry when it is indexed (a change here needs `manage.py rebuild_search_index`).
"""

from ospo_nl.search.models import SearchEntry

Kind = SearchEntry.Kind

TITLE = 1.0
TAGS = 0.5
BODY = 1.0  # the full-text rank (ts_rank on PostgreSQL, bm25 on SQLite), between 0 and 1
EXACT_TITLE = 2.0  # names win for name queries: "Gemeente Utrecht", "Developer Overheid"
COVERAGE = 3.0  # broadened searches: the share of the words found counts most

# Field weights inside the text rank: title, tags, body (PostgreSQL's A, B, C; SQLite's bm25 columns).
PG_RANK_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"  # D, C, B, A as ts_rank wants them
FTS_COLUMN_WEIGHTS = (10.0, 4.0, 1.0)

# Topical content a reader came for above who and what: answers and articles first, people and
# organisations after (their names still win through TITLE and EXACT_TITLE).
KIND_WEIGHTS = {
    Kind.ARTICLE: 1.0,
    Kind.CASUS: 0.9,
    Kind.ANSWER: 0.8,
    Kind.TOPIC: 0.75,
    Kind.SIGNAL: 0.7,
    Kind.REPLY: 0.6,
    Kind.EVENT: 0.6,
    Kind.INITIATIVE: 0.55,
    Kind.ORGANISATION: 0.45,
    Kind.EXPERT: 0.35,
}
# What an adapter says about an entry's standing (its "standing" field).
STANDING_WEIGHTS = {
    "accepted": 1.25,  # the accepted answer of a casus
    "resolved": 1.15,  # a resolved casus (an accepted answer, lessons learned)
}


def entry_weight(kind, standing=None):
    return round(KIND_WEIGHTS.get(kind, 0.6) * STANDING_WEIGHTS.get(standing, 1.0), 4)
