"""Dutch at the plain URLs, English under /en/: our own strings and allauth's pages (docs/i18n.md).

Needs the compiled catalogue (locale/en/LC_MESSAGES/django.mo); `make install` compiles it.
"""

import pytest
from django.urls import reverse


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
