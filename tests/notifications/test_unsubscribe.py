"""One-click unsubscribe: works logged out, cannot be forged."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.core import mail
from django.test import Client
from django.utils import timezone

from ospo_nl.notifications.mail import send_digests, unsubscribe_token
from ospo_nl.notifications.models import NotificationSettings

from .conftest import make_notification


def _url(token):
    return f"/afmelden/{token}/"


def test_the_link_shows_a_confirmation_to_a_logged_out_visitor_and_changes_nothing(member):
    response = Client().get(_url(unsubscribe_token(member)))

    assert response.status_code == 200
    assert b"Ja, geen e-mail meer" in response.content
    assert NotificationSettings.for_user(member).email_mode == "daily"


def test_one_click_post_logged_out_switches_all_mail_off(member):
    response = Client(enforce_csrf_checks=True).post(
        _url(unsubscribe_token(member)), {"List-Unsubscribe": "One-Click"}
    )

    assert response.status_code == 200
    assert NotificationSettings.objects.get(user=member).email_mode == "off"


def test_a_forged_token_is_refused(member, other_member):
    token = unsubscribe_token(other_member)
    forged = f"{member.pk}:{token.split(':', 1)[1]}"

    assert Client().post(_url(forged)).status_code == 400
    assert Client().get(_url("1:notasignature")).status_code == 400
    assert Client().post(_url(str(member.pk))).status_code == 400
    assert not NotificationSettings.objects.filter(email_mode="off").exists()


def test_a_token_of_a_deleted_account_is_refused(member):
    token = unsubscribe_token(member)
    member.is_active = False
    member.save()

    assert Client().post(_url(token)).status_code == 400


def test_the_link_in_a_digest_unsubscribes_and_no_further_digest_is_sent(target, member):
    make_notification(member, target)
    send_digests("daily")
    url = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")

    assert Client().post(urlsplit(url).path).status_code == 200

    make_notification(member, target)
    send_digests("daily", now=timezone.now() + timedelta(days=1))
    assert len(mail.outbox) == 1


def test_other_methods_are_not_allowed(member):
    assert Client().put(_url(unsubscribe_token(member))).status_code == 405
