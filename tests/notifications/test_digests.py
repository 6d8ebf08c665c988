"""send_digests: one digest per period, nothing lost when the mail server fails."""

from datetime import timedelta

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from ospo_nl.notifications.mail import send_digests
from ospo_nl.notifications.models import DigestRun, Notification

from .conftest import make_notification, set_mode


def test_running_send_digests_twice_sends_one_digest(target, member, capsys):
    make_notification(member, target, title="Eerste")
    make_notification(member, target, title="Tweede")

    call_command("send_digests", "--period", "daily")
    call_command("send_digests", "--period", "daily")

    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Eerste" in body and "Tweede" in body
    assert "/afmelden/" in body
    assert mail.outbox[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()
    assert DigestRun.objects.get().notification_count == 2
    assert "1 sent" in capsys.readouterr().out


def test_a_notification_arriving_later_the_same_day_waits_for_the_next_digest(target, member):
    make_notification(member, target)
    send_digests("daily")
    make_notification(member, target, title="Later")

    assert send_digests("daily")["done"] == 1
    assert len(mail.outbox) == 1

    tomorrow = timezone.now() + timedelta(days=1)
    assert send_digests("daily", now=tomorrow)["sent"] == 1
    assert "Later" in mail.outbox[1].body


def test_a_failing_mail_server_loses_nothing_and_the_next_run_sends(target, member, failing_mail_server, monkeypatch):
    make_notification(member, target)

    counts = send_digests("daily")  # no exception to the caller

    assert counts["failed"] == 1
    assert Notification.objects.get().emailed_at is None
    assert not DigestRun.objects.exists()

    monkeypatch.undo()
    assert send_digests("daily")["sent"] == 1
    assert len(mail.outbox) == 1


def test_weekly_users_are_not_in_the_daily_digest(target, member, other_member):
    set_mode(member, "weekly")
    make_notification(member, target)
    make_notification(other_member, target)

    send_digests("daily")
    assert [m.to for m in mail.outbox] == [["other@example.org"]]

    send_digests("weekly")
    assert mail.outbox[1].to == ["member@example.org"]


def test_read_notifications_and_users_who_chose_immediate_or_off_get_no_digest(target, member, other_member, expert):
    make_notification(member, target, read_at=timezone.now())
    set_mode(other_member, "immediate")
    make_notification(other_member, target)
    set_mode(expert, "off")
    make_notification(expert, target)

    assert send_digests("daily") == {"sent": 0, "failed": 0, "done": 0, "empty": 0}
    assert mail.outbox == []


def test_a_target_that_turned_private_stays_out_of_the_digest(private_target, target, member):
    make_notification(member, private_target, title="Geheim")
    make_notification(member, target, title="Openbaar")

    send_digests("daily")

    assert "Openbaar" in mail.outbox[0].body
    assert "Geheim" not in mail.outbox[0].body


def test_the_digest_is_in_the_users_language(target, member):
    set_mode(member, "daily", language="en")
    make_notification(member, target)

    send_digests("daily")

    assert mail.outbox[0].extra_headers["Content-Language"] == "en"


def test_dry_run_counts_and_sends_nothing(target, member, capsys):
    make_notification(member, target)

    call_command("send_digests", "--period", "daily", "--dry-run")

    assert mail.outbox == []
    assert "1 users due" in capsys.readouterr().out
    assert Notification.objects.get().emailed_at is None


def test_retry_of_per_event_mail_runs_from_the_command(target, member, capsys):
    set_mode(member, "immediate")
    make_notification(member, target)

    call_command("send_digests", "--period", "immediate")

    assert len(mail.outbox) == 1
    assert "sent: 1" in capsys.readouterr().out
