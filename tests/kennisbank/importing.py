"""Checks the import tests share: what a reader of the imported site would notice first."""

import html
import re
from pathlib import Path

from django.core.files.storage import default_storage

from kennisbank.models import Article

FIXTURES = Path(__file__).parent / "fixtures"
# Source syntax that must never reach a rendered page.
RAW_SYNTAX = [":::", "!!!", "???", "===", "```", "~~~", "import Tabs", "&lt;Tabs", "&lt;TabItem", "<Tabs",
              "<TabItem", "{%", "{{", "%}", "}}", "--8&lt;--", ":material-", "&lt;details", "&lt;summary",
              "export const", "{/*", "/// "]


def raw_syntax_in(html):
    text = re.sub(r"<pre\b.*?</pre>|<code\b.*?</code>", "", html, flags=re.DOTALL)  # code may show anything
    return [marker for marker in RAW_SYNTAX if marker in text] + (
        ["import … from"] if re.search(r"\bimport\s+\w+\s+from\s+['\"]", text) else [])


def assert_no_raw_syntax(articles=None):
    for article in articles or Article.objects.all():
        assert raw_syntax_in(article.body_html) == [], (article.source_path, raw_syntax_in(article.body_html))


def internal_targets(articles=None):
    targets = set()
    for article in articles or Article.objects.all():
        for href in map(html.unescape, re.findall(r'(?:href|src)="([^"]+)"', article.body_html)):
            if not re.match(r"^[a-z]+:", href) and not href.startswith("#"):
                targets.add(href)
        if article.image:
            targets.add(article.image.url)
    return targets


def assert_every_internal_link_works(client, settings, articles=None):
    """With DEBUG off: every page link answers 200 (after redirects), every image and attachment is stored."""
    settings.DEBUG = False
    targets = internal_targets(articles)
    pages = {t for t in targets if t.startswith("/kennisbank/")}
    media = {t for t in targets if t.startswith(settings.MEDIA_URL)}
    assert targets == pages | media, targets - pages - media  # nothing left pointing at the source's paths
    for href in sorted(pages):
        path, _, anchor = href.partition("#")
        response = client.get(path, follow=True)
        assert response.status_code == 200, href
        if anchor:  # the heading the link points at is on that page
            assert f'id="{anchor}"' in response.text, href
    for href in sorted(media):
        assert default_storage.exists(href.removeprefix(settings.MEDIA_URL)), href
    return {p.split("#")[0] for p in pages}, media


def licence_paragraph(page):
    """The article's own licence and attribution (the site's footer names the site's licence)."""
    return re.search(r'<p class="licence">.*?</p>', page, re.DOTALL).group(0)
