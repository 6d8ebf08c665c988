"""The NL Design System components look as the design system means them, checked in Chromium's computed
styles on the shared demo site: breadcrumbs without numbers and without overlap, danger buttons red, tables'
numeric columns aligned, notices with the alert's colours. tests/ospo_nl/test_components.py checks the markup."""

import pytest

from .conftest import new_page, shared_context

pytestmark = pytest.mark.e2e

# Per breadcrumb: the list's marker style and indent, each item's box and the separator drawn before it.
BREADCRUMB = """() => {
  const list = document.querySelector("nav.utrecht-breadcrumb-nav ol");
  if (!list) return null;
  const items = [...list.querySelectorAll("li")];
  return {
    listStyle: getComputedStyle(list).listStyleType,
    paddingStart: getComputedStyle(list).paddingInlineStart,
    markers: items.map((li) => getComputedStyle(li, "::marker").content),
    displays: items.map((li) => getComputedStyle(li).display),
    boxes: items.map((li) => { const r = li.getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom]; }),
    separators: items.map((li) => getComputedStyle(li, "::before").content),
  };
}"""


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("where", ["topic", "article", "organisation", "expert", "initiative", "casus", "event"])
def test_breadcrumbs_show_no_numbers_and_do_not_overlap(shared_site, where, width):
    context = shared_context(shared_site, role="member", width=width)
    try:
        page = new_page(context)
        page.goto(shared_site.paths[where])
        crumbs = page.evaluate(BREADCRUMB)
        assert crumbs, f"{where} has a breadcrumb list"
        assert crumbs["listStyle"] == "none" and crumbs["paddingStart"] == "0px"
        assert "list-item" not in crumbs["displays"], "items are not list items, so no ::marker shows"
        boxes = crumbs["boxes"]
        for before, after in zip(boxes, boxes[1:], strict=False):
            same_line = after[2] < before[3] and before[2] < after[3]
            assert not same_line or after[0] >= before[1] - 0.5, f"{where}: crumbs overlap: {before} {after}"
        assert crumbs["separators"][0] == "none"
        assert all("›" in s for s in crumbs["separators"][1:])
        page.problems.check(page)
    finally:
        context.close()


def colour(page, selector, prop="background-color"):
    return page.locator(selector).first.evaluate(f"(el) => getComputedStyle(el).getPropertyValue('{prop}')")


def test_account_deletion_button_is_red_not_green(shared_site):
    context = shared_context(shared_site, role="member")
    try:
        page = new_page(context)
        page.goto("/account/verwijderen/")
        button = "button.utrecht-button--danger"
        assert page.locator(button).first.inner_text().startswith("Mijn account definitief verwijderen")
        assert colour(page, button) == "rgb(160, 29, 35)"  # voorbeeld rood-500
        assert colour(page, button, "color") == "rgb(255, 255, 255)"
    finally:
        context.close()


def test_moderation_danger_buttons_are_red_and_the_reason_marker_shows(shared_site):
    context = shared_context(shared_site, role="curator")
    try:
        page = new_page(context)
        page.goto("/moderatie/")
        assert colour(page, "button.utrecht-button--secondary-action.utrecht-button--danger", "color") \
            == "rgb(160, 29, 35)"
        assert colour(page, "button[value=dismiss]", "color") != "rgb(160, 29, 35)"
        marker = page.locator(".required-marker").first
        assert marker.is_visible() and "verplicht" in marker.inner_text()
    finally:
        context.close()


def test_forum_table_aligns_numbers_at_the_end(shared_site):
    context = shared_context(shared_site)
    try:
        page = new_page(context)
        page.goto("/forum/")
        assert colour(page, "td.utrecht-table__cell--numeric-data", "text-align") == "end"
        assert colour(page, "th.utrecht-table__header-cell--numeric-column", "text-align") == "end"
    finally:
        context.close()


def test_error_notice_has_the_alert_colours(shared_site):
    context = shared_context(shared_site)
    try:
        page = new_page(context)
        page.goto("/account/login/")
        page.problems.allow_status(400)
        page.locator("main form[method=post] button[type=submit]").last.click()
        page.wait_for_load_state()
        summary = "#error-summary"
        assert colour(page, summary) not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")
        assert colour(page, summary, "border-style") != "none"
    finally:
        context.close()
