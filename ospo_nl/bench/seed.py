"""The benchmark data set: a realistic, deterministic community of `scale` times the national size.

Only ever runs against a database whose name ends in `_bench` (see `check_bench_database`). Every
table is emptied, then filled with PostgreSQL COPY (psycopg's `cursor.copy`): ids are assigned
here, denormalised counters (`answer_count`, `score`, `reply_count`, `last_reply`, ...) are set
directly, and Markdown is rendered once per distinct text of a small pool. Secondary indexes of the
loaded tables are dropped first and rebuilt after the load, which is much faster than keeping them
up to date row by row. The search index is written the same way, from the same data.
"""

import functools
import json
import math
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.urls import reverse
from django.utils.text import slugify
from psycopg.types.json import Jsonb

from casussen import filter_counts
from ospo_nl.core.markdown_pipeline import render_markdown, render_markdown_with_toc
from ospo_nl.search.index import lexicon_words, plain_text

from . import texts

# Scale 1: the size the issue asks for (a national network after some years).
SCALE_1 = {
    "users": 5_000, "experts": 500, "organisations": 2_000, "initiatives": 500, "casussen": 100_000,
    "answers": 300_000, "comments": 300_000, "votes": 300_000, "topics": 20_000, "replies": 200_000,
    "articles": 5_000, "notifications": 100_000,
}
TAG_COUNT = 300
DETAIL_ANSWERS = 20  # the casus the benchmark opens (id 1) has exactly this many answers
TOPIC_REPLIES = 200  # and the forum topic (id 1) this many replies
MEMBER_EMAIL = "lid@bench.example"
PASSWORD = "bench-wachtwoord-2026"
NOW = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
YEARS = 5 * 365 * 24 * 3600
META_TABLE = "bench_meta"
# Tables the seed never touches: schema bookkeeping and what migrate creates.
KEEP = {"django_migrations", "django_content_type", "auth_permission", "auth_group", "auth_group_permissions"}


class NotABenchDatabase(Exception):
    pass


@functools.cache
def _url_template(name, kinds):
    placeholders = [str(987654320 + i) if kind is int else f"placeholder{i}x" for i, kind in enumerate(kinds)]
    return reverse(name, args=placeholders), placeholders


def url(name, *args):
    """reverse() for hundreds of thousands of rows: resolved once per URL name, then filled in."""
    template, placeholders = _url_template(name, tuple(type(a) for a in args))
    for placeholder, arg in zip(placeholders, args, strict=True):
        template = template.replace(placeholder, str(arg))
    return template


def check_bench_database():
    name = settings.DATABASES["default"]["NAME"]
    if connection.vendor != "postgresql" or not str(name).endswith("_bench"):
        raise NotABenchDatabase(
            f"refusing to seed {connection.vendor} database {name!r}: only a PostgreSQL database whose name ends "
            "in _bench (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/ospo_nl_bench)"
        )


def counts_for(scale):
    counts = {name: max(1, round(n * scale)) for name, n in SCALE_1.items()}
    counts["users"] = max(counts["users"], 50)
    counts["experts"] = min(max(counts["experts"], 5), counts["users"] // 2)
    counts["casussen"] = max(counts["casussen"], 10)
    counts["replies"] = max(counts["replies"], TOPIC_REPLIES)
    counts["answers"] = max(counts["answers"], DETAIL_ANSWERS)
    return counts


# --- Reading and writing the marker -------------------------------------------------------------


def stored_meta():
    """{key: value} of the last complete seed, or {} when there was none."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s)", [META_TABLE])
        if cursor.fetchone()[0] is None:
            return {}
        cursor.execute(f"SELECT key, value FROM {META_TABLE}")
        return dict(cursor.fetchall())


def _write_meta(cursor, **values):
    cursor.execute(f"CREATE TABLE IF NOT EXISTS {META_TABLE} (key text PRIMARY KEY, value text NOT NULL)")
    cursor.execute(f"DELETE FROM {META_TABLE}")
    for key, value in values.items():
        cursor.execute(f"INSERT INTO {META_TABLE} (key, value) VALUES (%s, %s)", [key, str(value)])


# --- COPY --------------------------------------------------------------------------------------


@dataclass
class Timings:
    stdout: object = None
    rows: list = field(default_factory=list)  # [(what, rows, seconds)]

    def add(self, what, n, seconds):
        self.rows.append((what, n, seconds))
        if self.stdout:
            self.stdout.write(f"  {what:<32} {n:>9,} rows {seconds:7.1f} s")


def _copy(cursor, timings, model_or_table, columns, rows):
    """COPY `rows` (tuples in the order of `columns`) into the model's table; NOT NULL fields left out
    get their model default, so a new field with a default does not break the seed."""
    started = time.perf_counter()
    if isinstance(model_or_table, str):
        table, extra_cols, extra_vals = model_or_table, [], ()
    else:
        table = model_or_table._meta.db_table
        extra_cols, extra_vals = _defaults_for(model_or_table, columns)
    names = ", ".join(connection.ops.quote_name(c) for c in [*columns, *extra_cols])
    n = 0
    with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row + extra_vals if extra_vals else row)
            n += 1
    timings.add(table, n, time.perf_counter() - started)
    return n


def _defaults_for(model, columns):
    cols, vals = [], []
    for f in model._meta.concrete_fields:
        if f.column in columns or f.null or f.primary_key:
            continue
        value = f.get_default()  # "" for text fields without a default
        if value is None:
            raise ValueError(f"bench seed: {model._meta.label}.{f.name} has no value and no default")
        cols.append(f.column)
        vals.append(Jsonb(value) if f.get_internal_type() == "JSONField" else value)
    return cols, tuple(vals)


def _loaded_tables():
    return [m._meta.db_table for m in apps.get_models(include_auto_created=True)
            if m._meta.managed and not m._meta.proxy and m._meta.db_table not in KEEP]


INDEX_TABLE = "bench_dropped_indexes"


def _drop_secondary_indexes(cursor, tables):
    """Drop the indexes that back no constraint, remembering them in a table first: if a seed dies
    half-way, the next run builds them again (`_rebuild_indexes`)."""
    _rebuild_indexes(cursor)
    cursor.execute(
        """SELECT i.indexname, i.indexdef FROM pg_indexes i
           WHERE i.schemaname = 'public' AND i.tablename = ANY(%s)
             AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = to_regclass(i.indexname))""",
        [tables],
    )
    found = cursor.fetchall()
    cursor.execute(f"CREATE TABLE IF NOT EXISTS {INDEX_TABLE} (name text PRIMARY KEY, definition text NOT NULL)")
    for name, definition in found:
        cursor.execute(f"INSERT INTO {INDEX_TABLE} VALUES (%s, %s) ON CONFLICT DO NOTHING", [name, definition])
        cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    return len(found)


def _rebuild_indexes(cursor):
    cursor.execute("SELECT to_regclass(%s)", [INDEX_TABLE])
    if cursor.fetchone()[0] is None:
        return 0
    cursor.execute(f"SELECT definition FROM {INDEX_TABLE}")
    definitions = [row[0] for row in cursor.fetchall()]
    for definition in definitions:
        cursor.execute(definition.replace(" INDEX ", " INDEX IF NOT EXISTS ", 1))
    cursor.execute(f"DROP TABLE {INDEX_TABLE}")
    return len(definitions)


# --- The data ----------------------------------------------------------------------------------


class Seeder:
    def __init__(self, *, scale, seed, stdout=None):
        self.scale, self.seed = scale, seed
        self.n = counts_for(scale)
        self.rng = random.Random(seed)
        self.timings = Timings(stdout)
        self.stdout = stdout
        self.ct = {m: ContentType.objects.get_for_model(m).pk for m in (
            apps.get_model("casussen", "Casus"), apps.get_model("casussen", "Answer"),
            apps.get_model("forum", "Topic"), apps.get_model("forum", "Reply"),
            apps.get_model("kennisbank", "Article"), apps.get_model("directory", "Organisation"),
            apps.get_model("directory", "Initiative"), apps.get_model("directory", "Profile"),
        )}
        self.search_rows = []  # (content_type, object_id, kind, title, body, tags, url, date, audience, parent_ct, pid)
        self.search_tags = []  # (entry index, slug, name)
        self.lexicon = set()
        self.tagged = []  # (object_id, content_type_id, tag_id)

    # helpers
    def when(self):
        return NOW - timedelta(seconds=self.rng.randrange(YEARS))

    def later(self, start, max_days=30):
        moment = start + timedelta(seconds=self.rng.randrange(60, max_days * 86400))
        return moment if moment <= NOW else start + (NOW - start) * self.rng.random()

    def poisson(self, mean):
        """A count with this mean (Knuth's method; means here are small)."""
        if mean <= 0:
            return 0
        limit, k, p = math.exp(-mean), 0, self.rng.random()
        while p > limit:
            k += 1
            p *= self.rng.random()
        return k

    def pick_tags(self, k):
        # Skewed like real tag use: a few tags are on many posts, most on few.
        return sorted({int(TAG_COUNT * self.rng.random() ** 2.5) for _ in range(k)})

    def pool(self, size, **shape):
        """[(markdown, html, plain)] rendered once per distinct text."""
        out = []
        for text in texts.text_pool(self.rng, size, **shape):
            html = render_markdown(text)
            out.append((text, html, plain_text(html)))
        return out

    def index(self, model, object_id, kind, title, body, url, date, audience="public", tags=(), parent=None):
        self.search_rows.append((
            self.ct[model], object_id, kind, title[:300], body, ", ".join(self.tag_names[t] for t in tags), url,
            date, audience, parent[0] if parent else None, parent[1] if parent else None,
        ))
        entry = len(self.search_rows) - 1
        for t in tags:
            self.search_tags.append((entry, self.tag_slugs[t], self.tag_names[t]))

    # the whole run
    def run(self):
        with connection.cursor() as cursor:
            tables = _loaded_tables()
            started = started_all = time.perf_counter()
            cursor.execute(f"DROP TABLE IF EXISTS {META_TABLE}")  # not complete until the end
            cursor.execute("TRUNCATE " + ", ".join(tables) + " RESTART IDENTITY CASCADE")
            _drop_secondary_indexes(cursor, tables)
            self.timings.add("(truncate, drop indexes)", len(tables), time.perf_counter() - started)
            self.tags(cursor)
            self.people(cursor)
            self.directory(cursor)
            self.casussen(cursor)
            self.forum(cursor)
            self.kennisbank(cursor)
            self.notifications(cursor)
            _copy(cursor, self.timings, "taggit_taggeditem", ["object_id", "content_type_id", "tag_id"],
                  iter(self.tagged))
            self.search_index(cursor)
            started = time.perf_counter()
            self.timings.add("casussen_filtercount", filter_counts.rebuild(), time.perf_counter() - started)
            started = time.perf_counter()
            self.timings.add("(rebuild indexes)", _rebuild_indexes(cursor), time.perf_counter() - started)
            started = time.perf_counter()
            for table in tables:
                if self._has_serial_id(cursor, table):
                    cursor.execute(
                        "SELECT setval(pg_get_serial_sequence(%s, 'id'), coalesce(max(id), 0) + 1, false) FROM "
                        + connection.ops.quote_name(table), [table],
                    )
            cursor.execute("ANALYZE")
            self.timings.add("(sequences, analyze)", len(tables), time.perf_counter() - started)
            _write_meta(cursor, scale=self.scale, seed=self.seed, completed_at=datetime.now(UTC).isoformat(),
                        seconds=round(time.perf_counter() - started_all, 1), timings=json.dumps(self.timings.rows),
                        **{f"count_{k}": v for k, v in self.n.items()})
        return self.timings

    def _has_serial_id(self, cursor, table):
        cursor.execute("SELECT pg_get_serial_sequence(%s, 'id') IS NOT NULL FROM information_schema.columns "
                       "WHERE table_name = %s AND column_name = 'id'", [table, table])
        row = cursor.fetchone()
        return bool(row and row[0])

    # --- tags, users, profiles ------------------------------------------------------------------

    def tags(self, cursor):
        names = texts.tag_names()[:TAG_COUNT]
        self.tag_names = names
        self.tag_slugs = [slugify(n) for n in names]
        _copy(cursor, self.timings, apps.get_model("taggit", "Tag"), ["id", "name", "slug"],
              ((i + 1, n, self.tag_slugs[i]) for i, n in enumerate(names)))

    def tag_id(self, index):
        return index + 1

    def people(self, cursor):
        n, rng = self.n, self.rng
        password = make_password(PASSWORD)
        self.user_ids = range(1, n["users"] + 1)
        self.member_id = 1
        # Experts are users 2..experts+1; a few curators (staff) after them.
        self.expert_ids = list(range(2, n["experts"] + 2))
        curators = set(range(n["experts"] + 2, n["experts"] + 2 + max(1, n["users"] // 500)))
        self.joined = {}
        users, emails = [], []
        for uid in self.user_ids:
            email = MEMBER_EMAIL if uid == self.member_id else f"lid{uid}@bench.example"
            joined = NOW - timedelta(days=5 * 365) + timedelta(seconds=rng.randrange(YEARS // 2))
            self.joined[uid] = joined
            users.append((uid, password, False, email, "", "", email, uid in curators, True, joined))
            emails.append((uid, email, True, True, uid))
        _copy(cursor, self.timings, apps.get_model("auth", "User"),
              ["id", "password", "is_superuser", "username", "first_name", "last_name", "email", "is_staff",
               "is_active", "date_joined"], iter(users))
        _copy(cursor, self.timings, apps.get_model("account", "EmailAddress"),
              ["id", "email", "verified", "primary", "user_id"], iter(emails))
        self.names = {uid: f"{rng.choice(texts.FIRST_NAMES)} {rng.choice(texts.LAST_NAMES)}" for uid in self.user_ids}
        self.names[self.member_id] = "Lotte Lid"

    def directory(self, cursor):
        n, rng = self.n, self.rng
        Organisation = apps.get_model("directory", "Organisation")
        Initiative = apps.get_model("directory", "Initiative")
        Profile = apps.get_model("directory", "Profile")
        descriptions = self.pool(60, paragraphs=2, sentences=2)
        seen, orgs = Counter(), []
        for oid in range(1, n["organisations"] + 1):
            kind, pattern = rng.choice(texts.ORGANISATION_PATTERNS)
            name = pattern.format(place=rng.choice(texts.PLACES), last=rng.choice(texts.LAST_NAMES))
            seen[name] += 1
            if seen[name] > 1:
                name = f"{name} {seen[name]}"
            text, html, plain = rng.choice(descriptions)
            created = self.when()
            published = oid == 1 or rng.random() < 0.92
            tags = self.pick_tags(rng.randint(1, 3))
            slug = slugify(name)[:190] + f"-{oid}"
            orgs.append((oid, name, slug, kind, f"https://{slug}.example", "", rng.random() < 0.2, "", "", text,
                         html, published, created, created))
            self.tagged.extend((oid, self.ct[Organisation], self.tag_id(t)) for t in tags)
            if published:
                self.index(Organisation, oid, "organisation", name, plain_text(kind, plain),
                           url("directory:organisation_detail", slug),
                           created, tags=tags)
        self.organisation_ids = range(1, n["organisations"] + 1)
        _copy(cursor, self.timings, Organisation,
              ["id", "name", "slug", "kind", "website", "git_url", "has_ospo", "policy_url", "contact",
               "description", "description_html", "is_published", "created_at", "updated_at"], iter(orgs))

        inits, roles = [], []
        for iid in range(1, n["initiatives"] + 1):
            name = f"{rng.choice(texts.INITIATIVE_WORDS)}{rng.choice(texts.INITIATIVE_THINGS)} {iid}"
            text, html, plain = rng.choice(descriptions)
            created = self.when()
            slug = slugify(name)
            kind = rng.choice(["community", "platform", "programme", "standard", "foundation", "event_series"])
            tags = self.pick_tags(rng.randint(1, 3))
            inits.append((iid, name, slug, kind, "", text, html, "active", 2010 + iid % 15, True, created, created))
            for role, oid in zip(["founder", "host", "member", "member"],
                                 rng.sample(self.organisation_ids, min(4, len(self.organisation_ids))), strict=False):
                roles.append((len(roles) + 1, iid, oid, role))
            self.tagged.extend((iid, self.ct[Initiative], self.tag_id(t)) for t in tags)
            self.index(Initiative, iid, "initiative", name, plain_text(kind, plain),
                       url("directory:initiative_detail", slug),
                       created, tags=tags)
        _copy(cursor, self.timings, Initiative,
              ["id", "name", "slug", "kind", "website", "description", "description_html", "status", "start_year",
               "is_published", "created_at", "updated_at"], iter(inits))
        _copy(cursor, self.timings, apps.get_model("directory", "InitiativeOrganisation"),
              ["id", "initiative_id", "organisation_id", "role"], iter(roles))

        bios = self.pool(40, paragraphs=1, sentences=2)
        experts = set(self.expert_ids)
        profiles = []
        for uid in self.user_ids:
            is_expert = uid in experts
            text, html, plain = rng.choice(bios) if is_expert or rng.random() < 0.3 else ("", "", "")
            oid = rng.choice(self.organisation_ids) if rng.random() < 0.8 else None
            joined = self.joined[uid]
            slug = f"{slugify(self.names[uid])}-{uid}"  # unique without a query per row
            profiles.append((uid, uid, self.names[uid], slug, oid, text, html, is_expert, True, is_expert, False,
                             joined, joined))
            if is_expert:
                tags = self.pick_tags(3)
                self.tagged.extend((uid, self.ct[Profile], self.tag_id(t)) for t in tags)
                self.index(Profile, uid, "expert", self.names[uid], plain,
                           url("directory:expert_detail", slug), joined, tags=tags)
        _copy(cursor, self.timings, Profile,
              ["id", "user_id", "display_name", "slug", "organisation_id", "bio", "bio_html", "is_expert",
               "is_available", "is_public", "show_email", "created_at", "updated_at"], iter(profiles))

    # --- casussen ---------------------------------------------------------------------------------

    def casussen(self, cursor):
        n, rng = self.n, self.rng
        Casus = apps.get_model("casussen", "Casus")
        Answer = apps.get_model("casussen", "Answer")
        bodies = self.pool(300, paragraphs=2, sentences=3)
        tried = self.pool(100, paragraphs=1, sentences=2)
        desired = self.pool(100, paragraphs=1, sentences=1)
        lessons = self.pool(60, paragraphs=1, sentences=2, advice=True)
        answer_texts = self.pool(300, paragraphs=2, sentences=2, bullets=3, advice=True)
        comment_texts = self.pool(150, paragraphs=1, sentences=1)
        # Answers per casus: mean about 3; spread the rest so the total matches the target.
        per_casus = [0] * (n["casussen"] + 1)
        per_casus[1] = DETAIL_ANSWERS
        weights = [0, 1, 2, 3, 4, 5, 6, 8]
        cumulative = [15, 27, 42, 60, 75, 85, 93, 100]
        for cid in range(2, n["casussen"] + 1):
            per_casus[cid] = weights[next(i for i, c in enumerate(cumulative) if rng.random() * 100 < c)]
        scale_answers = (n["answers"] - DETAIL_ANSWERS) / max(1, sum(per_casus) - DETAIL_ANSWERS)
        comment_rate = n["comments"] / max(1, n["casussen"] + n["answers"])
        vote_rate = n["votes"] / max(1, n["answers"])
        experts, users = self.expert_ids, self.user_ids
        casussen, answers, comments, votes, follows = [], [], [], [], []
        answer_id = comment_id = vote_id = 0
        visibility_roll = ["public"] * 16 + ["members"] * 3 + ["experts"]
        for cid in range(1, n["casussen"] + 1):
            k = per_casus[cid] if cid == 1 else int(per_casus[cid] * scale_answers + rng.random())
            title = texts.casus_title(rng)
            if cid % 20_000 == 7:
                title = f"Hoe gaan we om met {texts.RARE_WORD} bij {rng.choice(texts.TITLE_THINGS)}?"
            slug = f"{slugify(title)[:200]}-{cid}"
            author = self.member_id if cid % 1000 == 3 else rng.choice(users)
            created = self.when()
            visibility = "public" if cid == 1 else rng.choice(visibility_roll)
            deleted = created if cid > 1 and rng.random() < 0.005 else None
            last = created
            answer_score, accepted_id = 0, None
            status = "new" if k == 0 else "answered"
            if k and rng.random() < 0.5 and cid != 1:
                status = "resolved"
            alive_answers = 0
            for j in range(k):
                answer_id += 1
                a_created = self.later(created)
                last = max(last, a_created)
                a_deleted = a_created if rng.random() < 0.005 else None
                score = 0
                for voter in rng.sample(users, min(len(users), self.poisson(vote_rate))):
                    vote_id += 1
                    value = 1 if rng.random() < 0.85 else -1
                    score += value
                    votes.append((vote_id, voter, answer_id, value, self.later(a_created)))
                is_accepted = status == "resolved" and accepted_id is None and a_deleted is None and j == 0
                if is_accepted:
                    accepted_id = answer_id
                text, html, plain = rng.choice(answer_texts)
                author_a = rng.choice(experts) if rng.random() < 0.85 else rng.choice(users)
                answers.append((answer_id, author_a, text, html, a_created, a_created, a_deleted, cid, score,
                                is_accepted, a_created if is_accepted else None))
                if a_deleted is None:
                    alive_answers += 1
                    answer_score += score
                    if deleted is None:
                        self.index(Answer, answer_id, "answer", title, plain,
                                   url("casussen:detail", slug) + f"#antwoord-{answer_id}",
                                   a_created, visibility, parent=(self.ct[Casus], cid))
                for _c in range(self.poisson(comment_rate)):
                    comment_id += 1
                    c_created = self.later(a_created)
                    last = max(last, c_created)
                    text, html, _plain = rng.choice(comment_texts)
                    comments.append((comment_id, rng.choice(users), text, html, c_created, c_created, None, cid,
                                     answer_id))
            for _c in range(self.poisson(comment_rate)):
                comment_id += 1
                c_created = self.later(created)
                last = max(last, c_created)
                text, html, _plain = rng.choice(comment_texts)
                comments.append((comment_id, rng.choice(users), text, html, c_created, c_created, None, cid, None))
            if status == "new" and rng.random() < 0.3:
                status = "claimed"
            claimed = rng.choice(experts) if status == "claimed" else None
            b, t, d = rng.choice(bodies), rng.choice(tried), rng.choice(desired)
            lesson = rng.choice(lessons) if status == "resolved" else ("", "", "")
            tags = self.pick_tags(rng.randint(1, 4))
            organisation = rng.choice(self.organisation_ids) if rng.random() < 0.7 else None
            casussen.append((
                cid, author, b[0], b[1], created, last, deleted, title, slug, t[0], t[1], d[0], d[1], organisation,
                rng.random() < 0.1, rng.choice(["orientation", "procurement", "building", "publishing", "maintenance"]),
                visibility, status, claimed, lesson[0], lesson[1], last, alive_answers, answer_score,
            ))
            self.tagged.extend((cid, self.ct[Casus], self.tag_id(x)) for x in tags)
            follows.append((len(follows) + 1, author, self.ct[Casus], cid, created))
            if deleted is None:
                self.index(Casus, cid, "casus", title, " ".join(p for p in (b[2], t[2], d[2], lesson[2]) if p),
                           url("casussen:detail", slug), created, visibility, tags=tags)
        self.casus_count = len(casussen)
        self.follows = follows
        self.casus_rows = casussen
        _copy(cursor, self.timings, Casus, [
            "id", "author_id", "body", "body_html", "created_at", "updated_at", "deleted_at", "title", "slug",
            "tried", "tried_html", "desired_outcome", "desired_outcome_html", "organisation_id", "hide_organisation",
            "phase", "visibility", "status", "claimed_by_id", "lessons_learned", "lessons_learned_html",
            "last_activity_at", "answer_count", "score"], iter(casussen))
        _copy(cursor, self.timings, Answer, [
            "id", "author_id", "body", "body_html", "created_at", "updated_at", "deleted_at", "casus_id", "score",
            "is_accepted", "accepted_at"], iter(answers))
        self.answer_rows = answers
        _copy(cursor, self.timings, apps.get_model("casussen", "Comment"), [
            "id", "author_id", "body", "body_html", "created_at", "updated_at", "deleted_at", "casus_id",
            "answer_id"], iter(comments))
        _copy(cursor, self.timings, apps.get_model("casussen", "Vote"),
              ["id", "user_id", "answer_id", "value", "created_at"], iter(votes))

    # --- forum ------------------------------------------------------------------------------------

    def forum(self, cursor):
        n, rng = self.n, self.rng
        Topic = apps.get_model("forum", "Topic")
        Reply = apps.get_model("forum", "Reply")
        categories = ["Algemeen", "Licenties en juridisch", "Inkoop en aanbesteden", "Techniek en beheer",
                      "Community en samenwerking", "Evenementen"]
        _copy(cursor, self.timings, apps.get_model("forum", "Category"),
              ["id", "name", "slug", "description", "description_html", "order"],
              ((i + 1, name, slugify(name), "", "", i) for i, name in enumerate(categories)))
        topic_texts = self.pool(200, paragraphs=2, sentences=2)
        reply_texts = self.pool(300, paragraphs=1, sentences=2)
        per_topic = [0, TOPIC_REPLIES] + [0] * (n["topics"] - 1)
        remaining = n["replies"] - TOPIC_REPLIES
        mean = remaining / max(1, n["topics"] - 1)
        for tid in range(2, n["topics"] + 1):
            per_topic[tid] = self.poisson(mean)
        topics, replies = [], []
        reply_id = 0
        for tid in range(1, n["topics"] + 1):
            title = texts.topic_title(rng)
            slug = slugify(title)[:200] or "onderwerp"
            created = self.when()
            last, last_reply = created, None
            author = rng.choice(self.user_ids)
            for _r in range(per_topic[tid]):
                reply_id += 1
                last = created + timedelta(seconds=(last - created).total_seconds() + rng.randrange(60, 86400))
                text, html, plain = rng.choice(reply_texts)
                replies.append((reply_id, rng.choice(self.user_ids), text, html, last, last, None, tid))
                last_reply = reply_id
                self.index(Reply, reply_id, "reply", title, plain, url("forum:reply", reply_id), last,
                           parent=(self.ct[Topic], tid))
            text, html, plain = rng.choice(topic_texts)
            tags = self.pick_tags(rng.randint(0, 3))
            topics.append((tid, author, text, html, created, created, None, title, slug, 1 + tid % len(categories),
                           tid % 997 == 0, False, last, per_topic[tid], last_reply))
            self.tagged.extend((tid, self.ct[Topic], self.tag_id(x)) for x in tags)
            self.follows.append((len(self.follows) + 1, author, self.ct[Topic], tid, created))
            self.index(Topic, tid, "topic", title, plain, url("forum:topic", tid, slug), created, tags=tags)
        # Topics first without last_reply (replies do not exist yet), then set it in one UPDATE.
        _copy(cursor, self.timings, Topic, [
            "id", "author_id", "body", "body_html", "created_at", "updated_at", "deleted_at", "title", "slug",
            "category_id", "is_pinned", "is_locked", "last_activity_at", "reply_count"],
            (row[:-1] for row in topics))
        _copy(cursor, self.timings, Reply, [
            "id", "author_id", "body", "body_html", "created_at", "updated_at", "deleted_at", "topic_id"],
            iter(replies))
        cursor.execute(
            "UPDATE forum_topic t SET last_reply_id = r.last FROM "
            "(SELECT topic_id, max(id) AS last FROM forum_reply GROUP BY topic_id) r WHERE r.topic_id = t.id"
        )

    # --- kennisbank -------------------------------------------------------------------------------

    def kennisbank(self, cursor):
        n, rng = self.n, self.rng
        Article = apps.get_model("kennisbank", "Article")
        from kennisbank.models import REVIEW_INTERVAL, plain_toc

        sections = [("Aan de slag", "aan-de-slag"), ("Licenties", "licenties"), ("Inkoop", "inkoop"),
                    ("Publiceren", "publiceren"), ("Beheer", "beheer"), ("Community", "community"),
                    ("Beleid", "beleid"), ("Techniek", "techniek")]
        _copy(cursor, self.timings, apps.get_model("kennisbank", "Section"), ["id", "title", "slug", "path", "order"],
              ((i + 1, title, slug, slug, i) for i, (title, slug) in enumerate(sections)))
        pool = []
        for text in texts.text_pool(rng, 120, paragraphs=5, sentences=3, bullets=4, heading=True, advice=True):
            html, toc = render_markdown_with_toc(text)
            pool.append((text, html, Jsonb(plain_toc(toc)), plain_text(html)))
        kinds = ["step_by_step", "best_practice", "background", "news", "lessons_learned"]
        articles, authors = [], []
        for aid in range(1, n["articles"] + 1):
            title = texts.article_title(rng)
            slug = f"{slugify(title)[:180]}-{aid}"
            section = 1 + aid % len(sections)
            text, html, toc, plain = rng.choice(pool)
            created = self.when()
            published = aid == 1 or rng.random() < 0.95
            reviewed = created.date()
            summary = f"{title}: wat je moet weten, met voorbeelden uit de praktijk."
            articles.append((aid, title, slug, rng.choice(kinds), 0, summary, text, html, toc, "",
                             "published" if published else "draft", created if published else None, created,
                             reviewed, reviewed + REVIEW_INTERVAL, created, created, section))
            authors.append((aid, aid, rng.choice(self.user_ids)))
            tags = self.pick_tags(rng.randint(1, 4))
            self.tagged.extend((aid, self.ct[Article], self.tag_id(x)) for x in tags)
            if published:
                self.index(Article, aid, "article", title, plain_text(summary, plain),
                           url("kennisbank:page", f"{sections[section - 1][1]}/{slug}"), created, tags=tags)
        _copy(cursor, self.timings, Article, [
            "id", "title", "slug", "kind", "order", "summary", "body", "body_html", "toc", "author_names", "status",
            "published_at", "content_updated_at", "last_reviewed_at", "review_due", "created_at", "updated_at",
            "section_id"], iter(articles))
        _copy(cursor, self.timings, Article.authors.through._meta.db_table, ["id", "article_id", "user_id"],
              iter(authors))

    # --- notifications, follows -------------------------------------------------------------------

    def notifications(self, cursor):
        rng = self.rng
        Casus = apps.get_model("casussen", "Casus")
        answers = self.answer_rows
        rows = []
        events = ["answer", "comment", "accepted", "expertise", "reply"]
        for i in range(1, self.n["notifications"] + 1):
            answer = answers[rng.randrange(len(answers))]
            cid = answer[7]
            casus = self.casus_rows[cid - 1]
            # The member has a full inbox (a few hundred), everyone else a share of the rest.
            recipient = self.member_id if i % 300 == 0 or i <= 300 else rng.choice(self.user_ids)
            created = answer[4]
            rows.append((i, recipient, answer[1], rng.choice(events), self.ct[Casus], cid, casus[7][:300],
                         url("casussen:detail", casus[8]), created, created if rng.random() < 0.7 else None, created))
        _copy(cursor, self.timings, apps.get_model("notifications", "Notification"), [
            "id", "recipient_id", "actor_id", "event", "content_type_id", "object_id", "title", "url", "created_at",
            "read_at", "emailed_at"], iter(rows))
        _copy(cursor, self.timings, apps.get_model("core", "Follow"),
              ["id", "user_id", "content_type_id", "object_id", "created_at"], iter(self.follows))

    # --- search index -----------------------------------------------------------------------------

    def search_index(self, cursor):
        for row in self.search_rows:
            self.lexicon |= lexicon_words(row[3], row[5]) if len(self.lexicon) < 10**6 else set()
        bodies = {row[4] for row in self.search_rows}
        for body in bodies:
            self.lexicon |= lexicon_words(body)
        _copy(cursor, self.timings, apps.get_model("search", "SearchEntry"), [
            "id", "content_type_id", "object_id", "kind", "title", "body", "tags", "url", "date", "audience",
            "parent_content_type_id", "parent_id", "indexed_at"],
            ((i + 1, *row, NOW) for i, row in enumerate(self.search_rows)))
        _copy(cursor, self.timings, apps.get_model("search", "SearchEntryTag"), ["id", "entry_id", "slug", "name"],
              ((i + 1, entry + 1, slug, name) for i, (entry, slug, name) in enumerate(self.search_tags)))
        _copy(cursor, self.timings, apps.get_model("search", "SearchWord"), ["word"],
              ((w,) for w in sorted(w for w in self.lexicon if len(w) <= 40)))


def seed(*, scale, seed=2026, stdout=None):
    check_bench_database()
    timings = Seeder(scale=scale, seed=seed, stdout=stdout).run()
    cache.clear()  # the bench's own cache (make bench: its own Redis db): nothing cached from the old data
    return timings
