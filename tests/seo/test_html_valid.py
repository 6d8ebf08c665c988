"""Every page type is valid HTML: the Nu HTML Checker (vnu.jar) finds 0 errors on each, in Dutch and English, as
visitor, member and curator, and on forms shown with their errors after an invalid POST.

Fast by design: no browser. One demo-like site is built once for this module (tests/e2e/site_data.py, the same
site as the axe test's, rolled back at the end), every page is fetched with Django's test client and written to a
temporary folder, and ONE `java -jar vnu.jar --format json --errors-only <files>` checks them all (the JVM takes a
second to start). Each page is then its own test, so a failure names the page, the checker's message and the
markup it points at.

The checker is the npm package vnu-jar, which `make test` installs into .venv/vnu (scripts/ensure_vnu.sh) and
points at with VNU_JAR. Outside make the test finds it there too, and skips only when VNU_JAR is unset and the
jar is missing (docs/quality.md).
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.test import Client, override_settings

from tests.e2e import site_data

# The pages are fetched in the module fixture and rolled back there; the django_db mark makes pytest-django set up the
# test database (it only does so for a session with marked tests).
pytestmark = [pytest.mark.django_db, pytest.mark.slow]

DEFAULT_JAR = Path(settings.BASE_DIR) / ".venv/vnu/node_modules/vnu-jar/build/dist/vnu.jar"
VISITOR, MEMBER, CURATOR = None, "member", "curator"
ALL = (VISITOR, MEMBER, CURATOR)
SIGNED_IN = (MEMBER, CURATOR)
LANGS = ("nl", "en")

# name: (roles, path or a key of site_data's paths, expected status, POST data or None)
# A POST shows the form again with its errors (status 200 or 400, and an error summary).
PAGES = {
    "home": (ALL, "/", 200, None),
    # Casussen
    "casussen-list": (ALL, "/casussen/", 200, None),
    "casussen-unanswered": (ALL, "/casussen/onbeantwoord/", 200, None),
    "casussen-tag": (ALL, "casus_tag", 200, None),
    "casussen-mine": (SIGNED_IN, "/casussen/mijn/", 200, None),
    "casussen-followed": (SIGNED_IN, "/casussen/gevolgd/", 200, None),
    "casus-detail": (ALL, "casus", 200, None),
    "casus-detail-open": (ALL, "open_casus", 200, None),
    "casus-detail-expert": (("expert",), "open_casus", 200, None),
    "casus-ask": (SIGNED_IN, "/casussen/vragen/", 200, None),
    "casus-ask-title": (SIGNED_IN, "/casussen/vragen/?titel=Welke+licentie+voor+onze+app", 200, None),
    "casus-ask-errors": (SIGNED_IN, "/casussen/vragen/", 200, {"title": "Welke licentie voor onze app"}),
    "casus-edit": ((MEMBER,), "casus_edit", 200, None),
    "answer-errors": (("expert", CURATOR), "open_casus_answer", 200, {"body": ""}),
    "casus-history": (ALL, "casus_history", 200, None),
    "casussen-organisation": (ALL, "casus_organisation", 200, None),
    "answer-edit": (("expert",), "answer_edit", 200, None),
    "expert-ranking": ((CURATOR,), "/casussen/experts/?tags=licenties", 200, None),
    # Forum
    "forum-home": (ALL, "/forum/", 200, None),
    "forum-category": (ALL, "category", 200, None),
    "forum-topic": (ALL, "topic", 200, None),
    "topic-create": (SIGNED_IN, "topic_create", 200, None),
    "topic-errors": (SIGNED_IN, "topic_create", 200, {"title": ""}),
    "reply-errors": (SIGNED_IN, "topic_reply", 200, {"body": ""}),
    "topic-edit": ((CURATOR,), "topic_edit", 200, None),
    "reply-edit": (("expert",), "reply_edit", 200, None),
    # Kennisbank
    "kennisbank-home": (ALL, "/kennisbank/", 200, None),
    "kennisbank-section": (ALL, "section", 200, None),
    "kennisbank-kind": (ALL, "kind", 200, None),
    "kennisbank-tag": (ALL, "kennisbank_tag", 200, None),
    "kennisbank-recent": (ALL, "/kennisbank/recent/", 200, None),
    "article": (ALL, "article", 200, None),
    "article-wide": (ALL, "wide_article", 200, None),
    "article-rich": (ALL, "rich_article", 200, None),
    "article-create": ((CURATOR,), "/kennisbank/artikel/nieuw/", 200, None),
    "article-errors": ((CURATOR,), "/kennisbank/artikel/nieuw/", 200, {"title": ""}),
    "article-edit": ((CURATOR,), "article_edit", 200, None),
    "article-edit-wide": ((CURATOR,), "wide_article_edit", 200, None),
    "article-history": ((CURATOR,), "article_history", 200, None),
    "article-diff": ((CURATOR,), "article_diff", 200, None),
    # Directory
    "organisations": (ALL, "/organisaties/", 200, None),
    "organisation": (ALL, "organisation", 200, None),
    "initiatives": (ALL, "/initiatieven/", 200, None),
    "initiative": (ALL, "initiative", 200, None),
    "experts": (ALL, "/experts/", 200, None),
    "expert": (ALL, "expert", 200, None),
    "propose-organisation": (SIGNED_IN, "/organisaties/voorstellen/", 200, None),
    "propose-organisation-errors": (SIGNED_IN, "/organisaties/voorstellen/", 200, {"name": ""}),
    "proposal-queue": ((CURATOR,), "/curatoren/organisaties/", 200, None),
    # Network: meetings and signals
    "events": (ALL, "/bijeenkomsten/", 200, None),
    "events-past": (ALL, "/bijeenkomsten/archief/", 200, None),
    "event": (ALL, "event", 200, None),
    "event-past": (ALL, "past_event", 200, None),
    "event-create": ((CURATOR,), "/bijeenkomsten/nieuw/", 200, None),
    "event-errors": ((CURATOR,), "/bijeenkomsten/nieuw/", 200, {"title": ""}),
    "event-edit": ((CURATOR,), "event_edit", 200, None),
    "event-attendees": ((CURATOR,), "event_attendees", 200, None),
    "event-report": ((CURATOR,), "event_report", 200, None),
    "signals": (ALL, "/signalen/", 200, None),
    "signal": (ALL, "signal", 200, None),
    "signal-create": (("expert", CURATOR), "/signalen/delen/", 200, None),
    "signal-errors": (("expert", CURATOR), "/signalen/delen/", 200, {"title": ""}),
    # Search
    "search-results": (ALL, "/zoeken/?q=licentie", 200, None),
    "search-no-results": (ALL, "/zoeken/?q=zzxqvw", 200, None),
    # Notifications, following, moderation
    "notifications": (SIGNED_IN, "/meldingen/", 200, None),
    "notification-settings": (SIGNED_IN, "/meldingen/instellingen/", 200, None),
    "following": (SIGNED_IN, "/volgend/", 200, None),
    "report-form": (SIGNED_IN, "report_profile", 200, None),
    "moderation-queue": ((CURATOR,), "/moderatie/", 200, None),
    "moderation-hidden": ((CURATOR,), "/moderatie/verborgen/", 200, None),
    "moderation-log": ((CURATOR,), "/moderatie/logboek/", 200, None),
    "curator-overview": ((CURATOR,), "/curatoren/overzicht/", 200, None),
    "expert-apply": ((MEMBER,), "/account/expert-worden/", 200, None),
    "expert-apply-errors": ((MEMBER,), "/account/expert-worden/", 200, {"motivation": ""}),
    "application-queue": ((CURATOR,), "/curatoren/aanvragen/", 200, None),
    # Account
    "login": ((VISITOR,), "/account/login/", 200, None),
    "login-errors": ((VISITOR,), "/account/login/", 200, {"login": "", "password": ""}),
    "signup": ((VISITOR,), "/account/signup/", 200, None),
    "signup-errors": ((VISITOR,), "/account/signup/", 200, {"email": "geen-adres"}),
    "password-reset": ((VISITOR,), "/account/password/reset/", 200, None),
    "password-reset-done": ((VISITOR,), "/account/password/reset/done/", 200, None),
    "logout": (SIGNED_IN, "/account/logout/", 200, None),
    "password-reset-errors": ((VISITOR,), "/account/password/reset/", 200, {"email": "geen-adres"}),
    "profile": (SIGNED_IN, "/account/profiel/", 200, None),
    "profile-errors": ((MEMBER,), "/account/profiel/", 200, {"display_name": "x" * 101}),
    "email": (SIGNED_IN, "/account/email/", 200, None),
    "mfa": (SIGNED_IN, "/account/2fa/", 200, None),
    "account-delete": ((MEMBER,), "/account/verwijderen/", 200, None),
    # Static pages and errors
    "accessibility-statement": (ALL, "/toegankelijkheid/", 200, None),
    "privacy": (ALL, "/privacy/", 200, None),
    "colophon": (ALL, "/over-ons/", 200, None),
    "403": ((MEMBER,), "article_edit", 403, None),
    "404": (ALL, "/bestaat-niet/", 404, None),
}
CASES = [(name, lang, role) for name, (roles, *_rest) in PAGES.items() for lang in LANGS for role in roles]


SELF_CHECK = "self-check-duplicate-id"


def case_id(name, lang, role):
    return f"{name}-{lang}-{role or 'visitor'}"


def vnu_jar():
    """The checker's jar: VNU_JAR (make test sets it, so CI never skips), else where scripts/ensure_vnu.sh puts it."""
    configured = os.environ.get("VNU_JAR")
    if configured:
        if not Path(configured).is_file():
            pytest.fail(f"VNU_JAR={configured} is not a file (scripts/ensure_vnu.sh installs the checker)")
        return configured
    if DEFAULT_JAR.is_file():
        return str(DEFAULT_JAR)
    pytest.skip(f"the Nu HTML Checker is not installed ({DEFAULT_JAR}): run `bash scripts/ensure_vnu.sh`")


def fetch(client, name, path, status, data):
    if data is not None:
        cache.clear()  # the rate limits count every invalid POST too
    response = client.post(path, data) if data is not None else client.get(path)
    expected = {200, 400} if data is not None else {status}
    assert response.status_code in expected, f"{name}: {path} answered {response.status_code}, expected {expected}"
    html = response.content.decode()
    if data is not None:
        assert 'id="error-summary"' in html, f"{name}: POST {path} did not show the form with its errors"
    return html


@pytest.fixture(scope="module")
def vnu_errors(django_db_setup, django_db_blocker, tmp_path_factory):
    """{case id: [error lines]} for every case of CASES, from one run of the checker."""
    jar = vnu_jar()
    java = shutil.which("java")
    if not java:
        pytest.fail("java not found (scripts/ensure_vnu.sh installs default-jre-headless)")
    folder = tmp_path_factory.mktemp("html")
    media = tmp_path_factory.mktemp("media")
    files = {}
    with django_db_blocker.unblock(), transaction.atomic(), override_settings(MEDIA_ROOT=str(media)):
        site = site_data.build()
        paths = site.paths
        clients = {VISITOR: Client()}
        for role, user in site.users.items():
            clients[role] = Client()
            clients[role].force_login(user)
        for name, lang, role in CASES:
            _roles, where, status, data = PAGES[name]
            path = paths.get(where, where)
            path = path if lang == "nl" else f"/{lang}{path}"
            html = fetch(clients[role], name, path, status, data)
            file = folder / f"{case_id(name, lang, role)}.html"
            file.write_text(html, encoding="utf-8")
            files[str(file)] = case_id(name, lang, role)
        transaction.set_rollback(True)
    # A page the checker must reject: proof that it ran and that its report is read.
    invalid = folder / f"{SELF_CHECK}.html"
    invalid.write_text('<!DOCTYPE html><html lang="nl"><head><title>x</title></head><body><p id="a"></p><p id="a">'
                       "</p></body></html>", encoding="utf-8")
    files[str(invalid)] = SELF_CHECK
    result = subprocess.run([java, "-jar", jar, "--format", "json", "--errors-only", *files], capture_output=True,
                            encoding="utf-8", errors="replace", timeout=600)  # the report is UTF-8 in any locale
    try:
        messages = json.loads(result.stderr)["messages"]  # the checker writes its report to stderr
    except ValueError:
        pytest.fail(f"the Nu HTML Checker gave no report (exit {result.returncode}): {result.stderr[-2000:]}")
    errors = {case: [] for case in files.values()}
    for message in messages:
        case = files.get(message.get("url", "").removeprefix("file:"))
        line = f"{message.get('type')}: {message.get('message')}"
        if "lastLine" in message:
            line += f" (line {message['lastLine']})"
        line += f"\n    {message.get('extract', '').strip()}"
        errors.setdefault(case or message.get("url", "?"), []).append(line)
    return errors


@pytest.mark.parametrize(("name", "lang", "role"), CASES, ids=[case_id(*case) for case in CASES])
def test_page_is_valid_html(vnu_errors, name, lang, role):
    errors = vnu_errors[case_id(name, lang, role)]
    assert not errors, f"the Nu HTML Checker found {len(errors)} error(s) on {case_id(name, lang, role)}:\n" + \
        "\n".join(errors)


def test_the_checker_ran_on_every_page_and_rejects_an_invalid_one(vnu_errors):
    # Messages about a file the test did not write would mean the checker read something else.
    assert set(vnu_errors) == {case_id(*case) for case in CASES} | {SELF_CHECK}
    assert [error.splitlines()[0] for error in vnu_errors[SELF_CHECK]] == ["error: Duplicate ID “a”. (line 1)"]
