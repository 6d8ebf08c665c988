"""allauth's mails in our own words (templates/account/email/, templates/mfa/email/, auth_backends.AccountAdapter).

Every mail: Dutch and English, plain text and HTML, the site's name from settings and links on SITE_URL, never the host
the request came in on (here 127.0.0.1:8701, an allowed host); the member greeted by display name, never by the
username allauth made from the address. Needs the compiled catalogue (make messages).
"""

import re
from pathlib import Path

import allauth
import pytest
from allauth.account.adapter import get_adapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import PASSWORD, make_user

HOST = "127.0.0.1:8701"
SITE = "https://ospo.example.nl"
SIGNUP = {"email": "nieuw.lid.183536@gemeente.example", "password1": "een-sterk-wachtwoord-42",
          "password2": "een-sterk-wachtwoord-42", "display_name": "Nina Nieuw", "website": ""}
ALLAUTH_TEMPLATES = Path(allauth.__file__).parent / "templates"
OUR_TEMPLATES = Path(settings.BASE_DIR) / "templates"
PREFIXES = sorted(
    str(path.relative_to(ALLAUTH_TEMPLATES)).removesuffix("_subject.txt")
    for folder in ("account/email", "mfa/email") for path in (ALLAUTH_TEMPLATES / folder).glob("*_subject.txt")
)
GREETING = {"nl": "Hallo", "en": "Hello"}


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE
    settings.SITE_NAME = "OSPO-NL"


@pytest.fixture
def client(client):
    client.defaults["HTTP_HOST"] = HOST
    return client


def texts(message):
    return [message.subject, message.body, *(alternative.content for alternative in message.alternatives)]


def html_of(message):
    [html] = [alternative.content for alternative in message.alternatives if alternative.mimetype == "text/html"]
    return html


def assert_no_host_or_username(message, *, username=None):
    for text in texts(message):
        assert HOST not in text and "8701" not in text and "testserver" not in text
        if username:
            assert username not in text.replace(message.to[0], "")


def test_allauth_sends_no_mail_we_have_not_written():
    """An allauth upgrade that adds a mail fails here until we write its three templates."""
    assert "account/email/email_confirmation_signup" in PREFIXES and "mfa/email/totp_activated" in PREFIXES
    for prefix in PREFIXES:
        for suffix in ("_subject.txt", "_message.txt", "_message.html"):
            assert (OUR_TEMPLATES / f"{prefix}{suffix}").is_file(), f"{prefix}{suffix} missing"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("prefix", PREFIXES)
def test_every_mail_renders_in_both_languages_with_the_site_name_and_display_name(prefix, language, member):
    request = RequestFactory().get("/", HTTP_HOST=HOST, REMOTE_ADDR="192.0.2.10", HTTP_USER_AGENT="Firefox")
    request.user = member
    links = {name: f"http://{HOST}/account/{name}/" for name in ("activate_url", "password_reset_url", "signup_url")}
    with translation.override(language), allauth_context.request_context(request):
        get_adapter().send_mail(prefix, member.email, {
            "user": member, "code": "K7Q-2XP", "from_email": "oud@example.org", "to_email": member.email,
            "deleted_email": "oud@example.org", "timestamp": timezone.now(), "ip": "192.0.2.10",
            "user_agent": "Firefox", **links,
        })
    [message] = mail.outbox
    assert_no_host_or_username(message, username=member.username)
    assert message.subject.startswith("[OSPO-NL] ") and len(message.subject) > len("[OSPO-NL] ") + 5
    html = html_of(message)
    assert message.body.startswith(f"{GREETING[language]} Mila Member,")
    assert f"{GREETING[language]} Mila Member," in html and f'<html lang="{language}">' in html
    other = GREETING["en" if language == "nl" else "nl"]
    assert other not in message.body and other not in html
    assert f"OSPO-NL\n{SITE}" in message.body
    for text in (message.body, html):
        for url in re.findall(r"https?://[^\s<\"]+", text):
            assert url.startswith(SITE), url


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "subject", "greeting"), [
    ("nl", "[OSPO-NL] Bevestig je e-mailadres", "Hallo Nina Nieuw,"),
    ("en", "[OSPO-NL] Confirm your e-mail address", "Hello Nina Nieuw,"),
])
def test_the_verification_mail_greets_by_display_name_and_links_to_the_site(client, language, subject, greeting):
    prefix = "" if language == "nl" else f"/{language}"  # English pages, and their links, are under /en/
    assert client.post(prefix + reverse("account_signup"), SIGNUP).status_code == 302
    [message] = mail.outbox
    username = get_user_model().objects.get(email=SIGNUP["email"]).username
    assert username and username != SIGNUP["display_name"]
    assert_no_host_or_username(message, username=username)
    assert message.subject == subject
    assert message.body.startswith(greeting) and greeting in html_of(message)
    link = re.search(rf"{re.escape(SITE)}{prefix}/account/confirm-email/[^/\s]+/", message.body).group(0)
    assert f'href="{link}"' in html_of(message)
    assert "Content-Type: text/html" in message.message().as_string()


@pytest.mark.django_db
def test_confirming_the_address_names_the_member_by_display_name(client):
    client.post(reverse("account_signup"), SIGNUP)
    path = re.search(r"https?://[^/\s]+(/account/confirm-email/[^/\s]+/)", mail.outbox[0].body).group(1)
    username = get_user_model().objects.get(email=SIGNUP["email"]).username
    page = client.get(path).text
    assert "Nina Nieuw" in page and username not in page.replace(SIGNUP["email"], "")
    response = client.post(path, follow=True)
    assert response.status_code == 200
    assert "Welkom, Nina Nieuw. Je bent ingelogd." in response.text
    assert username not in response.text.replace(SIGNUP["email"], "")


@pytest.mark.django_db
def test_signing_in_says_welcome_with_the_display_name_in_english_too(client, member):
    response = client.post("/en" + reverse("account_login"), {"login": member.email, "password": PASSWORD},
                           follow=True)
    assert "Welcome, Mila Member. You are logged in." in response.text


@pytest.mark.django_db
def test_a_password_change_is_told_to_the_member_with_who_to_contact(client, member):
    client.force_login(member)
    response = client.post(reverse("account_change_password"), {
        "oldpassword": PASSWORD, "password1": "een-nieuw-wachtwoord-77",
        "password2": "een-nieuw-wachtwoord-77"})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [member.email] and message.subject == "[OSPO-NL] Je wachtwoord is gewijzigd"
    assert message.body.startswith("Hallo Mila Member,")
    assert settings.OPERATOR["contact_email"] in message.body
    assert f"{SITE}/account/password/reset/" in message.body
    assert_no_host_or_username(message, username=member.username)


@pytest.mark.django_db
def test_a_mail_to_an_address_without_an_account_greets_without_a_name(client):
    make_user("iemand@example.org", name="Iemand Anders")
    client.post(reverse("account_reset_password"), {"email": "niemand@example.org"})
    [message] = mail.outbox
    assert message.body.startswith("Hallo,\n")
    assert "Iemand Anders" not in message.body
