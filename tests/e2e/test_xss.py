"""The XSS corpus in a real browser: a casus and a forum topic holding every vector execute nothing."""

import json

import pytest

from casussen import verbs as casus_verbs
from forum import verbs
from forum.models import Category
from tests.factories import make_user
from tests.safety.xss import vectors

from .conftest import new_page

pytestmark = pytest.mark.e2e

# Inline scripts and handlers are also blocked by the CSP; any such violation means the sanitizer let one through.
SCRIPT_DIRECTIVES = ("script-src", "script-src-elem", "script-src-attr", "style-src-attr", "object-src",
                     "frame-src", "child-src", "base-uri", "form-action")


def _executes_nothing(page, path):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(path)
    page.wait_for_load_state("load")
    # Give handlers a chance: hover and focus everything, click nothing that navigates away.
    page.evaluate("""() => {
        for (const el of document.querySelectorAll('main *')) {
            for (const type of ['mouseover', 'pointerenter', 'focus', 'animationstart', 'toggle']) {
                el.dispatchEvent(new Event(type));
            }
        }
    }""")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss === 1") is False
    assert page.evaluate("parent.__xss === 1") is False
    assert dialogs == []
    violations = page.evaluate("window.__cspViolations || []")
    assert [v for v in violations if v.split(" ")[0] in SCRIPT_DIRECTIVES] == []
    # The only script in main is the breadcrumb list's structured data, which a browser never runs, and it
    # holds one JSON value (the member's text escaped inside it).
    assert page.locator("main script:not([type='application/ld+json'])").count() == 0
    for data in page.locator("main script[type='application/ld+json']").all_text_contents():
        assert json.loads(data)["@type"] == "BreadcrumbList"
    assert page.locator("main iframe, main object, main embed, main svg, main math").count() == 0


def test_a_casus_and_a_topic_full_of_xss_vectors_execute_nothing(context, live_server):
    author = make_user("xss@example.org", name="Xavier")
    body = "\n\n".join(vectors())
    casus = casus_verbs.post_casus(by=author, title='"><img src=x onerror=alert(1)>', body=body, tried=body)
    for vector in vectors()[:40]:
        casus_verbs.comment(casus=casus, by=author, body=vector)
    topic = verbs.start_topic(category=Category.objects.create(name="Alg", slug="alg"), by=author,
                              title="<svg onload=alert(1)>", body=body)
    page = new_page(context)
    _executes_nothing(page, casus.get_absolute_url())
    _executes_nothing(page, topic.get_absolute_url())
    page.close()
