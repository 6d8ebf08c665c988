"""Dutch at the plain URLs, English under /en/: our own strings and allauth's pages (docs/i18n.md).

Needs the compiled catalogue (locale/en/LC_MESSAGES/django.mo); `make install` compiles it.
"""

from gettext import GNUTranslations
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.factories import PASSWORD


@pytest.mark.django_db
def test_home_navigation_is_dutch_by_default(client):
    text = client.get(reverse("home")).text
    for word in ("Casussen", "Kennisbank", "Organisaties", "Naar de inhoud"):
        assert word in text


@pytest.mark.django_db
def test_home_navigation_is_english_under_en(client):
    text = client.get("/en/").text
    assert 'lang="en"' in text
    for word in (">Casussen<", ">Knowledge base<", ">Organisations<", "Skip to content", "Accessibility"):
        assert word in text, f"{word!r} missing: is locale/en/LC_MESSAGES/django.mo compiled (make messages)?"
    assert ">Kennisbank<" not in text


@pytest.mark.django_db
def test_the_old_language_form_still_answers_with_the_page_in_the_chosen_language(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/toegankelijkheid/"})
    assert response.status_code == 302
    assert response.url == "/en/toegankelijkheid/"
    assert "Accessibility statement" in client.get(response.url).text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url_name", "dutch", "english"),
    [
        ("account_login", ">Inloggen</h1>", ">Log in</h1>"),
        ("account_signup", ">Account aanmaken</h1>", ">Create account</h1>"),
        ("account_reset_password", "Wachtwoord vergeten?", "Forgotten your password?"),
    ],
)
def test_account_pages_are_dutch_by_default_and_english_under_en(client, url_name, dutch, english):
    assert dutch in client.get(reverse(url_name)).text
    text = client.get("/en" + reverse(url_name)).text
    assert english in text
    assert dutch not in text


@pytest.mark.django_db
def test_form_errors_are_in_the_page_language(client):
    text = client.post("/en" + reverse("account_signup"), {"email": "", "password1": "", "password2": ""}).text
    assert "Please check the form" in text
    assert "This field is required." in text


# Our Dutch catalogue (locale/nl) overrides Django's and allauth's where they are English or use other words
# than docs/glossary.md.
NL_CATALOGUE = Path(settings.BASE_DIR) / "locale" / "nl" / "LC_MESSAGES" / "django.mo"


def test_every_dutch_override_wins_over_django_s_and_allauth_s_catalogues():
    with NL_CATALOGUE.open("rb") as compiled:
        catalogue = GNUTranslations(compiled)._catalog
    # Plural forms are keyed (msgid, index); the test reads them through ngettext below.
    overrides = {msgid: msgstr for msgid, msgstr in catalogue.items() if isinstance(msgid, str) and msgid}
    assert "- Select an option -" in overrides and len(overrides) > 20
    with translation.override("nl"):
        for msgid, msgstr in overrides.items():
            assert translation.gettext(msgid) == msgstr
        rule = "Your password must contain at least %(min_length)d character."
        assert translation.ngettext(rule, rule.replace("character", "characters"), 10) == catalogue[(rule, 1)]


@pytest.mark.django_db
def test_the_password_rules_say_je_like_the_rest_of_the_site(client):
    text = client.get(reverse("account_signup")).text
    assert "Je wachtwoord moet minstens 10 tekens lang zijn." in text and "Uw wachtwoord" not in text


@pytest.mark.django_db
def test_the_profile_form_s_empty_choice_is_dutch(member_client):
    text = member_client.get(reverse("directory:profile_edit")).text
    assert "- Kies een optie -" in text and "Select an option" not in text


def test_the_assign_form_s_empty_choice_is_dutch(db):
    from casussen.forms import AssignForm

    with translation.override("nl"):
        assert "- Kies een optie -" in str(AssignForm()["expert"])


@pytest.mark.django_db
def test_two_factor_pages_use_one_term_per_concept(client, member):
    client.force_login(member)
    # Turning it on asks for the password again first.
    assert client.post(reverse("account_reauthenticate"), {"password": PASSWORD}).status_code == 302
    for url in (reverse("mfa_index"), reverse("mfa_activate_totp")):
        response = client.get(url)
        assert response.status_code == 200
        text = response.text
        assert "Tweestapsverificatie" in text
        for other in ("Twee-factor", "twee-factor", "QR code", "authenticator app", "Authenticator-app",
                      "verificatie code", "Authenticator geheim"):
            assert other not in text, f"{other!r} on {url}"
    for term in ("QR-code", "authenticatie-app", "verificatiecode", "Geheime sleutel"):
        assert term in text
