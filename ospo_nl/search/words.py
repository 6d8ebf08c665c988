"""The words of a search, the same on every database: tokens, Snowball stems, stop words, the shipped
synonym list, compound splitting and spelling suggestions from the index's own vocabulary.

PostgreSQL stems with its `dutch` and `english` text search configurations; SQLite's FTS5 table holds
text stemmed here with the same Snowball algorithms (snowballstemmer's `dutch_porter` is the Dutch
stemmer PostgreSQL ships), so a word form found on one database is found on the other.
"""

import difflib
import re
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer

DATA = Path(__file__).with_name("data")
LANGUAGES = ("nl", "en")
PG_CONFIGS = {"nl": "dutch", "en": "english"}
_SNOWBALL = {"nl": "dutch_porter", "en": "english"}

_TOKEN = re.compile(r"\w+")

# Compounds: parts of at least this many letters (the lexicon holds words of 4+), joined directly or by
# the Dutch linking sounds -s- and -e(n)- (aanbesteding+s+procedure, pannen+koek).
MIN_PART = 4
LINKS = ("", "s", "e", "en")
MAX_PARTS = 3
MIN_COMPOUND = 2 * MIN_PART
# "Bedoelde je": how close (difflib ratio, 0..1) a lexicon word must be to count as meant (SQLite; PostgreSQL
# uses trigram similarity, ospo_nl.search.index.CORRECTION_SIMILARITY).
CLOSE_RATIO = 0.75


def tokens(text):
    return _TOKEN.findall((text or "").lower())


@lru_cache(maxsize=100_000)
def stem(word, language="nl"):
    """The Snowball stem of one lowercase token; numbers and mixed tokens stay as they are."""
    if not word.isalpha():
        return word
    # A new stemmer per uncached word: snowballstemmer's objects keep state and are not thread-safe.
    return snowballstemmer.stemmer(_SNOWBALL.get(language, "dutch_porter")).stemWord(word)


def stems(word):
    """The word's stems in every language we index, for a query (its language is not known)."""
    return list(dict.fromkeys(stem(word, language) for language in LANGUAGES))


def stemmed_text(text, language="nl"):
    """`text` as its stems, for SQLite's FTS5 table."""
    return " ".join(stem(t, language) for t in tokens(text))


def _read_lines(name):
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@cache
def stopwords():
    """The Snowball stop words of Dutch and English (as PostgreSQL's configurations have them)."""
    return frozenset(w.lower() for name in ("stopwords_dutch.txt", "stopwords_english.txt") for w in _read_lines(name))


@cache
def shipped_synonyms():
    """The groups of `data/synonyms.txt`, each a list of lowercase words or phrases."""
    groups = []
    for line in _read_lines("synonyms.txt"):
        group = list(dict.fromkeys(" ".join(w.lower().split()) for w in line.split(",") if w.strip()))
        if len(group) > 1:
            groups.append(group)
    return groups


def compound_candidates(word):
    """Every piece of `word` that could be a part of it, to look up in the lexicon at once."""
    if len(word) < MIN_COMPOUND or not word.isalpha():
        return set()
    return {word[i:j] for i in range(len(word)) for j in range(i + MIN_PART, len(word) + 1) if (i, j) != (0, len(word))}


def split_compound(word, known):
    """`word` as the fewest parts that are all in `known` (the lexicon), or [] when it is no compound of them.

    "aanbestedingsprocedure" -> ["aanbesteding", "procedure"]; "opensourcebeleid" -> ["open", "source", "beleid"].
    Among splits with as many parts, the one whose shortest part is longest wins. Without such a split, a known
    first part and the rest ("aanbesteding" + s + "procedure" when the index has no "procedure").
    """
    if len(word) < MIN_COMPOUND or not word.isalpha():
        return []

    @cache
    def best(start, parts_left):
        if start == len(word):
            return ()
        if parts_left == 0:
            return None
        found = None
        for end in range(len(word), start + MIN_PART - 1, -1):
            part = word[start:end]
            if part not in known or (start, end) == (0, len(word)):
                continue
            for link in LINKS:
                if link and not word.startswith(link, end):
                    continue
                rest_start = end + len(link)
                if rest_start != len(word) and len(word) - rest_start < MIN_PART:
                    continue
                rest = best(rest_start, parts_left - 1)
                if rest is None:
                    continue
                candidate = (part, *rest)
                if found is None or (len(candidate), -min(map(len, candidate))) < (len(found), -min(map(len, found))):
                    found = candidate
        return found

    parts = best(0, MAX_PARTS)
    if parts and len(parts) > 1:
        return list(parts)
    # A known modifier before a head the index lacks ("aanbesteding" + s + "procedure"): the longest one.
    for end in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        if word[:end] in known:
            rest = word[end:]
            link = "s" if rest.startswith("s") and len(rest) > MIN_PART else ""  # the usual linking -s-
            return [word[:end], rest[len(link):]]
    return []


def closest(word, candidates):
    """The candidate most like `word` (a typo's correction), or None."""
    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=CLOSE_RATIO)
    return matches[0] if matches else None
