"""Backup and restore as the README says: pg_dump -Fc, pg_restore into a fresh database, the content is back."""

import os
import shutil
import subprocess

import pytest
from django.db import connection

from casussen import verbs as casus_verbs
from forum import verbs
from forum.models import Category
from tests.factories import make_user

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("pg_dump") is None, reason="needs the PostgreSQL client tools"),
]


def _pg(settings_dict):
    env = {**os.environ, "PGUSER": settings_dict["USER"] or "postgres", "PGHOST": settings_dict["HOST"] or "127.0.0.1",
           "PGPORT": str(settings_dict["PORT"] or 5432)}
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    return env


def run(*args, env):
    result = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{' '.join(args)}:\n{result.stderr}"
    return result.stdout


def test_a_dump_restores_into_a_fresh_database_with_the_content(postgres_only, transactional_db, tmp_path):
    member = make_user("backup@example.org", name="Bea Backup")
    casus = casus_verbs.post_casus(by=member, title="Terugzetten van een back-up", body="Werkt **pg_restore**?")
    topic = verbs.start_topic(category=Category.objects.create(name="Beheer", slug="beheer"), by=member,
                              title="Back-ups maken", body="Elke nacht pg_dump.")
    source = connection.settings_dict["NAME"]
    target = f"{source}_restore"
    env = _pg(connection.settings_dict)
    dump = tmp_path / "ospo_nl.dump"

    run("pg_dump", "-Fc", "--no-owner", "-f", str(dump), source, env=env)
    run("dropdb", "--if-exists", target, env=env)
    run("createdb", target, env=env)
    try:
        run("pg_restore", "--no-owner", "--exit-on-error", "-d", target, str(dump), env=env)
        query = (f"SELECT (SELECT title FROM casussen_casus WHERE id = {casus.pk}) || '|' || "
                 f"(SELECT body_html FROM casussen_casus WHERE id = {casus.pk}) || '|' || "
                 f"(SELECT title FROM forum_topic WHERE id = {topic.pk}) || '|' || "
                 "(SELECT count(*) FROM ospo_nl_searchentry WHERE title = 'Back-ups maken') || '|' || "
                 f"(SELECT display_name FROM directory_profile WHERE user_id = {member.pk})")
        out = run("psql", "-At", "-d", target, "-c", query, env=env).strip()
        assert out == ("Terugzetten van een back-up|<p>Werkt <strong>pg_restore</strong>?</p>|Back-ups maken|1|"
                       "Bea Backup")
        # The full-text column (generated, PostgreSQL only) works in the copy too.
        fulltext = "SELECT count(*) FROM ospo_nl_searchentry WHERE search_vector @@ plainto_tsquery('dutch', 'back-up')"
        hits = run("psql", "-At", "-d", target, "-c", fulltext, env=env).strip()
        assert int(hits) >= 1
    finally:
        run("dropdb", "--if-exists", target, env=env)
