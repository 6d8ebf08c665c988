"""PNG screenshots of the main page types at 360 and 1280 px into screenshots/, for people to look at.

Runs only with SCREENSHOTS=1 (`make screenshots` sets it); otherwise it is skipped, and says why. Uses the
same demo-like site and page list as the axe test, so every page type checked there can be looked at here:
screenshots/<page>-<width>-<lang>.png. What it asserts: each file is written now, is a PNG, and is exactly
as wide as the viewport (a wider full-page shot would mean sideways scrolling) and at least as high.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

from .conftest import in_language, new_page, shared_context
from .test_axe import PAGES

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(os.environ.get("SCREENSHOTS") != "1", reason="set SCREENSHOTS=1 (make screenshots)"),
]

OUT = Path(settings.BASE_DIR) / "screenshots"
SKIP = {"casus-detail-visitor", "casus-ask-title", "login", "password-reset"}  # much like another
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
HEIGHT = 900  # the viewport height of new_context()


def png_size(path):
    """(width, height) from a PNG's IHDR chunk, which follows the 8-byte signature."""
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE, f"{path.name} is not a PNG"
    assert data[12:16] == b"IHDR", f"{path.name} has no IHDR chunk first"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("width", [360, 1280])
def test_screenshots_of_the_main_pages(shared_site, width, lang):
    OUT.mkdir(exist_ok=True)
    contexts = {}
    written = []
    try:
        for name, (role, where, _status, action) in PAGES.items():
            if name in SKIP:
                continue
            if role not in contexts:
                contexts[role] = shared_context(shared_site, role=role, lang=lang, width=width)
            page = new_page(contexts[role])
            page.goto(in_language(shared_site.paths.get(where, where), lang))
            if action:
                action(page)
            path = OUT / f"{name}-{width}-{lang}.png"
            path.unlink(missing_ok=True)  # a file left by an earlier run must not pass for this one
            page.screenshot(path=path, full_page=True)
            page.close()
            assert path.is_file() and path.stat().st_size > 0, f"{path.name} was not written"
            shot_width, shot_height = png_size(path)
            assert shot_width == width, f"{path.name} is {shot_width} px wide, not {width}"
            assert shot_height >= HEIGHT, f"{path.name} is only {shot_height} px high"
            written.append(name)
    finally:
        for context in contexts.values():
            context.close()
    assert written == [name for name in PAGES if name not in SKIP]
