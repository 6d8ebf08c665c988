"""No open redirects: every `next=` that points off the site is ignored (allauth, Django and our own views)."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from tests.factories import make_user

EVIL = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "https:evil.example",
    "javascript:alert(1)",
    "http://testserver@evil.example/",
    " https://evil.example/",
    "/%09/evil.example",
]


def assert_stays_on_site(response):
    """A path on this host: no scheme, no host, nothing a browser reads as one ("//x", "/\\x")."""
    location = response["Location"]
    assert response.status_code == 302
    parts = urlsplit(location)
    assert parts.scheme == "" and parts.netloc == "", location
    assert location.startswith("/") and not location.startswith(("//", "/\\")), location


@pytest.mark.parametrize("evil", EVIL)
def test_login_ignores_an_external_next(client, db, evil):
    make_user("nina@example.org")
    response = client.post(reverse("account_login") + "?next=" + evil,
                           {"login": "nina@example.org", "password": "correct-horse-battery", "next": evil})
    assert_stays_on_site(response)


def test_login_follows_a_local_next(client, db):
    make_user("nina@example.org")
    response = client.post(reverse("account_login"),
                           {"login": "nina@example.org", "password": "correct-horse-battery", "next": "/forum/"})
    assert response["Location"] == "/forum/"


@pytest.mark.parametrize("evil", EVIL)
def test_logout_ignores_an_external_next(member_client, evil):
    assert_stays_on_site(member_client.post(reverse("account_logout"), {"next": evil}))


@pytest.mark.parametrize("evil", EVIL)
def test_set_language_ignores_an_external_next(client, evil):
    response = client.post(reverse("set_language"), {"language": "en", "next": evil})
    assert_stays_on_site(response)


@pytest.mark.parametrize("evil", EVIL)
def test_set_language_ignores_an_external_referer(client, evil):
    response = client.post(reverse("set_language"), {"language": "en"}, HTTP_REFERER=evil)
    assert_stays_on_site(response)


@pytest.mark.parametrize("evil", EVIL)
def test_marking_notifications_read_ignores_an_external_next(member_client, evil):
    assert_stays_on_site(member_client.post(reverse("notifications:read_all"), {"next": evil}))
