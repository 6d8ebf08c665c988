"""The Markdown editor in Chromium: the toolbar inserts Markdown, the preview shows the server's HTML, @[Naam]
completes from public profiles, and no CSP violation or error happens (checked by the page fixture)."""

import pytest

from .conftest import axe_check, new_page, shared_context

pytestmark = pytest.mark.e2e

REPLY = "main form[action$='/acties/reageren/']"


@pytest.fixture
def reply_page(shared_site):
    context = shared_context(shared_site, role="member")
    page = new_page(context)
    page.goto(shared_site.paths["topic"])
    yield page
    page.problems.check(page)
    context.close()


def test_toolbar_inserts_markdown_and_the_preview_shows_it(reply_page):
    page = reply_page
    area = page.locator(f"{REPLY} textarea[data-markdown]")
    toolbar = page.locator(f"{REPLY} [role=toolbar]")
    assert toolbar.is_visible()
    area.fill("hallo")
    area.evaluate("(el) => el.setSelectionRange(0, el.value.length)")
    toolbar.get_by_role("button", name="Vet").click()
    assert area.input_value() == "**hallo**"
    area.evaluate("(el) => el.setSelectionRange(el.value.length, el.value.length)")
    area.press("End")
    area.type("\n\n")
    toolbar.get_by_role("button", name="Lijst").click()
    assert area.input_value() == "**hallo**\n\n- "
    area.type("punt")
    preview_button = toolbar.get_by_role("button", name="Voorbeeld")
    preview_button.click()
    assert preview_button.get_attribute("aria-pressed") == "true"
    body = page.locator(f"{REPLY} .markdown-preview__body")
    body.locator("strong").wait_for()
    assert body.locator("strong").inner_text() == "hallo"
    assert body.locator("li").inner_text() == "punt"
    axe_check(page, "reply form with the editor and its preview")


def test_mentions_complete_from_public_profiles(reply_page):
    page = reply_page
    area = page.locator(f"{REPLY} textarea[data-markdown]")
    area.click()
    area.type("Vraag het @[Eva")
    option = page.locator(f"{REPLY} .mention-list button", has_text="Eva Expert")
    option.wait_for()
    area.press("ArrowDown")
    page.keyboard.press("Enter")
    assert area.input_value() == "Vraag het @[Eva Expert] "


def test_without_javascript_the_field_is_a_plain_textarea(shared_site):
    context = shared_site.browser.new_context(base_url=shared_site.server.url, java_script_enabled=False,
                                              locale="nl-NL")
    try:
        from django.conf import settings
        from django.test import Client

        client = Client()
        client.force_login(shared_site.users["member"])
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                              "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                              "url": shared_site.server.url}])
        page = context.new_page()
        page.goto(shared_site.paths["topic"])
        assert page.locator(f"{REPLY} textarea[name=body]").is_visible()
        assert page.locator(f"{REPLY} [role=toolbar]").count() == 0
        assert "@[Naam]" in page.locator(REPLY).inner_text()
    finally:
        context.close()
