"""PNG screenshots of the main pages at 320 and 1280 px into screenshots/ (for looking, not asserting).

Skipped unless SCREENSHOTS=1 (`make screenshots` sets it). Loads the demo content first when it can.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from tests.conftest import make_user

from .conftest import log_in, new_context

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(os.environ.get("SCREENSHOTS") != "1", reason="set SCREENSHOTS=1 (make screenshots)"),
]

OUT = Path(settings.BASE_DIR) / "screenshots"
PAGES = [
    ("home", "/"),
    ("casussen", "/casussen/"),
    ("forum", "/forum/"),
    ("kennisbank", "/kennisbank/"),
    ("organisaties", "/organisaties/"),
    ("initiatieven", "/initiatieven/"),
    ("experts", "/experts/"),
    ("zoeken", "/zoeken/?q=open+source"),
    ("login", "/account/login/"),
    ("signup", "/account/signup/"),
    ("toegankelijkheid", "/toegankelijkheid/"),
    ("404", "/bestaat-niet/"),
]
MEMBER_PAGES = [("profiel", "/account/profiel/"), ("email", "/account/email/"), ("2fa", "/account/2fa/")]


@pytest.fixture
def demo_content(transactional_db, capsys):
    try:
        call_command("load_demo")
    except Exception as error:  # a part whose demo is broken should not stop the pictures of the rest
        print(f"load_demo failed, screenshots without (all) demo content: {error!r}")
    return get_user_model().objects.filter(email="lid@ospo-nl.example").first() or make_user("lid@ospo-nl.example")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("width", [320, 1280])
def test_screenshots_of_the_main_pages(browser, live_server, demo_content, width, lang):
    OUT.mkdir(exist_ok=True)
    context = new_context(browser, live_server, lang=lang, width=width)
    try:
        page = context.new_page()
        for name, path in PAGES:
            page.goto(path)
            page.screenshot(path=OUT / f"{name}-{width}-{lang}.png", full_page=True)
        page.goto("/account/signup/")
        page.locator("main button[type=submit]").click()
        page.wait_for_load_state()
        page.screenshot(path=OUT / f"signup-errors-{width}-{lang}.png", full_page=True)
        log_in(context, demo_content, live_server)
        for name, path in MEMBER_PAGES:
            page.goto(path)
            page.screenshot(path=OUT / f"{name}-{width}-{lang}.png", full_page=True)
    finally:
        context.close()
