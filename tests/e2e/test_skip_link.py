"""The skip link is the first stop for keyboard users and moves focus to the main content."""

import pytest

from .conftest import visit

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("path", ["/", "/toegankelijkheid/"])
def test_the_skip_link_takes_keyboard_users_to_the_content(page, path):
    visit(page, path)
    skip_link = page.get_by_role("link", name="Naar de inhoud")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Naar de inhoud"
    box = skip_link.bounding_box()
    assert box is not None and box["y"] >= 0 and box["x"] >= 0, "the focused skip link is on screen"
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'main'")
    assert page.url.endswith("#main")
    # The next Tab continues inside the main content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main')")
