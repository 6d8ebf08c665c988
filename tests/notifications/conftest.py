"""Fixtures for notifications: a target model with visibility (Organisation, given `is_visible_to`)."""

import smtplib

import pytest
from django.core.mail.backends.locmem import EmailBackend

from directory.models import Organisation
from ospo_nl.notifications.models import Notification, NotificationSettings


@pytest.fixture
def target(db):
    """A public target: Organisation has __str__, get_absolute_url and tags, and no visibility rule."""
    return Organisation.objects.create(name="Gemeente Utrecht", slug="gemeente-utrecht", is_published=True)


@pytest.fixture
def private_target(db, monkeypatch):
    """A target only staff may see (stands in for an experts-only casus)."""
    monkeypatch.setattr(Organisation, "is_visible_to", lambda self, user: not self.slug.startswith("geheim")
                        or user.is_staff, raising=False)
    return Organisation.objects.create(name="Geheime casus", slug="geheim-1", is_published=False)


@pytest.fixture
def failing_mail_server(monkeypatch):
    """Every send fails the way a down SMTP server does."""

    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)


def set_mode(user, mode, **extra):
    NotificationSettings.objects.update_or_create(user=user, defaults={"email_mode": mode, **extra})


def make_notification(user, target, *, title="Nieuw antwoord op je casus", event=Notification.Event.ANSWER, **kw):
    return Notification.objects.create(
        recipient=user, event=event, target=target, title=title, url=target.get_absolute_url(), **kw
    )
