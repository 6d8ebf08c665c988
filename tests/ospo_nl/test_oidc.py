"""Sign-in with an organisation's account (OpenID Connect): OIDC_PROVIDERS, read at the start, and the login
page with and without providers. The flow itself, against a real provider, is in tests/e2e/test_oidc_sign_in.py."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib import admin
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils.csp import CSP

from ospo_nl.settings import env_oidc_providers, oidc_form_origins, oidc_socialaccount_providers

ROOT = Path(__file__).resolve().parents[2]
RIJK = {"id": "rijk", "name": "Rijksaccount", "server_url": "https://login.rijk.example/realms/rijk",
        "client_id": "ospo-nl", "secret": "s3cret"}
GEMEENTE = {"id": "gemeente_x", "name": "Gemeente X", "server_url": "https://id.gemeente-x.example:8443",
            "client_id": "ospo", "secret": "other"}


def read(monkeypatch, value):
    monkeypatch.setenv("OSPO_OIDC", value if isinstance(value, str) else json.dumps(value))
    return env_oidc_providers("OSPO_OIDC")


def test_no_variable_or_an_empty_one_means_no_providers(monkeypatch):
    monkeypatch.delenv("OSPO_OIDC", raising=False)
    assert env_oidc_providers("OSPO_OIDC") == []
    assert read(monkeypatch, "  ") == []
    assert oidc_socialaccount_providers([]) == {} and oidc_form_origins([]) == []


def test_any_number_of_providers_become_allauth_apps_and_form_action_origins(monkeypatch):
    providers = read(monkeypatch, [RIJK, GEMEENTE])
    assert providers == [RIJK, GEMEENTE]
    apps = oidc_socialaccount_providers(providers)["openid_connect"]
    assert apps["OAUTH_PKCE_ENABLED"] is True
    assert apps["APPS"] == [
        {"provider_id": "rijk", "name": "Rijksaccount", "client_id": "ospo-nl", "secret": "s3cret",
         "settings": {"server_url": "https://login.rijk.example/realms/rijk"}},
        {"provider_id": "gemeente_x", "name": "Gemeente X", "client_id": "ospo", "secret": "other",
         "settings": {"server_url": "https://id.gemeente-x.example:8443"}},
    ]
    assert oidc_form_origins(providers) == ["https://id.gemeente-x.example:8443", "https://login.rijk.example"]


def test_http_is_allowed_only_for_this_machine(monkeypatch):
    local = {**RIJK, "server_url": "http://127.0.0.1:9000/o"}
    assert read(monkeypatch, [local]) == [local]
    with pytest.raises(ImproperlyConfigured, match="must be an https URL"):
        read(monkeypatch, [{**RIJK, "server_url": "http://login.rijk.example"}])


@pytest.mark.parametrize(("value", "message"), [
    ("[{'id': 'rijk'}]", "OSPO_OIDC is not valid JSON"),
    ('{"id": "rijk"}', "OSPO_OIDC must be a JSON list of providers, not dict"),
    (["rijk"], "OSPO_OIDC, provider 1 is not an object"),
    ([{k: v for k, v in RIJK.items() if k != "secret"}], "provider 1: missing secret, unknown nothing"),
    ([{**RIJK, "label": "x"}], "provider 1: missing nothing, unknown label"),
    ([RIJK, {**GEMEENTE, "client_id": " "}], "provider 2: client_id must be non-empty text"),
    ([{**RIJK, "name": 3}], "provider 1: name must be non-empty text"),
    ([{**RIJK, "id": "Rijk Overheid"}], "provider 1: id 'Rijk Overheid' must be unique"),
    ([RIJK, {**GEMEENTE, "id": "rijk"}], "provider 2: id 'rijk' must be unique"),
    ([{**RIJK, "server_url": "login.rijk.example"}], "provider 1: server_url 'login.rijk.example' must be"),
])
def test_a_malformed_provider_list_stops_the_start_with_a_clear_message(monkeypatch, value, message):
    with pytest.raises(ImproperlyConfigured, match=message.replace("(", r"\(")):
        read(monkeypatch, value)


def test_the_site_refuses_to_start_with_bad_json_in_oidc_providers():
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    env.update({"TESTING": "1", "OIDC_PROVIDERS": '[{"id": "rijk",}]'})
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True,
                            text=True)
    assert result.returncode != 0
    assert "OIDC_PROVIDERS is not valid JSON" in result.stderr


def test_providers_are_not_configured_in_admin_but_linked_accounts_are_shown():
    from allauth.socialaccount.models import SocialAccount, SocialApp, SocialToken

    assert not admin.site.is_registered(SocialApp) and not admin.site.is_registered(SocialToken)
    assert admin.site.is_registered(SocialAccount)


@pytest.mark.django_db
def test_without_providers_the_login_page_has_no_buttons_and_no_extra_query(client, django_assert_num_queries):
    # Queries: none; a visitor's login page reads nothing from the database.
    with django_assert_num_queries(0):
        response = client.get(reverse("account_login"))
    assert response.status_code == 200
    assert "Inloggen met" not in response.text and "oidc-sign-in" not in response.text


@pytest.mark.django_db
def test_with_providers_the_login_page_has_a_button_each_and_still_no_query(client, settings,
                                                                             django_assert_num_queries):
    settings.SOCIALACCOUNT_PROVIDERS = oidc_socialaccount_providers([RIJK, GEMEENTE])
    # Queries: none; the providers come from settings, never from allauth's SocialApp table.
    with django_assert_num_queries(0):
        response = client.get(reverse("account_login") + "?next=/forum/")
    html = response.text
    assert response.status_code == 200
    assert 'action="/account/oidc/rijk/login/?process=login&amp;next=%2Fforum%2F"' in html
    assert 'action="/account/oidc/gemeente_x/login/?process=login&amp;next=%2Fforum%2F"' in html
    assert html.count('class="utrecht-button utrecht-button--secondary-action" type="submit">Inloggen met ') == 2
    assert ">Inloggen met Rijksaccount</button>" in html and "Inloggen met je organisatie" in html
    # In English too.
    english = client.get("/en" + reverse("account_login")).text
    assert ">Sign in with Rijksaccount</button>" in english and "Sign in with your organisation" in english


@pytest.mark.django_db
def test_the_provider_login_by_link_only_asks_to_continue(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = oidc_socialaccount_providers([RIJK])
    # A GET does not leave the site: a link elsewhere cannot start a sign-in (login CSRF); it asks first.
    response = client.get("/account/oidc/rijk/login/")
    assert response.status_code == 200 and "Location" not in response
    assert ">Inloggen met Rijksaccount</h1>" in response.text and ">Doorgaan</button>" in response.text
    english = client.get("/en/account/oidc/rijk/login/").text
    assert ">Sign in with Rijksaccount</h1>" in english and ">Continue</button>" in english
    assert client.get("/account/oidc/onbekend/login/").status_code == 404


@pytest.mark.django_db
def test_a_failed_or_cancelled_sign_in_says_so_in_our_words(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = oidc_socialaccount_providers([RIJK])
    # An answer from the provider that does not belong to a sign-in started here (no state): refused.
    response = client.get("/account/oidc/rijk/login/callback/?code=forged&state=forged")
    assert response.status_code == 401
    assert ">Inloggen niet gelukt</h1>" in response.text and "Er ging iets mis" in response.text
    response = client.get(reverse("socialaccount_login_cancelled"))
    assert ">Inloggen afgebroken</h1>" in response.text
    english = client.get("/en" + reverse("socialaccount_login_cancelled")).text
    assert ">Sign-in cancelled</h1>" in english and "Sign in again</a>" in english


def test_form_action_of_the_csp_names_the_configured_providers_only():
    from django.conf import settings

    assert settings.SECURE_CSP["form-action"] == [CSP.SELF]  # OIDC_PROVIDERS is not set in the tests


@pytest.mark.django_db
def test_a_member_who_unlinks_the_organisations_account_is_told_by_mail(member_client, member, settings):
    from allauth.socialaccount.models import SocialAccount
    from django.core import mail

    settings.SOCIALACCOUNT_PROVIDERS = oidc_socialaccount_providers([RIJK])
    settings.ACCOUNT_EMAIL_NOTIFICATIONS = True
    account = SocialAccount.objects.create(user=member, provider="rijk", uid="42")
    page = member_client.get(reverse("socialaccount_connections"))
    assert page.status_code == 200 and "Rijksaccount" in page.text
    response = member_client.post(reverse("socialaccount_connections"), {"account": account.pk})
    assert response.status_code == 302
    assert not SocialAccount.objects.exists()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [member.email]
    assert mail.outbox[0].subject.endswith("Je account is losgekoppeld van Rijksaccount")
    assert "Je account bij Rijksaccount is losgekoppeld van je account" in mail.outbox[0].body
