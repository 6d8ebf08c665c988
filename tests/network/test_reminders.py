"""The reminder mail the day before: once per member and event, safe to run twice, nothing lost on a mail error."""

import smtplib
import threading
from datetime import UTC, datetime

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from network import verbs
from network.models import Registration
from network.reminders import send_reminders
from ospo_nl.notifications.models import NotificationSettings

from .conftest import make_event


@pytest.fixture
def tomorrow(db, member, other_member, expert):
    event = make_event("Morgen: het manifest", days=1, capacity=2, location="Den Haag")
    for user in (member, other_member, expert):  # the expert waits: no reminder for a place they do not have
        verbs.register_for_event(event=event, by=user)
    return event


@pytest.mark.django_db
def test_everyone_with_a_place_tomorrow_is_reminded_once(tomorrow, capsys):
    make_event("Overmorgen", days=2)
    call_command("send_event_reminders")
    call_command("send_event_reminders")
    assert sorted(m.to[0] for m in mail.outbox) == ["member@example.org", "other@example.org"]
    message = mail.outbox[0]
    assert "Morgen: het manifest" in message.subject
    assert "19:00" in message.body and "Den Haag" in message.body and "/afmelden/" in message.body
    assert tomorrow.get_absolute_url() + "agenda.ics" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    out = capsys.readouterr().out
    assert "2 sent" in out and "0 sent" in out


@pytest.mark.django_db
def test_the_reminder_is_in_the_members_language_and_respects_mail_off(tomorrow, member, other_member):
    NotificationSettings.objects.create(user=member, language="en")
    NotificationSettings.objects.create(user=other_member, email_mode=NotificationSettings.EmailMode.OFF)
    counts = send_reminders()
    assert (counts["sent"], counts["off"]) == (1, 1)
    assert mail.outbox[0].subject == "[OSPO-NL] Tomorrow: Morgen: het manifest"
    # Switched off is decided, not pending: the next run does not ask again.
    assert send_reminders()["due"] == 0


@pytest.mark.django_db
def test_a_failing_mail_server_keeps_the_reminder_for_the_next_run(tomorrow, monkeypatch):
    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("down")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)
    assert send_reminders()["failed"] == 2
    monkeypatch.undo()
    assert send_reminders()["sent"] == 2


@pytest.mark.django_db
def test_tomorrow_is_the_dutch_calendar_day(member):
    # Just after midnight in Amsterdam (23:30 UTC in winter is 00:30 the next day).
    now = timezone.make_aware(datetime(2031, 1, 14, 23, 30), UTC)
    late = make_event("16 januari", starts_at=timezone.make_aware(datetime(2031, 1, 16, 9, 0)))
    Registration.objects.create(event=late, user=member, status="confirmed")
    assert send_reminders(now=now, dry_run=True)["due"] == 1


@pytest.mark.django_db
def test_dry_run_counts_and_sends_nothing(tomorrow, capsys):
    call_command("send_event_reminders", "--dry-run")
    assert mail.outbox == []
    assert "2 reminders due" in capsys.readouterr().out
    assert not Registration.objects.filter(reminded_at__isnull=False).exists()


@pytest.mark.django_db
def test_drafts_and_events_of_other_days_get_no_reminder(member):
    for event in (make_event("Concept morgen", days=1, published=False), make_event("Vandaag", days=0),
                  make_event("Volgende week", days=7)):
        Registration.objects.create(event=event, user=member, status="confirmed")
    assert send_reminders()["due"] == 0


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_the_same_moment_remind_once(postgres_only, member, other_member):
    event = make_event("Morgen", days=1)
    for user in (member, other_member):
        Registration.objects.create(event=event, user=user, status="confirmed")
    barrier = threading.Barrier(2)

    def run():
        try:
            barrier.wait()
            send_reminders()
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(m.to[0] for m in mail.outbox) == ["member@example.org", "other@example.org"]


