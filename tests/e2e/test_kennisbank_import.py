"""Imported pages in a real browser: Mermaid drawn by the vendored script under the site's CSP (no inline
script or style), readable as code without JavaScript, tab panels and details usable without it, WCAG AA."""

from pathlib import Path

import pytest

from kennisbank.importer import import_markdown
from kennisbank.models import Article, Section
from kennisbank.verbs import store_article

from .conftest import axe_check, new_page, visit

pytestmark = pytest.mark.e2e
FIXTURES = Path(__file__).parent.parent / "kennisbank" / "fixtures"
BODY = """Inleiding.

!!! warning "Let op"
    Kies eerst een licentie.

=== "Linux"
    Met `apt`.

=== "Windows"
    Met `winget`.

??? note "Meer lezen"
    Verborgen tekst.

```mermaid
graph TD
  Idee --> Repository
  Repository --> Publicatie
```
"""


@pytest.fixture
def diagram_article(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    section = Section(slug="gidsen", title="Gidsen")
    section.save()
    article = Article(section=section, slug="met-diagram", title="Met een diagram", body=BODY,
                      status=Article.Status.PUBLISHED)
    store_article(article, by=None)
    return article


def test_a_mermaid_diagram_is_drawn_under_the_csp_and_the_page_passes_axe(page, diagram_article):
    response = page.goto(diagram_article.get_absolute_url())
    assert response.status == 200
    # The site's own CSP, unchanged for the diagram: nothing inline, for scripts or styles.
    assert "unsafe-inline" not in response.headers["content-security-policy"]
    page.wait_for_selector("figure.diagram svg", timeout=20_000)
    # Not one securitypolicyviolation event (tests/e2e/conftest.py listens from the first byte) nor console error
    # while Mermaid drew; static/js/diagrams.js moves its inline styles into the CSSOM.
    assert page.evaluate("window.__cspViolations") == []
    assert not [p for p in page.problems.problems if "Content Security Policy" in p]
    assert page.locator("figure.diagram [style]").count() > 0  # its styles arrived, through the CSSOM
    figure = page.locator("figure.diagram")
    assert figure.locator("svg[role=img][aria-label=Diagram]").count() == 1
    assert "Repository" in figure.locator("svg").text_content()
    # The code stays available, folded under the drawing.
    assert figure.locator("details > summary").text_content() == "Broncode van het diagram"
    assert page.locator("details.tab-panel[open] > summary").all_text_contents() == ["Linux", "Windows"]
    # Drawn with the theme's styles: the boxes are filled, not black (the <style> reached the page).
    fill = page.evaluate("getComputedStyle(document.querySelector('figure.diagram svg .node rect')).fill")
    assert fill not in {"rgb(0, 0, 0)", ""}, fill
    page.problems.check(page)
    axe_check(page, "imported article with diagram")


def test_without_javascript_the_diagram_is_readable_code_and_the_blocks_work(browser, live_server, diagram_article):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="nl-NL")
    page = new_page(context)
    try:
        visit(page, diagram_article.get_absolute_url())
        assert page.locator("pre.mermaid").text_content().startswith("graph TD\n  Idee --> Repository")
        assert page.locator("figure.diagram").count() == 0
        hidden = page.locator("details.note")
        assert not hidden.get_attribute("open") and not page.get_by_text("Verborgen tekst.").is_visible()
        hidden.locator("summary").click()
        assert page.get_by_text("Verborgen tekst.").is_visible()
        assert page.locator("details.tab-panel[open]").count() == 2  # every tab readable at once
    finally:
        context.close()


def test_a_page_without_a_diagram_does_not_load_the_script(page, diagram_article):
    other = Article(section=diagram_article.section, slug="zonder", title="Zonder diagram", body="Tekst.",
                    status=Article.Status.PUBLISHED)
    store_article(other, by=None)
    scripts = []
    page.on("request", lambda request: scripts.append(request.url) if request.url.endswith(".js") else None)
    visit(page, other.get_absolute_url())
    assert not [url for url in scripts if "mermaid" in url or "diagrams" in url]


def test_an_imported_docusaurus_page_passes_axe(page, transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    import_markdown(FIXTURES / "docusaurus-site")
    article = Article.objects.select_related("section").get(source_path="docs/tutorial-basics/01-create-a-page.mdx")
    assert page.goto(article.get_absolute_url()).status == 200
    page.wait_for_selector("figure.diagram svg", timeout=20_000)
    page.problems.check(page)
    axe_check(page, "imported Docusaurus page")
