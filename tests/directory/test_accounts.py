"""Sign-up -> verification e-mail -> log in -> edit profile, and the bad-input paths."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from directory.models import Profile
from tests.factories import make_user

SIGNUP = {"email": "nieuw@gemeente.example", "password1": "een-sterk-wachtwoord-42",
          "password2": "een-sterk-wachtwoord-42", "display_name": "Nina Nieuw", "website": ""}


@pytest.mark.django_db
def test_signup_sends_verification_mail_and_login_waits_for_it(client):
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 302
    user = get_user_model().objects.get(email="nieuw@gemeente.example")
    assert user.profile.display_name == "Nina Nieuw"
    assert len(mail.outbox) == 1
    # Not verified yet: logging in sends you to the "verify your e-mail" page.
    client.logout()
    response = client.post(reverse("account_login"), {"login": SIGNUP["email"], "password": SIGNUP["password1"]})
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")


@pytest.mark.django_db
def test_signup_verify_login_and_edit_profile(client):
    client.post(reverse("account_signup"), SIGNUP)
    key_url = re.search(r"https?://[^/]+(/account/confirm-email/[^/\s]+/)", mail.outbox[0].body).group(1)
    response = client.post(key_url)
    assert response.status_code == 302
    client.logout()
    response = client.post(reverse("account_login"), {"login": SIGNUP["email"], "password": SIGNUP["password1"]})
    assert response.status_code == 302
    response = client.post(
        reverse("directory:profile_edit"),
        {"display_name": "Nina N.", "bio": "Ik werk aan *open source*.", "expertise": "licenties, inkoop",
         "is_public": "on"},
    )
    assert response.status_code == 302
    profile = Profile.objects.get(user__email=SIGNUP["email"])
    assert profile.display_name == "Nina N."
    assert "<em>open source</em>" in profile.bio_html
    assert sorted(profile.expertise.names()) == ["inkoop", "licenties"]
    assert profile.is_expert is False


def _answer(client, url, data, address):
    """What a visitor sees after posting `data` to `url`: the status, where it leads and the final page, with the
    address and the form's CSRF token left out (they differ by request, not by whether the address is known)."""
    response = client.post(url, data, follow=True)
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.text).replace(address, "ADDRESS")
    return response.status_code, response.redirect_chain, page


@pytest.mark.django_db
def test_signup_with_a_taken_email_looks_the_same_and_mails_the_owner(client):
    make_user("bekend@gemeente.example", name="Bea Bekend")
    taken = _answer(client, reverse("account_signup"), {**SIGNUP, "email": "bekend@gemeente.example"},
                    "bekend@gemeente.example")
    [owners_mail] = mail.outbox
    new = _answer(Client(), reverse("account_signup"), SIGNUP, SIGNUP["email"])
    assert taken == new
    assert taken[1] == [(reverse("account_email_verification_sent"), 302)]
    # The owner hears that someone tried, with the way back in; no second account, no change to theirs.
    assert owners_mail.to == ["bekend@gemeente.example"]
    assert owners_mail.subject == "[OSPO-NL] Je hebt al een account"
    assert owners_mail.body.startswith("Hallo Bea Bekend,") and "/account/password/reset/" in owners_mail.body
    assert get_user_model().objects.filter(email="bekend@gemeente.example").count() == 1
    assert Profile.objects.get(user__email="bekend@gemeente.example").display_name == "Bea Bekend"
    assert mail.outbox[1].subject == "[OSPO-NL] Bevestig je e-mailadres" and mail.outbox[1].to == [SIGNUP["email"]]


@pytest.mark.django_db
def test_password_reset_answers_the_same_for_known_and_unknown_addresses(client):
    make_user("bekend@gemeente.example", name="Bea Bekend")
    known = _answer(client, reverse("account_reset_password"), {"email": "bekend@gemeente.example"},
                    "bekend@gemeente.example")
    unknown = _answer(Client(), reverse("account_reset_password"), {"email": "onbekend@gemeente.example"},
                      "onbekend@gemeente.example")
    assert known == unknown
    assert known[1] == [(reverse("account_reset_password_done"), 302)]
    assert "niet bij ons bekend" not in known[2]
    reset, no_account = mail.outbox
    assert reset.to == ["bekend@gemeente.example"] and reset.subject == "[OSPO-NL] Kies een nieuw wachtwoord"
    assert reset.body.startswith("Hallo Bea Bekend,") and "/account/password/reset/key/" in reset.body
    assert no_account.to == ["onbekend@gemeente.example"]
    assert no_account.subject == "[OSPO-NL] Geen account met dit e-mailadres"
    assert "/account/signup/" in no_account.body and "Bea Bekend" not in no_account.body


@pytest.mark.django_db
@pytest.mark.parametrize("address", ["bekend@gemeente.example", "onbekend@gemeente.example"])
def test_password_reset_stays_rate_limited_per_address_known_or_not(client, address):
    make_user("bekend@gemeente.example")
    statuses = [client.post(reverse("account_reset_password"), {"email": address}).status_code for _ in range(6)]
    assert statuses == [302] * 5 + [429]
    assert len(mail.outbox) == 5


@pytest.mark.django_db
def test_signup_with_a_weak_password_shows_a_form_message(client):
    response = client.post(reverse("account_signup"), {**SIGNUP, "password1": "123", "password2": "123"})
    assert response.status_code == 200
    assert "wachtwoord" in response.text.lower()
    assert not get_user_model().objects.filter(email=SIGNUP["email"]).exists()


@pytest.mark.django_db
def test_signup_honeypot_filled_in_is_refused(client):
    response = client.post(reverse("account_signup"), {**SIGNUP, "website": "http://spam.example"})
    assert response.status_code == 200
    assert not get_user_model().objects.filter(email=SIGNUP["email"]).exists()


@pytest.mark.django_db
def test_wrong_verification_key_gives_a_clear_page_not_a_500(client):
    response = client.get("/account/confirm-email/niet-geldig/")
    assert response.status_code in (200, 404)
    assert "verlopen" in response.text or "ongeldig" in response.text.lower()


@pytest.mark.django_db
def test_profile_with_a_4000_character_name_is_refused_with_a_message(member_client, member):
    response = member_client.post(reverse("directory:profile_edit"), {"display_name": "x" * 4000})
    assert response.status_code == 400
    assert "100" in response.text  # "at most 100 characters"
    member.profile.refresh_from_db()
    assert member.profile.display_name == "Mila Member"


@pytest.mark.django_db
def test_member_cannot_make_themselves_expert_through_post(member_client, member):
    member_client.post(reverse("directory:profile_edit"), {"display_name": "Mila", "is_expert": "on"})
    member.profile.refresh_from_db()
    assert member.profile.is_expert is False


def test_profile_page_needs_login(client):
    response = client.get(reverse("directory:profile_edit"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.django_db
def test_profile_page_query_count_is_pinned(member_client, django_assert_num_queries):
    # session, user with profile, profile (form), content type + expertise tags, published organisations.
    # The content-type cache is cleared right before, so the pin does not depend on whether a fixture's
    # save (e.g. the search index) already cached it.
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    with django_assert_num_queries(6):
        assert member_client.get(reverse("directory:profile_edit")).status_code == 200


@pytest.mark.django_db
def test_staff_reaches_admin_and_member_is_sent_to_login(curator_client, member_client):
    assert curator_client.get("/admin/").status_code == 200
    response = member_client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response.url
