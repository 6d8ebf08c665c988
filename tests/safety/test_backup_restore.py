"""Backup and restore as the README says: pg_dump -Fc, pg_restore into a fresh database, the content is back."""

import os
import shutil
import subprocess
import sys
import urllib.parse

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection

from casussen import verbs as casus_verbs
from forum import verbs
from forum.models import Category
from ospo_nl.notifications.models import Notification, NotificationSettings
from ospo_nl.notifications.verbs import notify
from tests.factories import make_user
from tests.ops.smtp_sink import smtp_sink

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


def _database_url(settings_dict, name):
    return (f"postgres://{urllib.parse.quote(settings_dict['USER'] or 'postgres')}:"
            f"{urllib.parse.quote(settings_dict['PASSWORD'] or '')}@{settings_dict['HOST'] or '127.0.0.1'}:"
            f"{settings_dict['PORT'] or 5432}/{name}")


def test_after_settle_after_restore_nothing_from_before_the_dump_is_mailed_again(
    postgres_only, transactional_db, tmp_path, settings
):
    """The live site mails what was queued after the dump was taken; the restored copy must not mail it again."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    expert = make_user("expert-backup@example.org", is_expert=True)
    member = make_user("lid-backup@example.org")
    NotificationSettings.objects.create(user=expert, email_mode="immediate")
    asker = make_user("vrager@example.org")
    casus = casus_verbs.post_casus(by=asker, title="Back-up en mail", body="Gaat het twee keer?")
    notify([expert, member], event=Notification.Event.ANSWER, target=casus, title=str(casus),
           url=casus.get_absolute_url())  # the expert's mail is a queued task, the member's waits for the digest

    source = connection.settings_dict["NAME"]
    target = f"{source}_settle"
    env = _pg(connection.settings_dict)
    dump = tmp_path / "ospo_nl.dump"
    run("pg_dump", "-Fc", "--no-owner", "-f", str(dump), source, env=env)

    # After the dump the live site goes on: the worker mails the expert, the digest mails the member.
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    call_command("send_digests", "--period", "daily", verbosity=0)
    assert sorted(m.to[0] for m in mail.outbox) == [expert.email, member.email]

    run("dropdb", "--if-exists", target, env=env)
    run("createdb", target, env=env)
    try:
        run("pg_restore", "--no-owner", "--exit-on-error", "-d", target, str(dump), env=env)
        with smtp_sink() as (sink, port):
            app_env = {**os.environ, "DATABASE_URL": _database_url(connection.settings_dict, target), "TESTING": "1",
                       "DEBUG": "0", "CACHE_URL": "", "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
                       "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend", "EMAIL_HOST": "127.0.0.1",
                       "EMAIL_PORT": str(port), "TEST_DATABASE_NAME": ""}

            def manage(*args):
                return run(sys.executable, "manage.py", *args, env=app_env)

            # The copy holds the queued mail task and both unmailed notifications, as the dump had them.
            assert "would settle 1 queued task(s) and 2 unmailed notification(s)" in manage(
                "settle_after_restore", "--dry-run")
            assert "settled 1 queued task(s) and 2 unmailed notification(s)" in manage("settle_after_restore")
            # Worker, digest and retry on the restored copy: nothing from before the dump goes out again.
            manage("db_worker", "--batch", "--no-startup-delay")
            manage("send_digests", "--period", "daily")
            manage("send_digests", "--period", "immediate")
            assert sink.messages == []
            # What happens after the restore is mailed as usual.
            manage("shell", "-c", (
                "from casussen.models import Casus; from django.contrib.auth import get_user_model; "
                "from ospo_nl.notifications.verbs import notify; c = Casus.objects.get(); "
                f"notify(get_user_model().objects.filter(email='{member.email}'), event='comment', target=c, "
                "title=str(c), url=c.get_absolute_url())"))
            manage("send_digests", "--period", "daily")
            assert [m["To"] for m in sink.messages] == [member.email]
    finally:
        run("dropdb", "--if-exists", target, env=env)
