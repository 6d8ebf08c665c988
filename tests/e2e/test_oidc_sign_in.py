"""Sign-in with an organisation's account, in Chromium, against a real OpenID Connect provider on this machine:
django-oauth-toolkit in its own small project (tests/e2e/oidc_provider/), started as a subprocess for the module.

The first sign-in creates an account named after the provider's claims, the second signs into the same one,
a verified address links an existing account, and an unverified address is refused: nothing linked or made.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils.csp import CSP

from ospo_nl.settings import env_oidc_providers, oidc_form_origins, oidc_socialaccount_providers
from tests.factories import make_user

from .conftest import axe_check, visit

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
PROVIDER_ID = "testorg"
PASSWORD = "provider-wachtwoord-42"
USERS = [
    {"username": "anna", "first_name": "Anna", "last_name": "de Vries", "email": "anna@gemeente.example"},
    {"username": "bert", "first_name": "Bert", "last_name": "Bakker", "email": "bert@provincie.example"},
    {"username": "carla", "first_name": "Carla", "last_name": "Claes", "email": "carla@waterschap.example",
     "email_verified": False},
    {"username": "eva", "first_name": "Eva", "last_name": "Echt", "email": "eva@rijk.example"},
    {"username": "dirk", "first_name": "Dirk", "last_name": "Dekker", "email": "dirk@nieuw.example",
     "email_verified": False},
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def provider(live_server, tmp_path_factory):
    """The provider, with the live server registered as its client; stopped when the module ends."""
    port = free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.e2e.oidc_provider.settings",
           "OIDC_PROVIDER_DIR": str(tmp_path_factory.mktemp("oidc-provider")), "PYTHONPATH": str(ROOT)}
    secret = "test-client-secret"
    django = [sys.executable, "-m", "django"]
    subprocess.run([*django, "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*django, "setup_provider", "--client-id", "ospo-nl", "--secret", secret,
                    "--redirect-uri", f"{live_server.url}/account/oidc/{PROVIDER_ID}/login/callback/",
                    "--users", json.dumps([{**user, "password": PASSWORD} for user in USERS])],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    server = subprocess.Popen([*django, "runserver", f"127.0.0.1:{port}", "--noreload"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    issuer = f"http://127.0.0.1:{port}/o"
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"{issuer}/.well-known/openid-configuration", timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("the test OpenID Connect provider did not start")
        # Read as the site reads OIDC_PROVIDERS, so the operator's format is what is tested.
        os.environ["OSPO_TEST_OIDC"] = json.dumps([{"id": PROVIDER_ID, "name": "Testorganisatie",
                                                    "server_url": issuer, "client_id": "ospo-nl",
                                                    "secret": secret}])
        yield SimpleNamespace(providers=env_oidc_providers("OSPO_TEST_OIDC"), issuer=issuer)
    finally:
        os.environ.pop("OSPO_TEST_OIDC", None)
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(autouse=True)
def oidc_site(provider, settings):
    settings.SOCIALACCOUNT_PROVIDERS = oidc_socialaccount_providers(provider.providers)
    settings.SECURE_CSP = {**settings.SECURE_CSP, "form-action": [CSP.SELF, *oidc_form_origins(provider.providers)]}


def sign_in_with_the_organisation(page, username, *, at_provider=True):
    visit(page, "/account/login/")
    page.get_by_role("button", name="Inloggen met Testorganisatie").click()
    if at_provider:  # a second time the provider still knows the browser and sends it straight back
        page.wait_for_url("http://127.0.0.1:*/login/**")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in at the provider").click()
    page.wait_for_load_state()


def account_menu(page):
    return page.get_by_role("navigation", name="Account")


def test_the_login_page_offers_the_organisations_button_accessibly(page):
    visit(page, "/account/login/")
    section = page.get_by_role("region", name="Inloggen met je organisatie")
    button = section.get_by_role("button", name="Inloggen met Testorganisatie")
    assert button.get_attribute("class") == "utrecht-button utrecht-button--secondary-action"
    axe_check(page, "login page with an OIDC provider")
    visit(page, f"/account/oidc/{PROVIDER_ID}/login/")  # opened by a link: asks before it leaves the site
    assert page.get_by_role("heading", name="Inloggen met Testorganisatie").is_visible()
    axe_check(page, "OIDC sign-in confirmation")
    page.get_by_role("button", name="Doorgaan").click()
    page.wait_for_url("http://127.0.0.1:*/login/**")


def test_the_first_sign_in_makes_an_account_and_the_second_signs_into_it(page, live_server):
    sign_in_with_the_organisation(page, "anna")
    assert page.url == f"{live_server.url}/"
    assert account_menu(page).get_by_role("link", name="Anna de Vries").is_visible()
    page.problems.check(page)

    user = get_user_model().objects.select_related("profile").get(email="anna@gemeente.example")
    assert user.profile.display_name == "Anna de Vries"
    assert not user.has_usable_password()
    assert EmailAddress.objects.get(user=user).verified  # the provider vouched for it: no mail to confirm
    account = SocialAccount.objects.get(user=user)
    assert account.provider == PROVIDER_ID

    account_menu(page).get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()
    assert account_menu(page).get_by_role("link", name="Inloggen").is_visible()
    sign_in_with_the_organisation(page, "anna", at_provider=False)
    assert account_menu(page).get_by_role("link", name="Anna de Vries").is_visible()
    assert get_user_model().objects.count() == 1 and SocialAccount.objects.get() == account
    page.problems.check(page)


def test_a_verified_address_links_the_existing_account_and_tells_its_owner(page, settings):
    settings.ACCOUNT_EMAIL_NOTIFICATIONS = True
    bert = make_user("bert@provincie.example", name="Bert B. (eigen naam)")
    sign_in_with_the_organisation(page, "bert")
    assert account_menu(page).get_by_role("link", name="Bert B. (eigen naam)").is_visible()
    assert SocialAccount.objects.get().user == bert
    bert.refresh_from_db()
    assert bert.has_usable_password()  # a verified local address: the member keeps their password
    assert get_user_model().objects.count() == 1
    # The live server runs in this process: the locmem outbox holds the notice.
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["bert@provincie.example"]
    assert mail.outbox[0].subject.endswith("Je account is gekoppeld aan Testorganisatie")
    assert "Je account bij Testorganisatie is aan je account gekoppeld" in mail.outbox[0].body
    page.problems.check(page)


def test_an_account_that_never_confirmed_the_address_is_linked_without_its_password(page):
    # Someone registered Eva's address here and never confirmed it; Eva's organisation vouches for it.
    squatter = make_user("eva@rijk.example", name="Niet Eva")
    EmailAddress.objects.filter(user=squatter).update(verified=False)
    sign_in_with_the_organisation(page, "eva")
    assert SocialAccount.objects.get().user == squatter
    squatter.refresh_from_db()
    assert not squatter.has_usable_password()  # whoever chose that password cannot sign in with it any more
    page.problems.check(page)


def test_an_unverified_address_is_refused_and_links_nothing(page):
    carla = make_user("carla@waterschap.example", name="Carla")
    page.problems.allow_status(403)
    sign_in_with_the_organisation(page, "carla")
    main = page.get_by_role("main")
    assert main.get_by_role("heading", name="Inloggen niet gelukt").is_visible()
    assert "Testorganisatie heeft ons geen bevestigd e-mailadres" in main.inner_text()
    assert account_menu(page).get_by_role("link", name="Inloggen").is_visible()  # not signed in
    assert not SocialAccount.objects.exists()
    assert list(get_user_model().objects.all()) == [carla]
    axe_check(page, "refused OIDC sign-in")
    page.problems.check(page)


def test_an_unverified_address_makes_no_new_account_either(page):
    page.problems.allow_status(403)
    sign_in_with_the_organisation(page, "dirk")
    assert page.get_by_role("main").get_by_role("heading", name="Inloggen niet gelukt").is_visible()
    assert not get_user_model().objects.exists() and not SocialAccount.objects.exists()
    page.problems.check(page)
