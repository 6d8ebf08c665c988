"""axe-core (WCAG 2.1 A and AA) finds nothing on the main page types, at 320 and 1280 px, in Dutch and English;
and nothing scrolls sideways."""

import pytest

from tests.conftest import make_user

from .conftest import axe_check, log_in, new_context, new_page, visit

pytestmark = pytest.mark.e2e

PAGES = ["home", "login", "signup", "signup-with-errors", "profile-edit", "accessibility-statement", "404"]


def open_page(page, name):
    if name == "home":
        visit(page, "/")
    elif name == "login":
        visit(page, "/account/login/")
    elif name == "signup":
        visit(page, "/account/signup/")
    elif name == "signup-with-errors":
        visit(page, "/account/signup/")
        page.locator("#id_email").fill("taken@example.org")
        page.locator("#id_password1").fill("123")
        page.locator("#id_password2").fill("123")
        page.locator("main button[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator("#error-summary").is_visible()
    elif name == "profile-edit":
        visit(page, "/account/profiel/")
    elif name == "accessibility-statement":
        visit(page, "/toegankelijkheid/")
    elif name == "404":
        visit(page, "/bestaat-niet/", status=404)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_axe_violations(browser, live_server, name, width, lang):
    user = make_user("taken@example.org", name="Tessa Taken")
    context = new_context(browser, live_server, lang=lang, width=width)
    try:
        if name == "profile-edit":
            log_in(context, user, live_server)
        page = new_page(context)
        open_page(page, name)
        assert page.locator("html").get_attribute("lang") == lang
        # WCAG 1.4.10 (reflow): nothing scrolls sideways at 320 px.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        axe_check(page)
        page.problems.check(page)
    finally:
        context.close()
