"""PNG screenshots of the main page types at 320 and 1280 px into screenshots/ (for looking, not asserting).

Skipped unless SCREENSHOTS=1 (`make screenshots` sets it). Uses the same demo-like site and page list as the
axe test, so every page type checked there can be looked at here: screenshots/<page>-<width>-<lang>.png.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

from .conftest import new_page, shared_context
from .test_axe import PAGES

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(os.environ.get("SCREENSHOTS") != "1", reason="set SCREENSHOTS=1 (make screenshots)"),
]

OUT = Path(settings.BASE_DIR) / "screenshots"
SKIP = {"casus-detail-visitor", "casus-ask-title", "login", "password-reset", "privacy"}  # much like another


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("width", [320, 1280])
def test_screenshots_of_the_main_pages(shared_site, width, lang):
    OUT.mkdir(exist_ok=True)
    contexts = {}
    try:
        for name, (role, where, _status, action) in PAGES.items():
            if name in SKIP:
                continue
            if role not in contexts:
                contexts[role] = shared_context(shared_site, role=role, lang=lang, width=width)
            page = new_page(contexts[role])
            page.goto(shared_site.paths.get(where, where))
            if action:
                action(page)
            page.screenshot(path=OUT / f"{name}-{width}-{lang}.png", full_page=True)
            page.close()
    finally:
        for context in contexts.values():
            context.close()
