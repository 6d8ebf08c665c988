"""The header's language switch (a plain POST form) turns the site, allauth's pages included, into English."""

import pytest

from .conftest import visit

pytestmark = pytest.mark.e2e


def test_switching_to_english_and_back_on_the_login_page(page):
    visit(page, "/account/login/")
    assert page.get_by_role("heading", level=1).inner_text() == "Inloggen"
    page.get_by_role("button", name="English").click()
    page.wait_for_url("**/account/login/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Log in"
    assert page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Knowledge base").is_visible()
    page.get_by_role("button", name="Nederlands").click()
    page.wait_for_url("**/account/login/")
    assert page.locator("html").get_attribute("lang") == "nl"
    page.problems.check(page)
