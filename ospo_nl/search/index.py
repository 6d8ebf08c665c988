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

import html
import re
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.db.models import Count, Q
from django.db.models.expressions import Expression
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from ospo_nl.core import content_cache, languages
from ospo_nl.core.roles import audiences_for
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
# Marks ts_headline puts around a hit; stripped from indexed text, so only ts_headline can produce them.
START_MARK, STOP_MARK = "\ue000", "\ue001"
HEADLINE_OPTIONS = (
    f"StartSel={START_MARK}, StopSel={STOP_MARK}, MaxFragments=2, MaxWords=30, MinWords=12, "
    'ShortWord=2, FragmentDelimiter=" … "'
)
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
    text = text.replace(START_MARK, "").replace(STOP_MARK, "")
    return " ".join(text.split())[:MAX_BODY_CHARS]


_LEXICON_WORD = re.compile(r"[^\W\d_]{4,40}")


def lexicon_words(*texts):
    return {w.lower() for text in texts for w in _LEXICON_WORD.findall(text or "")}


def _add_to_lexicon(words, batch_size=1000):
    # Only PostgreSQL corrects typos; elsewhere the lexicon would be dead weight.
    if connection.vendor == "postgresql" and words:
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
        parent_content_type=ContentType.objects.get_for_model(parent) if parent is not None else None,
        parent_id=parent.pk if parent is not None else None,
    )


def index_object(obj):
    """Bring `obj`'s entry in line with its adapter: write it, or remove it when it must not be found."""
    adapter = REGISTRY.get(type(obj))
    if adapter is None or obj.pk is None:
        return
    fields = adapter.entry(obj)
    if fields is None:
        remove_object(obj)
        return
    content_type = ContentType.objects.get_for_model(obj)
    values = _entry_values(adapter, obj, fields)
    content_cache.changed("search")
    with transaction.atomic():
        entry, _created = SearchEntry.objects.update_or_create(
            content_type=content_type, object_id=obj.pk, defaults=values
        )
        entry.tag_rows.all().delete()
        SearchEntryTag.objects.bulk_create(
            SearchEntryTag(entry=entry, slug=slug[:100], name=name[:100]) for slug, name in _tags_of(fields)
        )
        _add_to_lexicon(lexicon_words(values["title"], values["tags"], values["body"]))


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
    def is_empty(self):
        return not self.positive_terms

    @property
    def words(self):
        """Every positive word or phrase, for highlighting outside PostgreSQL."""
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
    """{word or phrase: [all members of its group]} from the admin-managed list (one query)."""
    mapping = {}
    for synonym in Synonym.objects.all():
        group = synonym.group
        for member in group:
            mapping.setdefault(member, [])
            mapping[member].extend(m for m in group if m not in mapping[member])
    return mapping


def parse_query(text, synonyms=None):
    """Split `text` like websearch_to_tsquery: "phrases", -exclusions, `or`; expand synonyms and plurals."""
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
        words = _clean(raw.strip('"'))
        if not words:
            continue
        group.append(Term([words], negated=negated, phrase=phrase or " " in words))
    if group:
        groups.append(group)
    return ParsedQuery([_expand(g, synonyms) for g in groups][:MAX_TERMS])


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


# --- PostgreSQL: full text and trigrams --------------------------------------------------------


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


def tsquery_sql(parsed):
    """The parsed query as one tsquery expression, with its parameters."""
    group_sqls, params = [], []
    for group in parsed.groups:
        parts = []
        for term in group:
            sql = " || ".join(["phraseto_tsquery('dutch', %s)"] * len(term.alternatives))
            params.extend(term.alternatives)
            parts.append(f"(!!({sql}))" if term.negated else f"({sql})")
        group_sqls.append("(" + " && ".join(parts) + ")")
    return "(" + " || ".join(group_sqls) + ")", params


def _fulltext(parsed):
    tsq, params = tsquery_sql(parsed)
    match = EntrySQL(f"{{t}}.search_vector @@ {tsq}", params, models.BooleanField())
    # A title hit (weight A) always ranks above a hit in tags or body only; ts_rank orders within.
    score = EntrySQL(
        f"(CASE WHEN ts_filter({{t}}.search_vector, '{{a}}') @@ {tsq} THEN 1.0 ELSE 0.0 END)"
        f" + ts_rank('{{0.05, 0.2, 0.4, 1.0}}', {{t}}.search_vector, {tsq}, 1)",
        params * 2, models.FloatField(),
    )
    snippet = EntrySQL(f"ts_headline('dutch', {{t}}.body, {tsq}, %s)", [*params, HEADLINE_OPTIONS],
                       models.TextField())
    return match, score, snippet


def corrected(parsed):
    """`parsed` with each long plain word widened by the lexicon words closest to it (typos), or None.

    One query: for each word, the few most similar words of the index (trigram index on the lexicon).
    """
    words = sorted({t.alternatives[0] for t in parsed.positive_terms
                    if not t.phrase and len(t.alternatives[0]) >= 4 and t.alternatives[0].isalpha()})[:MAX_TERMS]
    if not words:
        return None
    sql = (
        "SELECT q.w, l.word FROM unnest(%s::text[]) AS q(w) CROSS JOIN LATERAL ("
        "  SELECT word FROM ospo_nl_searchword WHERE word %% q.w AND word <> q.w AND similarity(word, q.w) >= %s"
        "  ORDER BY similarity(word, q.w) DESC, word LIMIT %s) AS l"
    )
    close = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, [words, CORRECTION_SIMILARITY, CORRECTIONS_PER_WORD])
        for word, candidate in cursor.fetchall():
            close.setdefault(word, []).append(candidate)
    if not close:
        return None
    return ParsedQuery([
        [Term(t.alternatives + close.get(t.alternatives[0], []), t.negated, t.phrase) if not t.negated else t
         for t in group]
        for group in parsed.groups
    ])


# --- SQLite and friends: the plain fallback ----------------------------------------------------


def _plain_match(parsed):
    query = Q()
    for group in parsed.groups:
        group_q = Q()
        for term in group:
            term_q = Q()
            for alt in term.alternatives:
                term_q |= Q(title__icontains=alt) | Q(body__icontains=alt) | Q(tags__icontains=alt)
            group_q &= ~term_q if term.negated else term_q
        query |= group_q
    return query


def plain_snippet(body, words):
    """A window of `body` around the first hit of `words`, escaped, with the hits in <mark>."""
    lowered = body.lower()
    hits = [lowered.find(w.lower()) for w in words if w and lowered.find(w.lower()) >= 0]
    start = max(0, min(hits) - SNIPPET_CHARS // 3) if hits else 0
    text = body[start:start + SNIPPET_CHARS]
    prefix = "… " if start else ""
    suffix = " …" if start + SNIPPET_CHARS < len(body) else ""
    escaped = escape(text)
    if words:
        pattern = re.compile("|".join(re.escape(escape(w)) for w in sorted(words, key=len, reverse=True)),
                             re.IGNORECASE)
        escaped = pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped)
    return mark_safe(escape(prefix) + escaped + escape(suffix))


def headline_html(headline):
    """ts_headline's output made safe: everything escaped, then only its own marks become <mark>."""
    escaped = str(escape(headline or ""))
    return mark_safe(escaped.replace(START_MARK, "<mark>").replace(STOP_MARK, "</mark>"))


# --- The search itself -------------------------------------------------------------------------


@dataclass
class SearchResults:
    query: str
    entries: list = field(default_factory=list)
    total: int = 0
    kind_counts: list = field(default_factory=list)  # [(kind, label, count)]
    tag_counts: list = field(default_factory=list)  # [(slug, name, count)]
    page: int = 1
    pages: int = 0
    fuzzy: bool = False  # found by trigram similarity, not by full text
    capped: bool = False  # more than MATCH_CAP matches: the best of the newest MATCH_CAP are shown


def _newest_if_very_common(matched):
    """`matched`, or only its newest MATCH_CAP entries when there are more (PostgreSQL).

    Counting, ranking and faceting every text of a word that occurs in most of them costs seconds; the
    best matches among the newest MATCH_CAP cost milliseconds (index search_entry_date_idx). One query
    to find out, one subquery after.
    """
    if not matched.order_by().values_list("pk", flat=True)[MATCH_CAP:MATCH_CAP + 1]:
        return matched, False
    newest = matched.order_by("-date", "-id").values("pk")[:MATCH_CAP]
    return SearchEntry.objects.filter(pk__in=newest), True


def _kind_counts(qs):
    rows = qs.order_by().values_list("kind").annotate(n=Count("id"))
    found = dict(rows)
    return [(kind, label, found[kind]) for kind, label in Kind.choices if found.get(kind)]


def _tag_counts(qs):
    rows = (
        SearchEntryTag.objects.filter(entry__in=qs.order_by().values("pk"))
        .values_list("slug", "name").annotate(n=Count("id")).order_by("-n", "name")[:TAG_FACETS]
    )
    return list(rows)


def search(q, *, user, kind="", tag="", page=1, per_page=PER_PAGE):
    """`_search`, cached per audience (not per user: the results depend only on what `user` may find)
    until the index changes (ospo_nl.core.content_cache; on only with a shared cache)."""
    audiences = tuple(audiences_for(user))
    key = ("search", audiences, (q or "").strip()[:MAX_QUERY_LENGTH], kind, tag, page, per_page)
    return content_cache.cached(key, lambda: _search(q, user=user, kind=kind, tag=tag, page=page, per_page=per_page),
                                scopes=("search",))


def _search(q, *, user, kind="", tag="", page=1, per_page=PER_PAGE):
    """One page of results for `q` that `user` may see, with counts per kind and per tag.

    Queries (PostgreSQL and SQLite alike): synonyms, counts per kind, counts per tag, the page,
    the page's tags: 5; on PostgreSQL one more to see whether the word is very common (MATCH_CAP): 6.
    When full text finds nothing (PostgreSQL), one query looks up close words in the lexicon (typos),
    and the check and the counts per kind run again with them: 9.
    """
    results = SearchResults(query=(q or "").strip()[:MAX_QUERY_LENGTH])
    parsed = parse_query(results.query, load_synonyms()) if results.query else None
    if parsed is not None and parsed.is_empty:
        return results
    if parsed is None and not (kind or tag):
        return results
    base = SearchEntry.objects.visible_to(user)
    if tag:
        base = base.filter(pk__in=SearchEntryTag.objects.filter(slug=tag).values("entry_id"))

    postgres = connection.vendor == "postgresql"
    score = snippet = None
    if parsed is None:
        matched = base
    elif postgres:
        match, score, snippet = _fulltext(parsed)
        matched = base.filter(match)
    else:
        matched = base.filter(_plain_match(parsed))

    uncapped = matched
    if postgres and parsed is not None:
        matched, results.capped = _newest_if_very_common(matched)
    results.kind_counts = _kind_counts(matched)
    if postgres and parsed is not None and not results.kind_counts:
        parsed = corrected(parsed)
        if parsed is None:
            return results
        results.fuzzy = True
        match, score, snippet = _fulltext(parsed)
        uncapped = base.filter(match)
        matched, results.capped = _newest_if_very_common(uncapped)
        results.kind_counts = _kind_counts(matched)
    counts = {k: n for k, _label, n in results.kind_counts}
    results.total = counts.get(kind, 0) if kind else sum(counts.values())
    if kind and results.capped:
        # The kind's own newest matches, not those among the newest of all kinds.
        matched, results.capped = _newest_if_very_common(uncapped.filter(kind=kind))
        results.total = matched.count()
    elif kind:
        matched = matched.filter(kind=kind)
    if not results.total:
        return results
    results.tag_counts = _tag_counts(matched)

    results.pages = (results.total + per_page - 1) // per_page
    results.page = min(max(1, page), results.pages)
    offset = (results.page - 1) * per_page
    rows = matched.for_results()
    if score is not None:
        rows = rows.annotate(score=score).order_by("-score", "-date", "-id")
    if snippet is not None:
        rows = rows.annotate(headline=snippet)
    results.entries = list(rows[offset:offset + per_page])
    words = parsed.words if parsed else []
    for entry in results.entries:
        headline = getattr(entry, "headline", None)
        entry.snippet = headline_html(headline) if headline is not None else plain_snippet(entry.body, words)
    return results


def similar(title, *, user, kinds=(Kind.CASUS, Kind.ARTICLE), limit=5):
    """Entries of `kinds` that share words with `title`, best first: "search before you ask".

    Any word may match (a title typed so far is not a precise query). One query.
    """
    words = [w for w in _clean(title or "").split() if len(w) >= 3][:MAX_TERMS]
    if not words:
        return []
    parsed = ParsedQuery([[Term(dutch_variants(w))] for w in words])
    qs = SearchEntry.objects.visible_to(user).filter(kind__in=list(kinds))
    if connection.vendor == "postgresql":
        match, score, _snippet = _fulltext(parsed)
        qs = qs.filter(match).annotate(score=score).order_by("-score", "-date", "-id")
    else:
        long_words = [w for w in words if len(w) >= 4]
        if not long_words:
            return []
        qs = qs.filter(_plain_match(ParsedQuery([[Term([w])] for w in long_words]))).order_by("-date", "-id")
    return list(qs.only("kind", "title", "url", "date")[:limit])
