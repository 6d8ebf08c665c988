"""PostgreSQL only: the trigram index on the search lexicon, for typo correction."""

from django.db import migrations

FORWARD = "CREATE INDEX search_word_trgm_idx ON ospo_nl_searchword USING gin (word gin_trgm_ops)"
BACKWARD = "DROP INDEX IF EXISTS search_word_trgm_idx"


def run(sql):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("ospo_nl", "0005_search_word"),
    ]

    operations = [
        migrations.RunPython(run(FORWARD), run(BACKWARD)),
    ]
