"""The one site search: an index of everything searchable, kept current, and the queries over it.

Indexing. Each app registers its models in `<app>/search_index.py` (imported by the app's own
`AppConfig.ready`) with `register(Model, kind=..., entry=fn)`: `fn(obj)` returns the
fields of the object's `SearchEntry` (title, body, url, date, audience, tags, parent), or None when
the object must not be found (draft, unpublished, deleted, hidden). The post_save / post_delete /
m2m_changed receivers below copy that into the index. They are infrastructure, like a database
index: they decide nothing about the domain, they only mirror what the adapters say. A
`triggers` mapping says which other saves make an object's entry stale (a casus's visibility
changes its answers' audience). `manage.py rebuild_search_index` rebuilds everything in bulk.

Searching. `search(q, user=...)` runs the query on PostgreSQL with full-text search (the generated
`search_vector` column of migration 0004: `dutch` configuration, title weight A, tags B, body C),
and when full text finds nothing it corrects typos: each query word is widened with the most
similar words (pg_trgm) of `SearchWord`, the lexicon of indexed words, and searched again. It
expands admin-managed synonyms. On SQLite it uses plain `icontains`. Every result and every count
is limited to `ospo_nl.core.roles.audiences_for(user)`, the one place that maps roles to what a user may find.
"""

import functools
import html
import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.db.models import Count, Q, Window
from django.db.models.expressions import Expression
from django.db.models.functions import Coalesce, RowNumber
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from ospo_nl.core import content_cache, languages
from ospo_nl.core.roles import audiences_for
from ospo_nl.search import ranking, words
from ospo_nl.search.models import SearchEntry, SearchEntryTag, SearchWord, Synonym

Audience = SearchEntry.Audience
Kind = SearchEntry.Kind

PER_PAGE = 20
MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MAX_BODY_CHARS = 100_000
TAG_FACETS = 20
# A word in more texts than this (say "open source"): rank, count and facet only its newest this many.
MATCH_CAP = 1000
FTS_TABLE = "ospo_nl_searchentry_fts"  # SQLite only (search migration 0004)
# Fewer documents than this for all the words: broaden to most of the words, compounds and typos.
FEW_RESULTS = 3
SNIPPET_CHARS = 240
CORRECTION_SIMILARITY = 0.35  # trigram similarity a lexicon word needs to count as "meant"
CORRECTIONS_PER_WORD = 3


# --- Who may find what -------------------------------------------------------------------------


# --- Registry ----------------------------------------------------------------------------------


@dataclass
class Adapter:
    model: type
    kind: str
    entry: object  # (obj) -> dict | None
    queryset: object = None  # () -> QuerySet for the bulk rebuild (with its select/prefetch)
    # {other model or "app_label.Model": (fn(other) -> objects whose entries to redo, fields or None)}
    triggers: dict = field(default_factory=dict)


REGISTRY = {}


def register(model, *, kind, entry, queryset=None, triggers=None):
    """Make `model` searchable and keep its entries current (called from the owning app's ready())."""
    adapter = Adapter(model, kind, entry, queryset or model._default_manager.all, triggers or {})
    REGISTRY[model] = adapter
    _connect(adapter)


def plain_text(*parts):
    """Stored HTML (the Markdown pipeline's output) or plain strings as one plain text for the index."""
    text = " ".join(html.unescape(strip_tags(p)) for p in parts if p)
    return " ".join(text.split())[:MAX_BODY_CHARS]


_LEXICON_WORD = re.compile(r"[^\W\d_]{4,40}")


def lexicon_words(*texts):
    return {w.lower() for text in texts for w in _LEXICON_WORD.findall(text or "")}


def _add_to_lexicon(words, batch_size=1000):
    if words:
        SearchWord.objects.bulk_create((SearchWord(word=w) for w in words), ignore_conflicts=True,
                                       batch_size=batch_size)


def _tags_of(fields):
    return [(t.slug, t.name) for t in fields.get("tags") or ()]


def _entry_values(adapter, obj, fields):
    parent = fields.get("parent")
    return dict(
        kind=adapter.kind,
        title=plain_text(fields["title"])[:300],
        body=plain_text(fields.get("body", "")),
        tags=", ".join(name for _slug, name in _tags_of(fields)),
        url=languages.stored(fields["url"]),  # the Dutch path; pages show it in their language (localized)
        date=fields["date"],
        audience=fields.get("audience", Audience.PUBLIC),
        language=fields.get("language") if fields.get("language") in words.LANGUAGES else "nl",
        weight=ranking.entry_weight(adapter.kind, fields.get("standing")),
        parent_content_type=ContentType.objects.get_for_model(parent) if parent is not None else None,
        parent_id=parent.pk if parent is not None else None,
    )


_deferred = threading.local()


@contextmanager
def indexed_once():
    """Within the block, every object's entry is written once, at its end (still inside the caller's
    transaction), however often it is saved or re-tagged: a new casus is saved, then tagged (two writes of its
    entry before; each is six queries)."""
    outer = getattr(_deferred, "objects", None)
    if outer is not None:  # nested: the outermost block writes
        yield
        return
    _deferred.objects = {}
    try:
        yield
        pending = _deferred.objects
    finally:
        _deferred.objects = None
    for obj in pending.values():
        index_object(obj)


def index_object(obj):
    """Bring `obj`'s entry in line with its adapter: write it, or remove it when it must not be found."""
    adapter = REGISTRY.get(type(obj))
    if adapter is None or obj.pk is None:
        return
    if (pending := getattr(_deferred, "objects", None)) is not None:
        pending[(type(obj), obj.pk)] = obj
        return
    fields = adapter.entry(obj)
    if fields is None:
        remove_object(obj)
        return
    content_type = ContentType.objects.get_for_model(obj)
    values = _entry_values(adapter, obj, fields)
    content_cache.changed("search")
    # Without a savepoint of its own inside a verb's transaction (a failure fails the verb anyway): two round
    # trips fewer per write.
    with transaction.atomic(savepoint=False):
        entry, created = SearchEntry.objects.update_or_create(
            content_type=content_type, object_id=obj.pk, defaults=values
        )
        if not created:  # a new entry has no tag rows to replace
            entry.tag_rows.all().delete()
        SearchEntryTag.objects.bulk_create(
            SearchEntryTag(entry=entry, slug=slug[:100], name=name[:100]) for slug, name in _tags_of(fields)
        )
        _write_fts([entry])
        if entry.audience == Audience.PUBLIC:
            _add_to_lexicon(lexicon_words(values["title"], values["tags"], values["body"]))


def _write_fts(entries):
    """SQLite: the entries' stemmed text in the FTS5 table (PostgreSQL generates its own column).

    Removing rows is the table's trigger's work (search migration 0004), so a deleted entry never lingers.
    """
    if connection.vendor != "sqlite" or not entries:
        return
    rows = [(e.pk, words.stemmed_text(e.title, e.language), words.stemmed_text(e.tags, e.language),
             words.stemmed_text(e.body, e.language)) for e in entries]
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(row[0],) for row in rows])
        cursor.executemany(f"INSERT INTO {FTS_TABLE}(rowid, title, tags, body) VALUES (%s, %s, %s, %s)", rows)


def remove_object(obj):
    content_type = ContentType.objects.get_for_model(obj)
    content_cache.changed("search")
    SearchEntry.objects.filter(
        Q(content_type=content_type, object_id=obj.pk) | Q(parent_content_type=content_type, parent_id=obj.pk)
    ).delete()


def rebuild(*, dry_run=False, batch_size=1000):
    """Rebuild the whole index from the adapters. Returns {kind: (indexed, skipped)}."""
    counts, lexicon = {}, set()
    for adapter in REGISTRY.values():
        content_type = ContentType.objects.get_for_model(adapter.model)
        entries, tag_lists, skipped = [], [], 0
        for obj in adapter.queryset().iterator(chunk_size=batch_size):
            fields = adapter.entry(obj)
            if fields is None:
                skipped += 1
                continue
            values = _entry_values(adapter, obj, fields)
            entries.append(SearchEntry(content_type=content_type, object_id=obj.pk, **values))
            tag_lists.append(_tags_of(fields))
            if values["audience"] == Audience.PUBLIC:
                lexicon |= lexicon_words(values["title"], values["tags"], values["body"])
        counts[adapter.kind] = (len(entries), skipped)
        if dry_run:
            continue
        with transaction.atomic():
            SearchEntry.objects.filter(content_type=content_type).delete()
            created = SearchEntry.objects.bulk_create(entries, batch_size=batch_size)
            SearchEntryTag.objects.bulk_create(
                (SearchEntryTag(entry=entry, slug=slug[:100], name=name[:100])
                 for entry, tags in zip(created, tag_lists, strict=True) for slug, name in tags),
                batch_size=batch_size,
            )
            _write_fts(created)
    if not dry_run:
        content_cache.changed("search")
        with transaction.atomic():
            SearchWord.objects.all().delete()
            _add_to_lexicon(lexicon, batch_size=batch_size)
    return counts


# --- Keeping the index current (infrastructure, not domain flow) --------------------------------


def _on_save(sender, instance, raw=False, **kwargs):
    if not raw:
        index_object(instance)


def _on_delete(sender, instance, **kwargs):
    remove_object(instance)


def _on_tags_changed(sender, instance, action, reverse=False, **kwargs):
    if not reverse and action in ("post_add", "post_remove", "post_clear") and type(instance) in REGISTRY:
        index_object(instance)


def _on_synonyms_changed(sender, **kwargs):
    content_cache.changed("search")


def _trigger_receiver(fn, fields):
    def receiver(sender, instance, raw=False, update_fields=None, **kwargs):
        if raw or (fields and update_fields is not None and not set(update_fields) & set(fields)):
            return
        for obj in fn(instance):
            index_object(obj)

    return receiver


_receivers = []  # strong references: the signals hold weak ones


def _connect(adapter):
    uid = f"search-{adapter.model._meta.label}"
    post_save.connect(_on_save, sender=adapter.model, dispatch_uid=uid)
    post_delete.connect(_on_delete, sender=adapter.model, dispatch_uid=uid)
    for other, (fn, fields) in adapter.triggers.items():
        other_model = apps.get_model(other) if isinstance(other, str) else other
        receiver = _trigger_receiver(fn, fields)
        _receivers.append(receiver)
        post_save.connect(receiver, sender=other_model, dispatch_uid=f"{uid}-after-{other_model._meta.label}")


def connect_signals():
    """The receivers that are not one model's (called once, from SearchConfig.ready)."""
    m2m_changed.connect(_on_tags_changed, dispatch_uid="search-tags")
    # Synonyms change what a query finds: cached results must go.
    post_save.connect(_on_synonyms_changed, sender=Synonym, dispatch_uid="search-synonyms-saved")
    post_delete.connect(_on_synonyms_changed, sender=Synonym, dispatch_uid="search-synonyms-deleted")


# --- Reading the query -------------------------------------------------------------------------


@dataclass
class Term:
    alternatives: list  # words or phrases, any of which may match
    negated: bool = False
    phrase: bool = False


@dataclass
class ParsedQuery:
    groups: list  # OR of groups; a group is an AND of terms (websearch semantics)

    @property
    def positive_terms(self):
        return [t for g in self.groups for t in g if not t.negated]

    @property
    def negative_terms(self):
        return [t for g in self.groups for t in g if t.negated]

    @property
    def is_empty(self):
        return not self.positive_terms

    @property
    def words(self):
        """Every positive word or phrase, for highlighting."""
        return [a for t in self.positive_terms for a in t.alternatives]


_TOKEN = re.compile(r'-?"[^"]*"?|\S+')
_WORD = re.compile(r"[^\w'.+#-]+")


def _clean(text):
    return " ".join(w.strip(".-'") for w in _WORD.sub(" ", text.lower()).split() if w.strip(".-'"))


def dutch_variants(word):
    """The word and its singular/plural by -s, which the `dutch` stemmer leaves alone (licentie/licenties)."""
    variants = [word]
    if " " in word or not word.isalpha():
        return variants
    if len(word) >= 5 and word.endswith("s") and word[-2] in "aeiouy":
        variants.append(word[:-1])
    elif len(word) >= 4 and word[-1] in "aeiouy":
        variants.append(word + "s")
    return variants


def load_synonyms():
    """{word or phrase: [all members of its groups]}: the shipped list (data/synonyms.txt) and the
    curators' list in the admin (one query)."""
    mapping = {member: list(group) for member, group in load_shipped_synonyms().items()}
    for group in (synonym.group for synonym in Synonym.objects.all()):
        for member in group:
            mapping.setdefault(member, [])
            mapping[member].extend(m for m in group if m not in mapping[member])
    return mapping


def _is_stopword(term):
    return not term.negated and not term.phrase and term.alternatives[0] in words.stopwords()


def parse_query(text, synonyms=None):
    """Split `text` like websearch_to_tsquery: "phrases", -exclusions, `or`; expand synonyms and plurals;
    drop Dutch and English stop words ("welke licentie moet ik kiezen" is about licentie and kiezen)."""
    synonyms = synonyms or {}
    groups, group = [], []
    for token in _TOKEN.findall((text or "")[:MAX_QUERY_LENGTH]):
        if token.lower() in ("or", "of") and token != "of":  # "OF" is Dutch for OR; a lowercase "of" is a word
            if group:
                groups.append(group)
                group = []
            continue
        negated = token.startswith("-") and len(token) > 1
        raw = token[1:] if negated else token
        phrase = raw.startswith('"')
        cleaned = _clean(raw.strip('"'))
        if not cleaned:
            continue
        group.append(Term([cleaned], negated=negated, phrase=phrase or " " in cleaned))
    if group:
        groups.append(group)
    expanded = []
    for g in groups:
        terms = _expand(g, synonyms)
        kept = [t for t in terms if not _is_stopword(t)]
        expanded.append(kept if any(not t.negated for t in kept) else terms)
    return ParsedQuery(expanded[:MAX_TERMS])


def _expand(group, synonyms):
    """Replace runs of plain words (and phrases) that are a synonym by all of the group's members."""
    out, i = [], 0
    while i < len(group):
        term = group[i]
        if term.negated:
            out.append(term)
            i += 1
            continue
        match = None
        for n in range(min(5, len(group) - i), 0, -1):
            run = group[i:i + n]
            if any(t.negated or (t.phrase and n > 1) for t in run):
                continue
            key = " ".join(t.alternatives[0] for t in run)
            if key in synonyms:
                match = (n, Term(list(synonyms[key]), phrase=True))
                break
        if match:
            out.append(match[1])
            i += match[0]
        else:
            alternatives = term.alternatives if term.phrase else dutch_variants(term.alternatives[0])
            out.append(Term(alternatives, negated=False, phrase=term.phrase))
            i += 1
    return out[:MAX_TERMS]


# --- Broadening: compounds and typos from the index's own vocabulary ---------------------------


def _plain_words(parsed):
    return sorted({t.alternatives[0] for t in parsed.positive_terms
                   if not t.phrase and len(t.alternatives[0]) >= 4 and t.alternatives[0].isalpha()})[:MAX_TERMS]


def vocabulary(query_words):
    """(known, close): which of `query_words` and their possible compound parts are words of the index,
    and for each unknown query word the lexicon words most like it, best first. One query.
    """
    lookup = set(query_words)
    for word in query_words:
        lookup |= words.compound_candidates(word)
    known, close = set(), {}
    if not query_words:
        return known, close
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT '', word FROM ospo_nl_searchword WHERE word = ANY(%s) UNION ALL "
                "SELECT * FROM (SELECT q.w, l.word FROM unnest(%s::text[]) AS q(w) CROSS JOIN LATERAL ("
                "  SELECT word FROM ospo_nl_searchword"
                "  WHERE word %% q.w AND word <> q.w AND similarity(word, q.w) >= %s"
                "  ORDER BY similarity(word, q.w) DESC, word LIMIT %s) AS l) AS c",
                [sorted(lookup), list(query_words), CORRECTION_SIMILARITY, CORRECTIONS_PER_WORD],
            )
            for word, candidate in cursor.fetchall():
                if word:
                    close.setdefault(word, []).append(candidate)
                else:
                    known.add(candidate)
        else:
            # No trigram index: the words that begin like one of the query words and are about as long.
            placeholders = ", ".join(["%s"] * len(lookup))
            firsts = sorted({w[0] for w in query_words})
            cursor.execute(
                f"SELECT word FROM ospo_nl_searchword WHERE word IN ({placeholders}) OR ("
                f"substr(word, 1, 1) IN ({', '.join(['%s'] * len(firsts))}) AND length(word) BETWEEN %s AND %s)",
                [*sorted(lookup), *firsts, min(map(len, query_words)) - 2, max(map(len, query_words)) + 2],
            )
            rows = [row[0] for row in cursor.fetchall()]
            known = lookup & set(rows)
            for word in query_words:
                if word in known:
                    continue
                candidates = [w for w in rows if w[0] == word[0] and abs(len(w) - len(word)) <= 2 and w != word]
                found = words.difflib.get_close_matches(word, candidates, n=CORRECTIONS_PER_WORD,
                                                        cutoff=words.CLOSE_RATIO)
                if found:
                    close[word] = found
    for word in query_words:
        if word in known:
            close.pop(word, None)  # a word of the index is no typo
    return known, close


@dataclass
class Broadened:
    terms: list  # positive terms, any of which may match; ranked by how many do
    negated: list
    suggestion: str = ""  # the query with each unknown word replaced by the word of the index most like it
    fuzzy: bool = False


def broaden(parsed, synonyms, query):
    """`parsed` as a match on most of its words: each unknown word also as its closest words of the
    index (typos), each compound also as its parts (opensourcebeleid -> open, source, beleid)."""
    plain = _plain_words(parsed)
    known, close = vocabulary(plain)
    terms, suggestion = [], query.lower()
    fuzzy = False
    for term in parsed.positive_terms:
        word = term.alternatives[0]
        parts = [] if term.phrase else words.split_compound(word, known)
        # A compound of known words is no typo ("opensourcebeleid" is not "opensourcewerken").
        extra = [] if term.phrase or parts else close.get(word, [])
        # A correction is searched like the word itself: its plural and its synonyms too.
        widened = [v for w in extra for t in _expand([Term([w])], synonyms) for v in t.alternatives]
        terms.append(Term(term.alternatives + [w for w in widened if w not in term.alternatives], phrase=term.phrase))
        fuzzy = fuzzy or bool(extra)
        meant = words.closest(word, extra)
        if meant:
            suggestion = re.sub(rf"\b{re.escape(word)}\b", meant, suggestion)
        for part in parts:
            (part_term,) = _expand([Term([part])], synonyms)
            subparts = words.split_compound(part, known)
            if subparts:
                part_term.alternatives.append(" ".join(subparts))
            terms.append(part_term)
    suggestion = " ".join(suggestion.split())
    return Broadened(terms[:MAX_TERMS * 2], parsed.negative_terms,
                     suggestion if suggestion != " ".join(query.lower().split()) else "", fuzzy)


# --- The full-text SQL per database -------------------------------------------------------------


class EntrySQL(Expression):
    """SQL over a `SearchEntry` row; `{t}` becomes the alias of its table in the query being compiled.

    Needed for the generated `search_vector` column, which is not a model field (see SearchEntry).
    """

    def __init__(self, sql, params, output_field):
        super().__init__(output_field=output_field)
        self.sql, self.params = sql, list(params)

    def as_sql(self, compiler, connection):
        return self.sql.replace("{t}", compiler.quote_name(compiler.query.base_table)), self.params

    def get_group_by_cols(self):
        return []


PG_CONFIG_NAMES = tuple(words.PG_CONFIGS.values())


def _case(condition):
    return f"(CASE WHEN {condition} THEN 1.0 ELSE 0.0 END)"


@dataclass
class Clauses:
    """A query as SQL over one `SearchEntry` row: what matches, and the parts of its score."""

    match: tuple  # (sql, params)
    title: list  # [(sql, params)]: the whole query, or (broadened) one per term: the share of the words in the title
    tags: tuple
    rank: tuple
    coverage: list = field(default_factory=list)  # [(sql, params)] one per term, broadened searches only


def _pg_term(term):
    sql = " || ".join(f"phraseto_tsquery('{config}', %s)" for _alt in term.alternatives for config in PG_CONFIG_NAMES)
    return f"({sql})", [alt for alt in term.alternatives for _config in PG_CONFIG_NAMES]


def _pg_and(terms):
    sqls, params = [], []
    for term in terms:
        sql, p = _pg_term(term)
        sqls.append(f"(!!{sql})" if term.negated else sql)
        params += p
    return "(" + " && ".join(sqls) + ")", params


def _pg_or(parts):
    return "(" + " || ".join(sql for sql, _p in parts) + ")", [p for _sql, params in parts for p in params]


def _pg_clauses(positive_groups, match_query, coverage_terms=()):
    vector = "{t}.search_vector"
    positive = _pg_or([_pg_and(g) for g in positive_groups])
    return Clauses(
        match=(f"{vector} @@ {match_query[0]}", match_query[1]),
        title=([(f"ts_filter({vector}, '{{a}}') @@ {sql}", params) for sql, params in map(_pg_term, coverage_terms)]
               or [(f"ts_filter({vector}, '{{a}}') @@ {positive[0]}", positive[1])]),
        tags=(f"ts_filter({vector}, '{{b}}') @@ {positive[0]}", positive[1]),
        rank=(f"ts_rank('{ranking.PG_RANK_WEIGHTS}', {vector}, {positive[0]}, 1)", positive[1]),
        coverage=[(f"{vector} @@ {sql}", params) for sql, params in map(_pg_term, coverage_terms)],
    )


def _fts_term(term):
    """One term as an FTS5 expression over stems: any alternative, stemmed as Dutch or as English."""
    phrases = {}
    for alternative in term.alternatives:
        tokens = words.tokens(alternative)
        for language in words.LANGUAGES:
            if tokens:
                phrases['"' + " ".join(words.stem(t, language) for t in tokens) + '"'] = True
    return "(" + " OR ".join(phrases) + ")" if phrases else None


def _fts_and(terms):
    parts = [p for p in map(_fts_term, terms) if p]
    return "(" + " AND ".join(parts) + ")" if parts else None


def _fts_in(expression, negate=False):
    return (f"{{t}}.id {'NOT ' if negate else ''}IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)",
            [expression])


def _fts_clauses(positive_groups, conditions, coverage_terms=()):
    """`conditions`: [(sql, params)] any of which matches; the rest is computed over `positive_groups`."""
    positive = " OR ".join(p for p in map(_fts_and, positive_groups) if p) or '""'
    weights = ", ".join(map(str, ranking.FTS_COLUMN_WEIGHTS))
    rank = (f"(1.0 - 1.0 / (1.0 + COALESCE((SELECT -bm25({FTS_TABLE}, {weights}) FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH %s AND rowid = {{t}}.id), 0.0)))")
    match = ("(" + " OR ".join(sql for sql, _p in conditions) + ")", [p for _s, params in conditions for p in params])
    return Clauses(
        match=match if conditions else ("1 = 0", []),
        title=([_fts_in(f"{{title}} : {p}") for p in map(_fts_term, coverage_terms) if p]
               or [_fts_in(f"{{title}} : ({positive})")]),
        tags=_fts_in(f"{{tags}} : ({positive})"),
        rank=(rank, [positive]),
        coverage=[_fts_in(p) for p in map(_fts_term, coverage_terms) if p],
    )


def strict_clauses(parsed):
    """Every word (websearch semantics: groups joined by OR, each an AND of its terms)."""
    positive_groups = [[t for t in g if not t.negated] for g in parsed.groups]
    positive_groups = [g for g in positive_groups if g]
    if connection.vendor == "postgresql":
        return _pg_clauses(positive_groups, _pg_or([_pg_and(g) for g in parsed.groups]))
    conditions = []
    for group in parsed.groups:
        positive = _fts_and([t for t in group if not t.negated])
        negative = " OR ".join(p for p in map(_fts_term, [t for t in group if t.negated]) if p)
        if positive:
            conditions.append(_fts_in(f"{positive} NOT ({negative})" if negative else positive))
        elif negative:
            conditions.append(_fts_in(negative, negate=True))
    return _fts_clauses(positive_groups, conditions)


def broad_clauses(broadened):
    """Any of the words, ranked by how many: the coverage of a broadened search."""
    groups = [[t] for t in broadened.terms]
    if connection.vendor == "postgresql":
        any_word = _pg_or([_pg_term(t) for t in broadened.terms])
        match = any_word
        if broadened.negated:
            negative = _pg_and(broadened.negated)
            match = (f"({any_word[0]} && {negative[0]})", any_word[1] + negative[1])
        return _pg_clauses(groups, match, broadened.terms)
    any_word = " OR ".join(p for p in map(_fts_term, broadened.terms) if p)
    negative = " OR ".join(p for p in map(_fts_term, broadened.negated) if p)
    conditions = [_fts_in(f"({any_word}) NOT ({negative})" if negative else any_word)] if any_word else []
    return _fts_clauses(groups, conditions, broadened.terms)


def scored(clauses, query):
    """(match, score) expressions for a queryset; the weights are ranking's (docs/search.md)."""
    title = " + ".join(_case(sql) for sql, _p in clauses.title)
    text = (f"{{t}}.weight * ({ranking.TITLE} * ({title}) / {len(clauses.title)}.0"
            f" + {ranking.TAGS} * {_case(clauses.tags[0])}"
            f" + {ranking.BODY} * {clauses.rank[0]} + {ranking.EXACT_TITLE} * {_case('lower({t}.title) = %s')})")
    params = [*(p for _sql, ps in clauses.title for p in ps), *clauses.tags[1], *clauses.rank[1],
              " ".join(query.lower().split())]
    if clauses.coverage:
        share = " + ".join(_case(sql) for sql, _p in clauses.coverage)
        text += f" + {ranking.COVERAGE} * ({share}) / {len(clauses.coverage)}.0"
        params += [p for _sql, ps in clauses.coverage for p in ps]
    match = EntrySQL(clauses.match[0], clauses.match[1], models.BooleanField())
    return match, EntrySQL(text, params, models.FloatField())


# --- Snippets ------------------------------------------------------------------------------------


_SNIPPET_WORD = re.compile(r"\w+")


def query_stems(parsed_words):
    """Every stem, in every language, of the words and phrases searched for."""
    return {s for phrase in parsed_words for token in words.tokens(phrase) for s in (token, *words.stems(token))}


def snippet(body, wanted, language="nl"):
    """A window of `body` around its first word whose stem was searched for, escaped, hits in <mark>."""
    def hit(match):
        token = match.group(0).lower()
        return token in wanted or words.stem(token, language) in wanted

    first = next((m for m in _SNIPPET_WORD.finditer(body) if hit(m)), None) if wanted else None
    start = 0
    if first is not None and first.start() > SNIPPET_CHARS // 3:
        space = body.rfind(" ", 0, first.start() - SNIPPET_CHARS // 3)
        start = space + 1 if space >= 0 else first.start() - SNIPPET_CHARS // 3
    end = min(len(body), start + SNIPPET_CHARS)
    out, position = ["… " if start else ""], start
    for match in _SNIPPET_WORD.finditer(body, start, end):
        if hit(match):
            out += [escape(body[position:match.start()]), "<mark>", escape(match.group(0)), "</mark>"]
            position = match.end()
    out += [escape(body[position:end]), " …" if end < len(body) else ""]
    return mark_safe("".join(str(part) for part in out))


# --- The search itself -------------------------------------------------------------------------


@dataclass
class SearchResults:
    query: str
    entries: list = field(default_factory=list)  # the best matching part of each document
    total: int = 0  # documents (a casus with its answers is one)
    kind_counts: list = field(default_factory=list)  # [(kind, label, documents)]
    tag_counts: list = field(default_factory=list)  # [(slug, name, count)]
    page: int = 1
    pages: int = 0
    fuzzy: bool = False  # found only with words like the ones typed (typos)
    broadened: bool = False  # few documents had every word: these have most of them
    suggestion: str = ""  # "Bedoelde je …?"
    capped: bool = False  # more than MATCH_CAP matches: the best of the newest MATCH_CAP are shown


# A thread is one document: an answer belongs to its casus, a reply to its topic.
PARENT_KIND = {Kind.ANSWER: Kind.CASUS, Kind.REPLY: Kind.TOPIC}
CHILD_KINDS = {parent: child for child, parent in PARENT_KIND.items()}
DOCUMENT_KIND = models.Case(
    *(models.When(kind=child, then=models.Value(parent)) for child, parent in PARENT_KIND.items()),
    default=models.F("kind"), output_field=models.CharField(),
)
DOCUMENT_ID = Coalesce(models.F("parent_id"), models.F("object_id"))


def _matching_ids(matched):
    """The entries of `matched` by their ids, only its newest MATCH_CAP when there are more (PostgreSQL), and
    whether there were.

    Counting, ranking and faceting every text of a word that occurs in most of them costs seconds; the
    best matches among the newest MATCH_CAP cost milliseconds (index search_entry_date_idx). One query reads
    the ids: the counts and the page then read those rows by primary key. With the match itself in each of
    them, PostgreSQL could not tell how many texts it finds (a rare word: 3,444 expected, 18 found) and hashed
    them against every tag row (the tag count 29 ms); with the newest as a subquery, it ran it again in each.
    """
    newest = list(matched.order_by("-date", "-id").values_list("pk", flat=True)[:MATCH_CAP + 1])
    # One array parameter, not up to MATCH_CAP of them (an IN of a thousand costs Django and psycopg ~10 ms).
    ids = EntrySQL("{t}.id = ANY(%s)", [newest[:MATCH_CAP]], models.BooleanField())
    return SearchEntry.objects.filter(ids), len(newest) > MATCH_CAP


def _of_kind(qs, kind):
    return qs.filter(kind__in=[kind, CHILD_KINDS[kind]] if kind in CHILD_KINDS else [kind])


def _kind_counts(qs):
    """Documents per kind: a casus that matches with two of its answers counts once."""
    rows = (qs.order_by().annotate(document_kind=DOCUMENT_KIND, document_id=DOCUMENT_ID)
            .values_list("document_kind").annotate(n=Count("document_id", distinct=True)))
    found = dict(rows)
    return [(kind, label, found[kind]) for kind, label in Kind.choices if found.get(kind)]


def _tag_counts(qs):
    # Tags are on the documents themselves (answers and replies have none): these count documents.
    rows = (
        SearchEntryTag.objects.filter(entry__in=qs.order_by().values("pk"))
        .values_list("slug", "name").annotate(n=Count("id")).order_by("-n", "name")[:TAG_FACETS]
    )
    return list(rows)


def _one_per_document(rows, score):
    """Each document's best matching part (a casus or one of its answers), with how many parts matched."""
    document = [models.F("document_kind"), models.F("document_id")]
    return (
        rows.annotate(score=score, document_kind=DOCUMENT_KIND, document_id=DOCUMENT_ID)
        .annotate(
            best=Window(RowNumber(), partition_by=document,
                        order_by=[models.F("score").desc(), models.F("date").desc(), models.F("id").desc()]),
            parts=Window(Count("id"), partition_by=document),
        )
        .filter(best=1)
        .order_by("-score", "-date", "-id")
    )


def search(q, *, user, kind="", tag="", page=1, per_page=PER_PAGE):
    """`_search`, cached per audience (not per user: the results depend only on what `user` may find)
    until the index changes (ospo_nl.core.content_cache; on only with a shared cache)."""
    audiences = tuple(audiences_for(user))
    key = ("search", audiences, (q or "").strip()[:MAX_QUERY_LENGTH], kind, tag, page, per_page)
    return content_cache.cached(key, lambda: _search(q, user=user, kind=kind, tag=tag, page=page, per_page=per_page),
                                scopes=("search",))


def _matching(base, clauses, query):
    match, score = scored(clauses, query)
    uncapped = base.filter(match)
    if connection.vendor != "postgresql":  # the embedded default holds no corpus that large
        return uncapped, uncapped, False, score
    matched, capped = _matching_ids(uncapped)
    return uncapped, matched, capped, score


def _search(q, *, user, kind="", tag="", page=1, per_page=PER_PAGE):
    """One page of results for `q` that `user` may see, one per document, with counts per kind and per tag.

    Queries: synonyms, (PostgreSQL: is the word very common? MATCH_CAP), documents per kind, counts per
    tag, the page, the page's tags: 5 on SQLite, 6 on PostgreSQL. When every word finds no document, or fewer than
    FEW_RESULTS for a query of several words, the search broadens (most of the words, compounds, typos):
    one query looks words up in the lexicon, and the check and the counts per kind run again: 9 (7).
    """
    results = SearchResults(query=(q or "").strip()[:MAX_QUERY_LENGTH])
    synonyms = load_synonyms() if results.query else {}
    parsed = parse_query(results.query, synonyms) if results.query else None
    if parsed is not None and parsed.is_empty:
        return results
    if parsed is None and not (kind or tag):
        return results
    base = SearchEntry.objects.visible_to(user)
    if tag:
        base = base.filter(pk__in=SearchEntryTag.objects.filter(slug=tag).values("entry_id"))

    if parsed is None:
        uncapped = matched = base
        score = models.Value(0.0, output_field=models.FloatField())
    else:
        uncapped, matched, results.capped, score = _matching(base, strict_clauses(parsed), results.query)
    results.kind_counts = _kind_counts(matched)
    found = sum(n for _k, _l, n in results.kind_counts)
    highlight = parsed.words if parsed else []
    several_words = parsed is not None and len(parsed.positive_terms) > 1
    if parsed is not None and (not found or (found < FEW_RESULTS and several_words)):
        broadened = broaden(parsed, synonyms, results.query)
        results.suggestion = broadened.suggestion
        if broadened.fuzzy or several_words or len(broadened.terms) > len(parsed.positive_terms):
            uncapped, matched, results.capped, score = _matching(base, broad_clauses(broadened), results.query)
            results.kind_counts = _kind_counts(matched)
            results.broadened = several_words or len(broadened.terms) > len(parsed.positive_terms)
            results.fuzzy = broadened.fuzzy and not found
            highlight = [a for t in broadened.terms for a in t.alternatives]
    counts = {k: n for k, _label, n in results.kind_counts}
    results.total = counts.get(kind, 0) if kind else sum(counts.values())
    if kind and results.capped:
        # The kind's own newest matches, not those among the newest of all kinds.
        matched, results.capped = _matching_ids(_of_kind(uncapped, kind))
        results.total = sum(n for k, _label, n in _kind_counts(matched) if k == kind)
    elif kind:
        matched = _of_kind(matched, kind)
    if not results.total:
        return results
    results.tag_counts = _tag_counts(matched)

    results.pages = (results.total + per_page - 1) // per_page
    results.page = min(max(1, page), results.pages)
    offset = (results.page - 1) * per_page
    rows = _one_per_document(matched.for_results(), score)
    results.entries = list(rows[offset:offset + per_page])
    wanted = query_stems(highlight)
    for entry in results.entries:
        entry.document_label = Kind(entry.document_kind).label
        entry.more_parts = entry.parts - 1
        entry.snippet = snippet(entry.body, wanted, entry.language) if entry.body else ""
    return results


def similar(title, *, user, kinds=(Kind.CASUS, Kind.ARTICLE), limit=5):
    """Entries of `kinds` that share words with `title`, ranked like the search: "search before you ask".

    Any word may match (a title typed so far is not a precise query): the broadened search's coverage
    ranking, with the shipped synonyms (not the curators', which would cost a query). One query.
    """
    parsed = parse_query(" ".join(w for w in _clean(title or "").split() if len(w) >= 3),
                         load_shipped_synonyms())
    if parsed.is_empty:
        return []
    broadened = Broadened(parsed.positive_terms[:MAX_TERMS], [])
    match, score = scored(broad_clauses(broadened), title or "")
    qs = SearchEntry.objects.visible_to(user).filter(kind__in=list(kinds)).filter(match)
    qs = qs.annotate(score=score).order_by("-score", "-date", "-id")
    return list(qs.only("kind", "title", "url", "date")[:limit])


@functools.cache
def load_shipped_synonyms():
    mapping = {}
    for group in words.shipped_synonyms():
        for member in group:
            mapping.setdefault(member, [])
            mapping[member].extend(m for m in group if m not in mapping[member])
    return mapping
