"""Mail at most once per notification, also when recording it as sent fails after the mail went out."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import OperationalError
from django.db.models import QuerySet
from django.utils import timezone

from directory.models import Organisation
from ospo_nl.notifications import mail as notification_mail
from ospo_nl.notifications.models import DigestRun, Notification, NotificationSettings
from ospo_nl.notifications.verbs import notify


@pytest.fixture
def target(db):
    return Organisation.objects.create(name="Gemeente Utrecht", slug="gemeente-utrecht", is_published=True)


@pytest.fixture
def recording_fails_once(monkeypatch):
    """The database goes away right after the mail server accepted the mail: writing emailed_at fails once."""
    real_update = QuerySet.update
    failures = []

    def update(self, **kwargs):
        if "emailed_at" in kwargs and not failures:
            failures.append(kwargs)
            raise OperationalError("the database system is shutting down")
        return real_update(self, **kwargs)

    monkeypatch.setattr(QuerySet, "update", update)
    return failures


def _notify(user, target, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return notify([user], event=Notification.Event.ANSWER, target=target, title="Nieuw antwoord",
                      url=target.get_absolute_url())


def test_a_mail_is_not_sent_twice_when_recording_it_failed_once(target, member, recording_fails_once,
                                                                  django_capture_on_commit_callbacks):
    NotificationSettings.objects.create(user=member, email_mode="immediate")
    _notify(member, target, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1 and recording_fails_once  # sent, and the record of it was lost

    notification = Notification.objects.get()
    assert notification.emailed_at is None and notification.mail_claimed_at is not None
    # The retry run (every 15 minutes) and the digests leave it alone: the claim says it may have gone out.
    assert notification_mail.retry_immediate(now=timezone.now() + timedelta(minutes=15)) == 0
    assert notification_mail.send_digests("daily")["sent"] == 0
    assert len(mail.outbox) == 1


def test_a_digest_is_not_sent_again_when_recording_it_failed(target, member, recording_fails_once,
                                                              django_capture_on_commit_callbacks):
    _notify(member, target, django_capture_on_commit_callbacks)  # the default: daily digest
    assert notification_mail.send_digests("daily")["sent"] == 1
    assert recording_fails_once and len(mail.outbox) == 1
    # Tomorrow's digest does not carry yesterday's notification again.
    tomorrow = timezone.now() + timedelta(days=1)
    assert notification_mail.send_digests("daily", now=tomorrow) == {"sent": 0, "failed": 0, "done": 0, "empty": 0}
    assert len(mail.outbox) == 1


def test_a_refused_send_gives_the_claim_back_and_the_retry_sends_it(target, member, monkeypatch,
                                                                   django_capture_on_commit_callbacks):
    NotificationSettings.objects.create(user=member, email_mode="immediate")
    monkeypatch.setattr(notification_mail, "_send", lambda message, what: False)
    _notify(member, target, django_capture_on_commit_callbacks)
    notification = Notification.objects.get()
    assert notification.mail_claimed_at is None and notification.emailed_at is None
    monkeypatch.undo()
    assert notification_mail.retry_immediate() == 1
    assert len(mail.outbox) == 1


def test_a_failed_digest_removes_its_run_so_the_next_run_sends_it(target, member, monkeypatch,
                                                                  django_capture_on_commit_callbacks):
    _notify(member, target, django_capture_on_commit_callbacks)
    monkeypatch.setattr(notification_mail, "_send", lambda message, what: False)
    assert notification_mail.send_digests("daily")["failed"] == 1
    assert not DigestRun.objects.exists()
    monkeypatch.undo()
    assert notification_mail.send_digests("daily")["sent"] == 1
    assert len(mail.outbox) == 1
