"""Signals in the daily and weekly digest (ospo_nl.notifications.mail's digest parts): once per period, for members
with or without notifications, never for those who switched e-mail off."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from network.models import Signal
from ospo_nl.notifications.mail import send_digests
from ospo_nl.notifications.models import NotificationSettings

from .conftest import make_signal


def shared(signal, ago):
    Signal.objects.filter(pk=signal.pk).update(created_at=timezone.now() - ago)


@pytest.mark.django_db
def test_a_new_signal_reaches_every_daily_member_once(member, other_member, expert, settings):
    NotificationSettings.objects.create(user=other_member, email_mode=NotificationSettings.EmailMode.OFF)
    signal = make_signal(expert, "Nieuw rapport over open source")
    counts = send_digests("daily")
    assert counts["sent"] == 2  # the member and the expert who shared it; not the one with e-mail off
    body = next(m for m in mail.outbox if m.to == ["member@example.org"]).body
    assert "Nieuwe signalen uit het netwerk" in body and "Nieuw rapport over open source (OSOR)" in body
    assert settings.SITE_URL + signal.get_absolute_url() in body
    assert "Je dagoverzicht: nieuws uit het netwerk" in mail.outbox[0].subject
    # The next day's digest does not name it again.
    mail.outbox.clear()
    assert send_digests("daily", now=timezone.now() + timedelta(days=1))["sent"] == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_weekly_digest_has_the_weeks_signals(member, expert):
    NotificationSettings.objects.create(user=member, email_mode=NotificationSettings.EmailMode.WEEKLY)
    shared(make_signal(expert, "Van drie dagen terug"), timedelta(days=3))
    shared(make_signal(expert, "Van vorige maand"), timedelta(days=30))
    send_digests("weekly")
    (message,) = mail.outbox
    assert "Van drie dagen terug" in message.body and "Van vorige maand" not in message.body


@pytest.mark.django_db
def test_no_signal_no_extra_digest(member, expert):
    shared(make_signal(expert, "Oud nieuws"), timedelta(days=3))
    assert send_digests("daily")["sent"] == 0


@pytest.mark.django_db
def test_a_deleted_signal_stays_out_of_the_digest(member, expert, curator):
    from network import verbs

    verbs.delete_signal(signal=make_signal(expert, "Ingetrokken"), by=curator)
    assert send_digests("daily")["sent"] == 0
