"""Sign-up -> verification e-mail -> log in -> edit profile, in a real browser (Dutch)."""

import re

import pytest
from django.core import mail

from directory.models import Profile

from .conftest import visit

pytestmark = pytest.mark.e2e

EMAIL = "nina@gemeente.example"
PASSWORD = "een-sterk-wachtwoord-42"


def test_sign_up_verify_log_in_and_edit_the_profile(page, live_server):
    visit(page, "/account/signup/")
    assert page.locator("html").get_attribute("lang") == "nl"
    page.get_by_label("E-mailadres").fill(EMAIL)
    page.get_by_label("Naam").fill("Nina Nieuw")
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_label("Wachtwoord (bevestigen)").fill(PASSWORD)
    page.get_by_role("button", name="Account aanmaken").click()
    page.wait_for_url("**/account/confirm-email/")

    # The live server runs in this process, so the locmem outbox holds the verification mail.
    assert len(mail.outbox) == 1
    confirm_path = re.search(r"https?://[^/\s]+(/account/confirm-email/[^/\s]+/)", mail.outbox[0].body).group(1)
    visit(page, confirm_path)
    page.get_by_role("main").get_by_role("button", name="Bevestigen").click()
    page.wait_for_load_state()

    # Log out and log in again with the form.
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()
    visit(page, "/account/login/")
    page.get_by_label("E-mailadres").fill(EMAIL)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    assert page.get_by_role("navigation", name="Account").get_by_role("link", name="Nina Nieuw").is_visible()

    visit(page, "/account/profiel/")
    page.get_by_role("textbox", name=re.compile(r"^Naam")).fill("Nina N.")
    page.get_by_label("Over mij").fill("Ik werk aan *open source* bij de gemeente.")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/account/profiel/")
    assert page.get_by_role("status").get_by_text("Je profiel is opgeslagen.").is_visible()
    page.problems.check(page)

    profile = Profile.objects.get(user__email=EMAIL)
    assert profile.display_name == "Nina N."
    assert "<em>open source</em>" in profile.bio_html


def test_the_sign_up_honeypot_is_out_of_reach_for_people(page):
    visit(page, "/account/signup/")
    honeypot = page.locator("#id_website")
    assert honeypot.get_attribute("tabindex") == "-1"
    assert honeypot.get_attribute("autocomplete") == "off"
    assert page.locator(".honeypot").get_attribute("aria-hidden") == "true"
    box = honeypot.bounding_box()
    assert box is None or box["x"] + box["width"] <= 0  # off screen
    # Tabbing through the form never lands on it.
    page.get_by_label("E-mailadres").focus()
    for _ in range(6):
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") != "id_website"


def test_sign_up_with_errors_shows_a_linked_error_summary(page):
    visit(page, "/account/signup/")
    page.get_by_label("E-mailadres").fill("geen-adres")
    page.get_by_label("Wachtwoord", exact=True).fill("123")
    page.get_by_label("Wachtwoord (bevestigen)").fill("456")
    page.get_by_role("button", name="Account aanmaken").click()
    page.wait_for_load_state()
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert summary.get_by_role("heading", name="Controleer het formulier").is_visible()
    # Each summary entry links to its field; each invalid field points at its message.
    summary.get_by_role("link").filter(has_text="E-mailadres").click()
    assert page.evaluate("document.activeElement.id") == "id_email"
    email = page.locator("#id_email")
    assert email.get_attribute("aria-invalid") == "true"
    assert "id_email_error" in email.get_attribute("aria-describedby")
    assert page.locator("#id_email_error").is_visible()
