"""remind_unanswered: curators hear of casussen nobody claimed, once per period; skipped without casussen."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from ospo_nl.models import Notification


@pytest.fixture
def casus_model():
    from django.apps import apps

    try:
        return apps.get_model("casussen", "Casus")
    except LookupError:
        pytest.skip("casussen has no Casus model yet")


def _casus(model, author, slug, *, days_old, **fields):
    casus = model.objects.create(author=author, title=f"Casus {slug}", slug=slug, body="Vraag", **fields)
    model.objects.filter(pk=casus.pk).update(created_at=timezone.now() - timedelta(days=days_old))
    return casus


def test_curators_are_reminded_of_old_unclaimed_casussen_once(casus_model, member, expert, curator, capsys):
    old = _casus(casus_model, member, "oud", days_old=5)
    _casus(casus_model, member, "nieuw", days_old=1)
    _casus(casus_model, member, "opgepakt", days_old=5, status="claimed", claimed_by=expert)

    call_command("remind_unanswered", "--days", "3")
    call_command("remind_unanswered", "--days", "3")

    reminders = Notification.objects.filter(event=Notification.Event.REMINDER)
    assert [(n.recipient, n.object_id) for n in reminders] == [(curator, old.pk)]
    assert "1 unclaimed casussen reminded" in capsys.readouterr().out


def test_dry_run_notifies_nobody(casus_model, member, curator, capsys):
    _casus(casus_model, member, "oud", days_old=5)

    call_command("remind_unanswered", "--days", "3", "--dry-run")

    assert not Notification.objects.exists()
    assert "1 unclaimed" in capsys.readouterr().out


def test_without_the_casussen_app_the_command_does_nothing(db, monkeypatch, capsys):
    from django.apps import apps

    def missing(*args, **kwargs):
        raise LookupError("no casussen")

    monkeypatch.setattr(apps, "get_model", missing)

    call_command("remind_unanswered", "--days", "3")

    assert "nothing to remind" in capsys.readouterr().out
