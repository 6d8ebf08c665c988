"""Each entry's language and ranking weight; the full-text index per database.

PostgreSQL: the generated `search_vector` is rebuilt to stem each entry with its own language's
configuration (`english` for English articles, `dutch` for everything else).
SQLite: an FTS5 table holds the Snowball-stemmed title, tags and body (ospo_nl.search.words), one row
per entry (rowid = entry id), emptied by a trigger when an entry goes; filled here from the entries there are.
"""

from django.db import migrations, models

TABLE = "ospo_nl_searchentry"
FTS = "ospo_nl_searchentry_fts"


def stemmed(column):
    # A cast of the column to regconfig would not be immutable; two constant configurations are.
    return (f"(CASE WHEN language = 'en' THEN to_tsvector('english'::regconfig, coalesce({column}, '')) "
            f"ELSE to_tsvector('dutch'::regconfig, coalesce({column}, '')) END)")


PG_FORWARD = [
    "DROP INDEX IF EXISTS search_entry_vector_idx",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector",
    f"""ALTER TABLE {TABLE} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight({stemmed("title")}, 'A') ||
        setweight({stemmed("tags")}, 'B') ||
        setweight({stemmed("body")}, 'C')
    ) STORED""",
    f"CREATE INDEX search_entry_vector_idx ON {TABLE} USING gin (search_vector)",
]
PG_BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_vector_idx",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector",
    f"""ALTER TABLE {TABLE} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('dutch'::regconfig, coalesce(title, '')), 'A') ||
        setweight(to_tsvector('dutch'::regconfig, coalesce(tags, '')), 'B') ||
        setweight(to_tsvector('dutch'::regconfig, coalesce(body, '')), 'C')
    ) STORED""",
    f"CREATE INDEX search_entry_vector_idx ON {TABLE} USING gin (search_vector)",
]
SQLITE_FORWARD = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5(title, tags, body, tokenize='unicode61 remove_diacritics 2')",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS}_delete AFTER DELETE ON {TABLE}
        BEGIN DELETE FROM {FTS} WHERE rowid = old.id; END""",
]
SQLITE_BACKWARD = [f"DROP TRIGGER IF EXISTS {FTS}_delete", f"DROP TABLE IF EXISTS {FTS}"]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for sql in PG_FORWARD:
            schema_editor.execute(sql)
    elif vendor == "sqlite":
        from ospo_nl.search.words import stemmed_text

        for sql in SQLITE_FORWARD:
            schema_editor.execute(sql)
        SearchEntry = apps.get_model("search", "SearchEntry")
        rows = [(e.pk, stemmed_text(e.title), stemmed_text(e.tags), stemmed_text(e.body))
                for e in SearchEntry.objects.only("title", "tags", "body").iterator()]
        with schema_editor.connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {FTS}(rowid, title, tags, body) VALUES (%s, %s, %s, %s)", rows)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}.get(vendor, [])
    for sql in statements:
        schema_editor.execute(sql)


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0003_event_and_signal_kinds"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="language",
            field=models.CharField(db_default="nl", default="nl", max_length=10),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="weight",
            field=models.FloatField(db_default=1.0, default=1.0),
        ),
        migrations.RunPython(forward, backward),
    ]
