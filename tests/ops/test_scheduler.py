"""The scheduler: two of them at once send each digest once; a job held elsewhere is skipped."""

import time

import pytest
from django.core.management import call_command
from django.db import connection

from directory.models import Organisation
from ospo_nl.core.locks import NAMESPACE, advisory_lock, lock_key
from ospo_nl.management.jobs import JOBS
from ospo_nl.notifications.models import DigestRun, Notification
from tests.conftest import make_user
from tests.ops.processes import app_env, start, stop
from tests.ops.smtp_sink import smtp_sink


@pytest.fixture
def waiting_digests(postgres_only, transactional_db):
    """Five members with an unread notification each, waiting for the daily digest (their default)."""
    target = Organisation.objects.create(name="Gemeente Zwolle", slug="gemeente-zwolle", is_published=True)
    members = [make_user(f"digest{i}@example.org") for i in range(5)]
    for member in members:
        Notification.objects.create(recipient=member, event=Notification.Event.ANSWER, target=target,
                                    title="Nieuw antwoord", url=target.get_absolute_url())
    return members


def _mail_env(port, **extra):
    return app_env(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="127.0.0.1",
                   EMAIL_PORT=str(port), **extra)


def test_two_schedulers_running_the_same_jobs_at_once_send_each_digest_once(waiting_digests, tmp_path):
    with smtp_sink(delay=0.2) as (sink, port):  # a slow mail server: the two runs overlap
        env = _mail_env(port, SCHEDULE_EVERY_SECONDS="1")
        schedulers = [start("run_scheduler", env={**env, "SCHEDULER_HEARTBEAT_FILE": str(tmp_path / f"s{i}")})
                      for i in range(2)]
        try:
            deadline = time.monotonic() + 60
            while len(sink.messages) < len(waiting_digests) and time.monotonic() < deadline:
                time.sleep(0.5)
            time.sleep(4)  # both schedulers go on running every job every second
        finally:
            logs = [stop(s) for s in schedulers]
    for member in waiting_digests:
        assert len(sink.to(member.email)) == 1, logs
    assert DigestRun.objects.count() == len(waiting_digests)
    assert all((tmp_path / f"s{i}").exists() for i in range(2))  # both were alive and beating
    assert all("daily_digest" in log for log in logs)


def test_a_job_another_process_is_running_is_skipped(waiting_digests, capsys):
    with smtp_sink() as (sink, port):
        with advisory_lock("job:daily_digest") as held:
            assert held
            process = start("run_job", "daily_digest", env=_mail_env(port))
            process.wait(timeout=60)
            output = process.stdout.read()
        assert "job daily_digest: skipped" in output
        assert sink.messages == []
        # Once the lock is free the same command runs the job.
        call_command("run_job", "daily_digest")
    assert DigestRun.objects.count() == len(waiting_digests)
    assert "job daily_digest: ran" in capsys.readouterr().out


def test_every_job_names_an_existing_command_and_a_valid_time():
    from apscheduler.triggers.cron import CronTrigger
    from django.core.management import get_commands

    commands = get_commands()
    for name, job in JOBS.items():
        assert job.command[0] in commands, name
        CronTrigger.from_crontab(job.cron)  # raises on a bad expression


def test_advisory_locks_exclude_each_other_across_connections(postgres_only, transactional_db):
    from django.db import connections

    other = connections.create_connection("default")
    try:
        with advisory_lock("job:demo") as first:
            with other.cursor() as cursor:
                cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [NAMESPACE, lock_key("job:demo")])
                assert first and cursor.fetchone()[0] is False
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()")
            assert cursor.fetchone()[0] == 0  # released at the end of the block
    finally:
        other.close()
