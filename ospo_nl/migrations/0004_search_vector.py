"""PostgreSQL only: the generated full-text column of the search index and its GIN index; pg_trgm.

SQLite cannot have a generated tsvector column; there the search uses its plain fallback. The column
is not a model field (see ospo_nl.models.SearchEntry); ospo_nl.search refers to it in SQL.
Typo tolerance uses pg_trgm on the lexicon of indexed words (migration 0006), not on long bodies.
Also seeds the synonyms the issue names; curators edit them in the admin.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

TABLE = "ospo_nl_searchentry"

FORWARD = [
    f"""ALTER TABLE {TABLE} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('dutch'::regconfig, coalesce(title, '')), 'A') ||
        setweight(to_tsvector('dutch'::regconfig, coalesce(tags, '')), 'B') ||
        setweight(to_tsvector('dutch'::regconfig, coalesce(body, '')), 'C')
    ) STORED""",
    f"CREATE INDEX search_entry_vector_idx ON {TABLE} USING gin (search_vector)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_vector_idx",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector",
]

SYNONYMS = {
    "OSPO": "open source program office, open source programme office",
    "OSS": "open source software, open-source software",
    "Woo": "Wet open overheid",
    "EUPL": "European Union Public Licence, European Union Public License",
    "SBOM": "software bill of materials",
}


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return apply


def seed_synonyms(apps, schema_editor):
    Synonym = apps.get_model("ospo_nl", "Synonym")
    for term, synonyms in SYNONYMS.items():
        Synonym.objects.get_or_create(term=term, defaults={"synonyms": synonyms})


class Migration(migrations.Migration):
    dependencies = [
        ("ospo_nl", "0003_search_index"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(run(FORWARD), run(BACKWARD)),
        migrations.RunPython(seed_synonyms, migrations.RunPython.noop),
    ]
