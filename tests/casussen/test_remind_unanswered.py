"""remind_unanswered: curators hear of casussen nobody claimed, once per period; never of deleted or hidden ones."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from casussen.models import Casus
from ospo_nl.notifications.models import Notification

pytestmark = pytest.mark.django_db


def _casus(author, slug, *, days_old, **fields):
    casus = Casus.objects.create(author=author, title=f"Casus {slug}", slug=slug, body="Vraag", **fields)
    Casus.objects.filter(pk=casus.pk).update(created_at=timezone.now() - timedelta(days=days_old))
    return casus


def test_curators_are_reminded_of_old_unclaimed_casussen_once(member, expert, curator, capsys):
    old = _casus(member, "oud", days_old=5)
    _casus(member, "nieuw", days_old=1)
    _casus(member, "opgepakt", days_old=5, status=Casus.Status.CLAIMED, claimed_by=expert)

    call_command("remind_unanswered", "--days", "3")
    call_command("remind_unanswered", "--days", "3")

    reminders = Notification.objects.filter(event=Notification.Event.REMINDER)
    assert [(n.recipient, n.object_id) for n in reminders] == [(curator, old.pk)]
    assert "1 unclaimed casussen reminded" in capsys.readouterr().out


def test_deleted_and_hidden_casussen_are_not_reminded(member, curator):
    now = timezone.now()
    _casus(member, "verwijderd", days_old=5, deleted_at=now)
    _casus(member, "verborgen", days_old=5, hidden_at=now)

    call_command("remind_unanswered", "--days", "3")

    assert not Notification.objects.exists()


def test_dry_run_notifies_nobody(member, curator, capsys):
    _casus(member, "oud", days_old=5)

    call_command("remind_unanswered", "--days", "3", "--dry-run")

    assert not Notification.objects.exists()
    assert "1 unclaimed" in capsys.readouterr().out
