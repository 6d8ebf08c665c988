"""Two ways to use a page in a journey: with the mouse, or with the keyboard only.

`Driver(page, keyboard=True)` reaches every control with Tab or Shift+Tab (whichever way is shorter in
document order), checks that the focused control shows a visible focus indicator, types with the keyboard,
follows links with Enter and presses buttons and checkboxes with Space. With `keyboard=False` the same
journey clicks and fills. The journeys are written once against this interface.
"""

TAB_LIMIT = 150

# Which way to go from the focused element to `el`: "Tab" (it is later in the page) or "Shift+Tab".
DIRECTION = """(el) => {
  const from = document.activeElement;
  if (!from || from === document.body) return "Tab";
  return from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING ? "Shift+Tab" : "Tab";
}"""

# A focus indicator: an outline or a box shadow, or (links) a background change, on the focused element.
FOCUS_STYLE = """(el) => {
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== "none";
  const text = (el.innerText || el.value || el.name || "").trim().slice(0, 40);
  return {outline, shadow, focusVisible: el.matches(":focus-visible"),
          describe: `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} "${text}"`};
}"""


class Driver:
    def __init__(self, page, *, keyboard):
        self.page = page
        self.keyboard = keyboard

    def focus(self, locator):
        """Keyboard: Tab (or Shift+Tab) until `locator` has the focus, then check the focus is visible."""
        locator.wait_for()
        handle = locator.element_handle()
        key = self.page.evaluate(DIRECTION, handle)
        for _ in range(TAB_LIMIT):
            if self.page.evaluate("(el) => el === document.activeElement", handle):
                self.assert_focus_visible()
                return
            self.page.keyboard.press(key)
        raise AssertionError(f"{key} never reached {locator} on {self.page.url}")

    def assert_focus_visible(self):
        style = self.page.evaluate(f"({FOCUS_STYLE})(document.activeElement)")
        assert style["focusVisible"] and (style["outline"] or style["shadow"]), (
            f"no visible focus indicator on {style['describe']} at {self.page.url}: {style}")

    def fill(self, locator, text):
        if not self.keyboard:
            locator.fill(text)
            return
        self.focus(locator)
        self.page.keyboard.press("Control+A")
        self.page.keyboard.press("Delete")
        self.page.keyboard.type(text)

    def check(self, locator):
        if not self.keyboard:
            locator.check()
            return
        self.focus(locator)
        if not locator.is_checked():
            self.page.keyboard.press("Space")
        assert locator.is_checked()

    def press(self, locator, *, navigates=True):
        """Follow a link (Enter) or press a button (Space), waiting for the next page when it navigates."""
        if self.keyboard:
            self.focus(locator)
            is_link = locator.evaluate("(el) => el.tagName === 'A'")
            action = lambda: self.page.keyboard.press("Enter" if is_link else "Space")  # noqa: E731
        else:
            action = locator.click
        if navigates:
            with self.page.expect_navigation():
                action()
        else:
            action()
