"""The casus list's filter counts, kept up to date by the writes that change them instead of counted per page.

A `FilterCount` row says how many visible casussen share one visibility, status and phase: over all of them
(`ALL`), per organisation they name (`ORGANISATION`: not hidden by their author) and per tag (`TAG`), the last
two also over every status and phase (`ANY`) and over the open statuses and every phase (`OPEN`). The list's
counts and lengths for a viewer are sums of these rows over the viewer's audiences (`cells`, `count`,
`tag_counts`, `organisation_counts`): 8.6 ms at the bench's scale 1 instead of 130-170 ms grouping every
visible casus, after every new casus.

Kept by the signals below, in the writer's own transaction: a casus saved or deleted moves its old cells down
and its new ones up, a tag added to or removed from a casus moves that tag's cell. The increments are one
upsert, so two writers at once add up (the row lock orders them). What no signal sees (bulk loads, a raw SQL
change, two members changing one casus's tags at the same moment) is put right by `rebuild`, which
`recount_casussen` runs every night (ospo_nl/management/jobs.py) and the bench seed runs after loading.
"""

from django.db import connection, transaction
from django.db.models import Count, Subquery, Sum
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from taggit.models import Tag

from ospo_nl.core.tagging import tag_ids

from .models import Casus, FilterCount, organisations

# What decides a casus's cells; a save that writes none of these (a counter, a date) moves nothing.
STATE_FIELDS = ("visibility", "status", "phase", "organisation_id", "hide_organisation", "deleted_at", "hidden_at")
UPDATE_FIELDS = {*STATE_FIELDS, "organisation"}


def state_of(values):
    """(visibility, status, phase, named organisation or None) of a casus's field values; None if it is deleted
    or hidden (nobody sees it, so it counts nowhere)."""
    if values["deleted_at"] is not None or values["hidden_at"] is not None:
        return None
    named = values["organisation_id"] if values["organisation_id"] and not values["hide_organisation"] else None
    return values["visibility"], values["status"], values["phase"], named


def stored_state(pk):
    """The state of casus `pk` as stored, locked until the end of the transaction if there is one: a second
    writer of the same casus waits, and then reads what the first one wrote."""
    rows = Casus.objects.filter(pk=pk)
    if connection.in_atomic_block:
        rows = rows.select_for_update()
    values = rows.values(*STATE_FIELDS).first()
    return state_of(values) if values else None


def _state(casus):
    fields = casus.__dict__
    return state_of(fields) if all(f in fields for f in STATE_FIELDS) else stored_state(casus.pk)


def _cells(state, tags, sign):
    """The rows one casus in `state` with `tags` counts in, each with `sign`."""
    if state is None:
        return []
    visibility, status, phase, organisation_id = state
    keys = [(FilterCount.ALL, 0)]
    if organisation_id:
        keys.append((FilterCount.ORGANISATION, organisation_id))
    keys += [(FilterCount.TAG, tag_id) for tag_id in tags]
    # An organisation's and a tag's rows also count over every status and phase (ANY), and over the open statuses
    # and every phase (OPEN): the list's default view and "all" then sum one row per value instead of one per
    # value, status and phase.
    return [(dimension, value, visibility, status, phase, sign) for dimension, value in keys] + [
        (dimension, value, visibility, group, FilterCount.ANY, sign)
        for dimension, value in keys[1:] for group in _groups(status)]


def _groups(status):
    """The summing rows an organisation's or tag's casus of `status` also counts in (their status; phase ANY)."""
    return (FilterCount.ANY, FilterCount.OPEN) if status in Casus.OPEN_STATUSES else (FilterCount.ANY,)


def _tag_cells(state, tags, sign):
    return [cell for cell in _cells(state, tags, sign) if cell[0] == FilterCount.TAG]


def apply(cells):
    """Add each cell's sign to its row, creating it: one upsert, in a fixed order (no deadlock between two
    writers), so two transactions at once both count."""
    totals = {}
    for *key, sign in cells:
        totals[tuple(key)] = totals.get(tuple(key), 0) + sign
    rows = sorted((key, n) for key, n in totals.items() if n)
    if not rows:
        return
    table = connection.ops.quote_name(FilterCount._meta.db_table)
    columns = ("dimension", "value", "visibility", "status", "phase")
    values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(rows))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({', '.join(columns)}, n) VALUES {values} "  # noqa: S608 (names are ours)
            f"ON CONFLICT ({', '.join(columns)}) DO UPDATE SET n = {table}.n + excluded.n",
            [param for key, n in rows for param in (*key, n)],
        )


# --- The writes ---------------------------------------------------------------------------------------------

def _before_save(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and not set(update_fields) & UPDATE_FIELDS:
        return  # nothing its cells depend on is written
    instance._filter_old = stored_state(instance.pk) if instance.pk else None


def _after_save(sender, instance, created, **kwargs):
    if "_filter_old" not in instance.__dict__:
        return
    old, new = instance.__dict__.pop("_filter_old"), _state(instance)
    if old != new:
        tags = [] if created else list(tag_ids(Casus, instance.pk))
        apply(_cells(old, tags, -1) + _cells(new, tags, 1))


def _before_delete(sender, instance, **kwargs):
    apply(_cells(stored_state(instance.pk), tag_ids(Casus, instance.pk), -1))


def _tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """taggit's add and remove name exactly the tags they add or remove; clear names none, so its cells go
    down before (pre_clear)."""
    if reverse or not isinstance(instance, Casus) or instance.pk is None:
        return
    if action in ("post_add", "post_remove") and pk_set:
        apply(_tag_cells(stored_state(instance.pk), pk_set, 1 if action == "post_add" else -1))
    elif action == "pre_clear":
        apply(_tag_cells(stored_state(instance.pk), tag_ids(Casus, instance.pk), -1))


def connect_signals():
    pre_save.connect(_before_save, sender=Casus, dispatch_uid="casus-filter-counts-pre-save")
    post_save.connect(_after_save, sender=Casus, dispatch_uid="casus-filter-counts-save")
    pre_delete.connect(_before_delete, sender=Casus, dispatch_uid="casus-filter-counts-delete")
    m2m_changed.connect(_tags_changed, sender=Casus.tags.through, dispatch_uid="casus-filter-counts-tags")


def rebuild(casus_model=Casus, count_model=FilterCount, tagged_item_model=None):
    """Every row counted again from the casussen: what the signals could not see is put right. Takes the table
    lock first (PostgreSQL), so a writer's increment lands either before the count (which then sees its casus)
    or after it (on the new rows); two rebuilds at once run one after the other. Returns the rows written.
    The models are parameters for the migration that fills the table (historical models)."""
    if tagged_item_model is None:
        tagged_item_model = Casus.tags.through
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {connection.ops.quote_name(count_model._meta.db_table)} IN EXCLUSIVE MODE")
        alive = casus_model.objects.filter(deleted_at__isnull=True, hidden_at__isnull=True).order_by()
        rows = [count_model(dimension=FilterCount.ALL, value=0, visibility=v, status=s, phase=p, n=n)
                for v, s, p, n in alive.values_list("visibility", "status", "phase").annotate(n=Count("*"))]
        named = alive.filter(organisation__isnull=False, hide_organisation=False)
        rows += [count_model(dimension=FilterCount.ORGANISATION, value=o, visibility=v, status=s, phase=p, n=n)
                 for o, v, s, p, n in named.values_list("organisation_id", "visibility", "status", "phase")
                 .annotate(n=Count("*"))]
        tagged = tagged_item_model.objects.filter(
            content_type__app_label="casussen", content_type__model="casus").order_by()
        states = dict((pk, (v, s, p)) for pk, v, s, p in alive.values_list("pk", "visibility", "status", "phase"))
        per_tag = {}
        for object_id, tag_id in tagged.values_list("object_id", "tag_id"):
            if object_id not in states:  # a casus hidden or deleted between the two reads
                continue
            key = (tag_id, *states[object_id])
            per_tag[key] = per_tag.get(key, 0) + 1
        rows += [count_model(dimension=FilterCount.TAG, value=t, visibility=v, status=s, phase=p, n=n)
                 for (t, v, s, p), n in per_tag.items()]
        summed = {}
        for row in rows:
            if row.dimension != FilterCount.ALL:
                for group in _groups(row.status):
                    key = (row.dimension, row.value, row.visibility, group)
                    summed[key] = summed.get(key, 0) + row.n
        rows += [count_model(dimension=d, value=v, visibility=vis, status=group, phase=FilterCount.ANY, n=n)
                 for (d, v, vis, group), n in summed.items()]
        count_model.objects.all().delete()
        count_model.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def rebuild_in_migration(apps, schema_editor):
    """`rebuild` with a migration's historical models (casussen 0011 fills the table, 0012 and 0013 add the ANY and
    OPEN rows)."""
    rebuild(apps.get_model("casussen", "Casus"), apps.get_model("casussen", "FilterCount"),
            apps.get_model("taggit", "TaggedItem"))


# --- The reads -----------------------------------------------------------------------------------------------

def _statuses(status):
    """The statuses a list's status filter shows (casussen.views.STATUS_PARAMS's values)."""
    if status == "all":
        return None
    return list(Casus.OPEN_STATUSES) if status == "open" else [status]


def _rows(audiences, *, status="all", phase="", summed=False):
    """The rows of what `audiences` see with `status` and `phase`; `summed`: a tag's or organisation's rows of
    every status (ANY) or of the open ones (OPEN), over every phase, where no phase is chosen."""
    rows = FilterCount.objects.filter(visibility__in=audiences)
    if summed and not phase and status in ("all", "open"):
        return rows.filter(status=FilterCount.ANY if status == "all" else FilterCount.OPEN)
    statuses = _statuses(status)
    if statuses is not None:
        rows = rows.filter(status__in=statuses)
    return rows.filter(phase=phase) if phase else rows.exclude(status__in=FilterCount.GROUPS)


def _of(rows, *, tag="", organisation=""):
    """`rows` of one tag's or organisation's casussen (slugs) if given, else of all of them (not both: no row
    counts a tag within an organisation)."""
    assert not (tag and organisation)
    if tag:
        return rows.filter(dimension=FilterCount.TAG, value=Subquery(Tag.objects.filter(slug=tag).values("pk")[:1]))
    if organisation:
        return rows.filter(dimension=FilterCount.ORGANISATION,
                           value=Subquery(organisations().filter(slug=organisation).values("pk")[:1]))
    return rows.filter(dimension=FilterCount.ALL)


def cells(audiences, *, tag="", organisation=""):
    """[(status, phase, n)] of what `audiences` see, of one tag's or organisation's casussen if given."""
    rows = _of(_rows(audiences), tag=tag, organisation=organisation)
    return [(s, p, n) for s, p, n in rows.values_list("status", "phase").annotate(total=Sum("n")).order_by()
            if n]


def count(audiences, *, status, phase="", tag="", organisation=""):
    """How many casussen `audiences` see with `status` and `phase`, of one tag or organisation if given: a list's
    length without counting its rows (a tag page at scale 1: 23 -> under 1 ms)."""
    rows = _of(_rows(audiences, status=status, phase=phase, summed=bool(tag or organisation)), tag=tag,
               organisation=organisation)
    return rows.aggregate(total=Sum("n"))["total"] or 0


def count_own(own, *, status, phase="", tag="", organisation=""):
    """`count` of `own`, a member's few casussen outside their audiences, filtered here: two small queries (a
    join on `object_id::bigint` would read every tagged item)."""
    statuses = _statuses(status)
    rows = [(pk, organisation_id, hidden) for pk, s, p, organisation_id, hidden in own.values_list(
        "pk", "status", "phase", "organisation_id", "hide_organisation")
        if (statuses is None or s in statuses) and (not phase or p == phase)]
    if organisation:
        named = set(organisations().filter(slug=organisation).values_list("pk", flat=True))
        rows = [row for row in rows if row[1] in named and not row[2]]
    if tag and rows:
        tagged = set(Casus.tags.through.objects.filter(
            content_type__app_label="casussen", content_type__model="casus", tag__slug=tag,
            object_id__in=[pk for pk, *_rest in rows]).values_list("object_id", flat=True))
        rows = [row for row in rows if row[0] in tagged]
    return len(rows)


def _top(rows, named, limit, extra=None):
    """(slug, name, n) of the `limit` most counted values of `rows` that are in `named` (a queryset of a model with
    slug and name), most first, then by name: the rows summed per value first, then joined (at scale 1, 23,000
    organisation rows become 1,800 sums; joining before summing took 50 ms).

    `extra`: {value: n} counted elsewhere (a member's own casussen outside their audiences), added before ranking.
    Adding only raises counts, so a value below the first `limit + len(extra)` of `rows` cannot reach the first
    `limit`: those, and the values of `extra`, are all that need ranking."""
    extra = extra or {}
    found = {pk: [slug, name, total] for pk, slug, name, total in _joined(rows, named, limit=limit + len(extra))}
    if not extra:
        return [tuple(row) for row in found.values()][:limit]
    if missing := set(extra) - set(found):
        found.update({pk: [slug, name, total] for pk, slug, name, total in _joined(
            rows.filter(value__in=missing), named.filter(pk__in=missing))})
    for pk, n in extra.items():
        if pk in found:
            found[pk][2] += n
    return sorted((tuple(row) for row in found.values() if row[2]), key=lambda row: (-row[2], row[1]))[:limit]


def _joined(rows, named, *, limit=None):
    """(pk, slug, name, sum) of `named` joined with the sums of `rows` per value, most first. Without a limit,
    every one of `named`, with 0 where `rows` has none (a left join)."""
    sums, params = rows.values("value").annotate(total=Sum("n")).filter(total__gt=0).order_by().query.sql_with_params()
    names, name_params = named.values("pk", "slug", "name").order_by().query.sql_with_params()
    join = "JOIN" if limit is not None else "LEFT JOIN"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT named.pk, named.slug, named.name, COALESCE(sums.total, 0) FROM ({names}) named "  # noqa: S608
            f"{join} ({sums}) sums ON named.pk = sums.value ORDER BY 4 DESC, named.name"
            + (" LIMIT %s" if limit is not None else ""),
            [*name_params, *params, *([limit] if limit is not None else [])],
        )
        return cursor.fetchall()


def tag_counts(audiences, *, status, phase, limit, extra=None):
    """The most used tags among what `audiences` see with `status` and `phase`: (slug, name, n)."""
    return _top(_rows(audiences, status=status, phase=phase, summed=True).filter(dimension=FilterCount.TAG),
                Tag.objects, limit, extra)


def organisation_counts(audiences, *, status, phase, limit, extra=None):
    """The published organisations most named among what `audiences` see with `status` and `phase`."""
    return _top(_rows(audiences, status=status, phase=phase, summed=True).filter(dimension=FilterCount.ORGANISATION),
                organisations().filter(is_published=True), limit, extra)
