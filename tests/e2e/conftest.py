"""Real-browser tests: Playwright (sync API) drives Debian's chromium against pytest-django's live_server.

Fixtures: `browser` (one chromium per session), `context` (Dutch, 1280 px), `page` (with `page.problems`
collecting console errors, failed requests, 4xx/5xx responses and CSP violations; checked when the test
ends), and helpers `visit()`, `axe_check()`, `log_in()`.
"""

import os
import re
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LOCALES = {"nl": "nl-NL", "en": "en-GB"}
E2E_DIR = Path(__file__).parent


def pytest_collection_modifyitems(items):
    # Everything in this folder needs the browser: keep it out of the SQLite run (-m "not e2e") and out of
    # the fast inner loop (-m "not slow").
    # Browser tests run last (a stable sort after pytest-django's own ordering), so the event loop
    # Playwright leaves in the main thread, and the DJANGO_ALLOW_ASYNC_UNSAFE it needs, never reach
    # another test (e.g. one that runs `manage.py check --deploy` in a subprocess).
    for item in items:
        if E2E_DIR in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.slow)
    items.sort(key=lambda item: item.get_closest_marker("e2e") is not None)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        message = f"chromium not found at {CHROMIUM} (make browser installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread; Django's ORM would then refuse
    # to run here (SynchronousOnlyOperation) although nothing is async. Tests and the live server are
    # ordinary threads, so allowing it is safe; it is undone when the browser stops.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class PageProblems:
    """What went wrong in the browser while a test ran: console errors, failed requests, CSP violations."""

    def __init__(self):
        self.problems = []
        self.allowed_statuses = set()

    def allow_status(self, status):
        """A test that wants e.g. a 404 or 400 page says so; any other 4xx/5xx still fails it."""
        self.allowed_statuses.add(status)

    def on_console(self, message):
        if message.type != "error":
            return
        text = message.text
        # Chromium repeats every 4xx/5xx response as a console error; on_response judges those.
        if re.match(r"Failed to load resource: the server responded with a status of (\d+)", text):
            return
        self.problems.append(f"console error on {message.page.url if message.page else '?'}: {text}")

    def on_response(self, response):
        if response.status >= 400 and response.status not in self.allowed_statuses:
            self.problems.append(f"HTTP {response.status} for {response.request.method} {response.url}")

    def on_request_failed(self, request):
        if request.failure == "net::ERR_ABORTED":
            return  # the page navigated away while this was loading (e.g. the favicon): not a server error
        self.problems.append(f"request failed: {request.method} {request.url} ({request.failure})")

    def check(self, page):
        csp = page.evaluate("window.__cspViolations || []")
        found = self.problems + [f"CSP violation on {page.url}: {v}" for v in csp]
        self.problems = []
        page.evaluate("window.__cspViolations = []")
        assert not found, "problems in the browser:\n" + "\n".join(found)


# Runs before any page script; Playwright's init scripts are not subject to the page's CSP.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  const where = `${e.sourceFile}:${e.lineNumber}`;
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${where})`);
});
"""


def new_context(browser, live_server, *, lang="nl", width=1280, height=900):
    context = browser.new_context(
        base_url=live_server.url, locale=LOCALES[lang], viewport={"width": width, "height": height}
    )
    context.add_init_script(CSP_LISTENER)
    return context


def in_language(path, lang):
    """`path` (a Dutch one) in `lang`: English pages are under /en/ (docs/i18n.md); the browser's locale decides
    nothing, it is only set so the browser behaves like a visitor's."""
    return path if lang == "nl" else f"/{lang}{path}"


def new_page(context):
    page = context.new_page()
    problems = PageProblems()
    page.on("console", problems.on_console)
    page.on("response", problems.on_response)
    page.on("requestfailed", problems.on_request_failed)
    page.problems = problems
    return page


@pytest.fixture
def context(browser, live_server):
    context = new_context(browser, live_server)
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = new_page(context)
    yield page
    if not page.is_closed():
        page.problems.check(page)


def visit(page, path, *, status=200):
    """Open `path`, check the status and that the browser saw no errors so far."""
    if status != 200:
        page.problems.allow_status(status)
    response = page.goto(path)
    assert response is not None and response.status == status, f"{path}: {response and response.status}"
    page.problems.check(page)
    return response


def axe_violations(page, label=""):
    """Run axe-core's WCAG 2.1 A/AA rules on the current page; one report line per rule and element.

    `label` names the page type (and language, width) in the report; empty when nothing was found."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                       "resultTypes": ["violations"]})
    violations = results.response["violations"]
    if not violations:
        return []
    lines = [f"axe found {len(violations)} WCAG 2.1 A/AA violation(s) on {label + ': ' if label else ''}{page.url}"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            target = " >> ".join(str(part) for part in node["target"])
            summary = [line.strip() for line in node.get("failureSummary", "").splitlines()[1:2]]
            lines.append(f"    {target}  {node['html'][:160]}  -> {' '.join(summary)}")
    return lines


def axe_check(page, label=""):
    """Fail listing rule, elements and page when axe finds WCAG 2.1 A/AA violations on the current page."""
    lines = axe_violations(page, label)
    if lines:
        pytest.fail("\n".join(lines), pytrace=False)


def log_in(context, user, live_server):
    """Give the browser context a logged-in session for `user` without going through the form."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])


@pytest.fixture(autouse=True)
def _live_server_helper(request):
    """pytest-django's helper of the same name, except for tests on the module-wide `shared_site`.

    pytest-django gives every live-server test `transactional_db`, which empties the database after each
    test. Read-only tests share one site built once per module instead (loading it takes seconds).
    """
    if "live_server" not in request.fixturenames or "shared_site" in request.fixturenames:
        yield
        return
    request.getfixturevalue("transactional_db")
    live_server = request.getfixturevalue("live_server")
    live_server._live_server_modified_settings.enable()
    yield
    live_server._live_server_modified_settings.disable()


@pytest.fixture(scope="module")
def shared_site(browser, live_server, django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo-like site of `site_data.build()` for a whole module, committed, flushed at the end.

    Tests using it must only read (form submissions that fail validation are fine).
    """
    from django.core.management import call_command
    from django.test import override_settings

    from . import site_data

    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with django_db_blocker.unblock():
        media.enable()
        live_server._live_server_modified_settings.enable()
        try:
            site = site_data.build()
            site.server = live_server
            site.browser = browser
            site.sessions = {}
            yield site
        finally:
            live_server._live_server_modified_settings.disable()
            media.disable()
            call_command("flush", verbosity=0, interactive=False)


def shared_context(site, *, role=None, lang="nl", width=1280):
    """A browser context on the shared site, logged in as `role` ("member", "expert", "curator") or not.

    Sessions are made once per role and reused (a stored logged-in state)."""
    context = new_context(site.browser, site.server, lang=lang, width=width)
    if role:
        if role not in site.sessions:
            from django.conf import settings
            from django.test import Client

            client = Client()
            client.force_login(site.users[role])
            site.sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
        from django.conf import settings

        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": site.sessions[role],
                              "url": site.server.url}])
    return context
