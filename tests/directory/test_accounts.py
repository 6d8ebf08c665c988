"""Sign-up -> verification e-mail -> log in -> edit profile, and the bad-input paths."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
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


@pytest.mark.django_db
def test_signup_with_a_taken_email_shows_a_form_message(client):
    make_user("nieuw@gemeente.example")
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 200
    assert "al een gebruiker geregistreerd met dit e-mailadres" in response.text
    assert get_user_model().objects.filter(email="nieuw@gemeente.example").count() == 1


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
