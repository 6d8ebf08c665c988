"""The header's language switch: a plain link to the same page in the other language, allauth's pages included."""

import pytest

from .conftest import visit

pytestmark = pytest.mark.e2e


def test_switching_to_english_and_back_on_the_login_page(page):
    visit(page, "/account/login/")
    assert page.get_by_role("heading", level=1).inner_text() == "Inloggen"
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/account/login/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Log in"
    assert page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Knowledge base").is_visible()
    page.get_by_role("link", name="Nederlands").click()
    page.wait_for_url(lambda url: url.endswith("/account/login/") and "/en/" not in url)
    assert page.locator("html").get_attribute("lang") == "nl"
    page.problems.check(page)


def test_an_english_browser_gets_the_dutch_page_at_a_dutch_url(browser, live_server):
    from .conftest import new_context, new_page

    context = new_context(browser, live_server, lang="en")
    try:
        page = new_page(context)
        visit(page, "/kennisbank/")
        assert page.locator("html").get_attribute("lang") == "nl"
        assert page.url.endswith("/kennisbank/")  # not redirected
    finally:
        context.close()
