"""Per-event e-mail: who gets it, in which language, with which headers; and a failing mail server."""

import pytest
from django.core import mail

from ospo_nl.notifications.mail import retry_immediate
from ospo_nl.notifications.models import Notification
from ospo_nl.notifications.verbs import notify

from .conftest import set_mode


def _notify(recipients, target, event=Notification.Event.ANSWER):
    return notify(recipients, event=event, target=target, title="Nieuw antwoord op: Licentiekeuze",
                  url=target.get_absolute_url())


def test_a_user_who_chose_immediate_gets_one_mail_per_notification_after_commit(
    target, member, django_capture_on_commit_callbacks
):
    set_mode(member, "immediate")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _notify([member], target)
    assert mail.outbox == []  # nothing inside the transaction

    for callback in callbacks:
        callback()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["member@example.org"]
    assert "Licentiekeuze" in message.subject
    assert "http://" in message.body and target.get_absolute_url() in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    assert "/afmelden/" in message.extra_headers["List-Unsubscribe"]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Notification.objects.get().emailed_at is not None


def test_the_mail_is_in_the_users_language(target, member, django_capture_on_commit_callbacks):
    set_mode(member, "immediate", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        _notify([member], target)

    # Rendered under translation.override("en"); the English texts come from the project's catalog.
    assert mail.outbox[0].extra_headers["Content-Language"] == "en"


def test_digest_users_get_no_mail_per_event(target, member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _notify([member], target)  # default: daily digest

    assert mail.outbox == []
    assert Notification.objects.get().emailed_at is None


def test_an_expert_hears_of_a_casus_in_their_expertise_at_once_by_default(
    target, expert, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _notify([expert], target, event=Notification.Event.EXPERTISE)

    assert len(mail.outbox) == 1


def test_a_user_who_switched_mail_off_gets_none(target, expert, django_capture_on_commit_callbacks):
    set_mode(expert, "off")
    with django_capture_on_commit_callbacks(execute=True):
        _notify([expert], target, event=Notification.Event.EXPERTISE)

    assert mail.outbox == []


def test_a_mail_failure_keeps_the_notification_unmailed_and_a_later_retry_sends_it(
    target, member, failing_mail_server, django_capture_on_commit_callbacks, monkeypatch
):
    set_mode(member, "immediate")
    with django_capture_on_commit_callbacks(execute=True):
        _notify([member], target)

    notification = Notification.objects.get()
    assert notification.emailed_at is None and mail.outbox == []

    monkeypatch.undo()  # the mail server is back
    assert retry_immediate() == 1
    notification.refresh_from_db()
    assert notification.emailed_at is not None
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.urls("tests.notifications.stub_urls")
def test_a_mail_failure_during_a_request_does_not_break_it(target, member, other_member_client, failing_mail_server):
    set_mode(member, "immediate")

    response = other_member_client.post(f"/test-notify/{target.slug}/")

    assert response.status_code == 200
    notification = Notification.objects.get(recipient=member)
    assert notification.emailed_at is None
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.urls("tests.notifications.stub_urls")
def test_a_request_that_notifies_sends_the_mail_after_commit(target, member, other_member_client):
    set_mode(member, "immediate")

    other_member_client.post(f"/test-notify/{target.slug}/")

    assert len(mail.outbox) == 1
