"""axe-core (WCAG 2.1 A and AA) finds nothing on every page type, in Dutch and English, at 320 and 1280 px;
nothing scrolls sideways at 320 px (reflow); every focusable control shows its focus; form errors are announced
(summary with links, aria-invalid, aria-describedby); the browser sees no error, failed request or CSP violation.

One parametrised test: page type x language, each checked at both widths. The pages come from one demo-like
site built once for this module (`shared_site`); form pages are also shown with their errors after an invalid
submission. A failure names the rule, the element and the page (see `axe_violations`).
"""

import pytest

from .conftest import axe_violations, in_language, new_page, shared_context

pytestmark = pytest.mark.e2e


def submit(form_selector, **values):
    """An action that submits the form in <main> matching `form_selector`, after setting field values by name
    (bypassing maxlength, to get a server-side error)."""
    def action(page):
        form = page.locator("main").locator(form_selector).first
        for name, value in values.items():
            form.locator(f"[name={name}]").evaluate("(el, v) => { el.removeAttribute('maxlength'); el.value = v; }",
                                                    value)
        page.problems.allow_status(400)
        form.locator("button[type=submit]").last.click()
        page.wait_for_load_state()
        assert page.locator("#error-summary").is_visible(), "the form shows its error summary"
    return action


WIDTHS = [1280, 320]

# The innermost elements that reach past the right edge, as "tag.class (right edge px)".
WIDEST_ELEMENTS = """(width) => [...document.querySelectorAll("body *")]
  .filter((el) => el.getBoundingClientRect().right > width + 1)
  .filter((el) => ![...el.children].some((child) => child.getBoundingClientRect().right > width + 1))
  .slice(0, 5)
  .map((el) => el.tagName.toLowerCase()
               + (el.className ? "." + String(el.className).trim().split(/\\s+/).join(".") : "")
               + ` (${Math.round(el.getBoundingClientRect().right)} px)`)"""

# Every focusable control, focused in turn after one real Tab (so Chromium shows :focus-visible as for the
# keyboard): those without an outline or box shadow while focused, as "tag#id text".
UNSEEN_FOCUS = """() => {
  const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]";
  return [...document.querySelectorAll(selector)]
    .filter((el) => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length)
    .filter((el) => {
      el.focus();
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
      return !(el.matches(":focus-visible") && (outline || style.boxShadow !== "none"));
    })
    .map((el) => `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} "${(el.innerText || el.name).slice(0, 30)}"`);
}"""

# Form errors are announced: a summary on top (role=alert, focused) links to each field; each invalid field
# has aria-invalid and an aria-describedby that points at its visible message. Returns the problems found.
FORM_ERRORS = """() => {
  const problems = [];
  const summary = document.getElementById("error-summary");
  if (!summary) return ["no #error-summary"];
  if (summary.getAttribute("role") !== "alert") problems.push("the summary has no role=alert");
  if (document.activeElement !== summary) problems.push("the summary does not have the focus");
  for (const link of summary.querySelectorAll("a[href^='#']")) {
    const field = document.getElementById(link.hash.slice(1));
    if (!field) { problems.push(`summary link ${link.hash} has no target`); continue; }
    if (field.getAttribute("aria-invalid") !== "true") problems.push(`${link.hash} has no aria-invalid=true`);
    const described = (field.getAttribute("aria-describedby") || "").split(/\\s+/).filter(Boolean);
    if (!described.some((id) => /error|fout/.test(id) && document.getElementById(id)?.textContent.trim())) {
      problems.push(`${link.hash} is not described by its error message`);
    }
  }
  return problems;
}"""

# name: (role, path or a key of site.paths, expected status, action after loading)
PAGES = {
    "home": (None, "/", 200, None),
    # Casussen
    "casussen-list": (None, "/casussen/", 200, None),
    "casussen-unanswered": (None, "/casussen/onbeantwoord/", 200, None),
    "casussen-tag": (None, "casus_tag", 200, None),
    "casussen-mine": ("member", "/casussen/mijn/", 200, None),
    "casussen-followed": ("member", "/casussen/gevolgd/", 200, None),
    "casus-detail": ("member", "casus", 200, None),
    "casus-detail-visitor": (None, "casus", 200, None),
    "casus-detail-expert": ("expert", "open_casus", 200, None),
    "casus-ask-title": ("member", "/casussen/vragen/", 200, None),
    "casus-ask-errors": ("member", "/casussen/vragen/?titel=Welke+licentie+voor+onze+app", 200,
                         submit("form[method=post]")),
    "answer-errors": ("expert", "open_casus", 200, submit("form[action$='/antwoorden/']")),
    "casus-history": (None, "casus_history", 200, None),
    # Forum
    "forum-home": (None, "/forum/", 200, None),
    "forum-category": (None, "category", 200, None),
    "forum-topic": ("member", "topic", 200, None),
    "topic-errors": ("member", "topic_create", 200, submit("form[method=post]")),
    "reply-errors": ("member", "topic", 200, submit("form[action$='/acties/reageren/']")),
    # Kennisbank
    "kennisbank-home": (None, "/kennisbank/", 200, None),
    "kennisbank-section": (None, "section", 200, None),
    "kennisbank-kind": (None, "kind", 200, None),
    "kennisbank-tag": (None, "kennisbank_tag", 200, None),
    "kennisbank-recent": (None, "/kennisbank/recent/", 200, None),
    "article": (None, "article", 200, None),
    # A table wider than a phone (a focusable scroll region) and a long line of code (wraps); every Markdown block.
    "article-wide": (None, "wide_article", 200, None),
    "article-rich": (None, "rich_article", 200, None),
    "article-create": ("curator", "/kennisbank/artikel/nieuw/", 200, None),
    "article-edit": ("curator", "article_edit", 200, None),
    "article-history": ("curator", "article_history", 200, None),
    "article-diff": ("curator", "article_diff", 200, None),
    # Directory
    "organisations": (None, "/organisaties/", 200, None),
    "organisation": (None, "organisation", 200, None),
    "initiatives": (None, "/initiatieven/", 200, None),
    "initiative": (None, "initiative", 200, None),
    "experts": (None, "/experts/", 200, None),
    "expert": (None, "expert", 200, None),
    # Search
    "search-results": (None, "/zoeken/?q=licentie", 200, None),
    "search-no-results": (None, "/zoeken/?q=zzxqvw", 200, None),
    # Notifications and following
    "notifications": ("member", "/meldingen/", 200, None),
    "notification-settings": ("member", "/meldingen/instellingen/", 200, None),
    "following": ("member", "/volgend/", 200, None),
    "expert-ranking": ("curator", "/casussen/experts/?tags=licenties", 200, None),
    # Moderation and privacy
    "report-form": ("member", "report_profile", 200, None),
    "moderation-queue": ("curator", "/moderatie/", 200, None),
    "moderation-hidden": ("curator", "/moderatie/verborgen/", 200, None),
    "moderation-log": ("curator", "/moderatie/logboek/", 200, None),
    "account-delete": ("member", "/account/verwijderen/", 200, None),
    # Account
    "login": (None, "/account/login/", 200, None),
    "login-errors": (None, "/account/login/", 200, submit("form[method=post]")),
    "signup": (None, "/account/signup/", 200, None),
    "signup-errors": (None, "/account/signup/", 200, submit("form[method=post]")),
    "password-reset": (None, "/account/password/reset/", 200, None),
    "profile": ("member", "/account/profiel/", 200, None),
    "profile-errors": ("member", "/account/profiel/", 200, submit("form[method=post]", display_name="x" * 101)),
    "email": ("member", "/account/email/", 200, None),
    "mfa": ("member", "/account/2fa/", 200, None),
    # The network's rhythm: meetings, signals, the curators' overview, becoming an expert
    "events": (None, "/bijeenkomsten/", 200, None),
    "events-past": (None, "/bijeenkomsten/archief/", 200, None),
    "event": ("member", "event", 200, None),
    "event-past-visitor": (None, "past_event", 200, None),
    "event-create": ("curator", "/bijeenkomsten/nieuw/", 200, None),
    "event-errors": ("curator", "/bijeenkomsten/nieuw/", 200, submit("form[method=post]")),
    "event-edit": ("curator", "event_edit", 200, None),
    "event-attendees": ("curator", "event_attendees", 200, None),
    "event-report": ("curator", "event_report", 200, None),
    "signals": (None, "/signalen/", 200, None),
    "signal": (None, "signal", 200, None),
    "signal-create": ("expert", "/signalen/delen/", 200, None),
    "signal-errors": ("expert", "/signalen/delen/", 200, submit("form[method=post]")),
    "curator-overview": ("curator", "/curatoren/overzicht/", 200, None),
    "expert-apply": ("member", "/account/expert-worden/", 200, None),
    "expert-apply-errors": ("member", "/account/expert-worden/", 200, submit("form[method=post]")),
    "application-queue": ("curator", "/curatoren/aanvragen/", 200, None),
    "propose-organisation": ("member", "/organisaties/voorstellen/", 200, None),
    "propose-organisation-errors": ("member", "/organisaties/voorstellen/", 200, submit("form[method=post]")),
    "proposal-queue": ("curator", "/curatoren/organisaties/", 200, None),
    "casus-queue-expert": ("expert", "/casussen/onbeantwoord/", 200, None),
    # Static pages and errors
    "accessibility-statement": (None, "/toegankelijkheid/", 200, None),
    "privacy": (None, "/privacy/", 200, None),
    "colophon": (None, "/over-ons/", 200, None),
    "403": ("member", "article_edit", 403, None),
    "404": (None, "/bestaat-niet/", 404, None),
}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_page_type_has_no_axe_violations_at_320_and_1280_px(shared_site, name, lang):
    role, where, status, action = PAGES[name]
    path = in_language(shared_site.paths.get(where, where), lang)
    context = shared_context(shared_site, role=role, lang=lang, width=WIDTHS[0])
    try:
        page = new_page(context)
        page.problems.allow_status(status)
        response = page.goto(path)
        assert response.status == status, f"{name}: GET {path} gave {response.status}, expected {status}"
        if action:
            action(page)
        assert page.locator("html").get_attribute("lang") == lang
        found = []
        if action:
            found += [f"{name} ({lang}): form errors: {problem}" for problem in page.evaluate(FORM_ERRORS)]
        # The same page at each width (media queries follow the viewport; no reload needed).
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            label = f"{name} ({lang}, {width} px)"
            # WCAG 1.4.10 (reflow): nothing scrolls sideways.
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                found.append(f"{label} scrolls sideways: the page is {scroll_width} px wide; too wide: "
                             + ", ".join(page.evaluate(WIDEST_ELEMENTS, width)))
            found += axe_violations(page, label)
        page.keyboard.press("Tab")
        found += [f"{name} ({lang}): no visible focus on {el}" for el in page.evaluate(UNSEEN_FOCUS)]
        assert not found, "\n".join(found)
        page.problems.check(page)
    finally:
        context.close()
