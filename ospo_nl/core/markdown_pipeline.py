"""The one Markdown pipeline: Markdown -> HTML -> sanitized with bleach.

Every part stores the sanitized HTML next to its Markdown source when saving, so pages never
render Markdown per request and never output unsanitized user text.
"""

from urllib.parse import urlsplit

import bleach
import markdown
from django.conf import settings

ALLOWED_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "a", "em", "strong", "del", "s", "code",
    "pre", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th",
    "td", "img", "sup", "sub", "div", "span", "abbr", "kbd",
}
ALLOWED_ATTRIBUTES = {
    "a": ["href", "title", "id", "class", "rel"],
    "img": ["src", "alt", "title"],
    "abbr": ["title"],
    "h1": ["id"], "h2": ["id"], "h3": ["id"], "h4": ["id"], "h5": ["id"], "h6": ["id"],
    "li": ["id"],
    "sup": ["id"],
    "div": ["class"],
    "th": ["align"], "td": ["align"],
    "code": ["class"],
}
ALLOWED_PROTOCOLS = {"http", "https", "mailto"}
EXTERNAL_REL = "nofollow ugc noopener"

EXTENSIONS = ["extra", "sane_lists", "toc"]  # extra = tables, footnotes, fenced code, abbr, def lists
EXTENSION_CONFIGS = {"toc": {"toc_depth": "2-4"}}

MAX_SOURCE_LENGTH = 100_000


def _is_external(href):
    parts = urlsplit(href or "")
    if not parts.scheme and not parts.netloc:
        return False
    site_host = urlsplit(settings.SITE_URL).netloc
    return parts.netloc != site_host


def _set_rel(attrs, new=False):
    href = attrs.get((None, "href"), "")
    if _is_external(href):
        attrs[(None, "rel")] = EXTERNAL_REL
    else:
        attrs.pop((None, "rel"), None)
    return attrs


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[
        lambda source: bleach.linkifier.LinkifyFilter(source, callbacks=[_set_rel], skip_tags={"pre", "code"})
    ],
)


def render_markdown_with_toc(text):
    """Return (sanitized_html, toc_tokens) for Markdown `text`."""
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS, output_format="html")
    html = md.convert(text or "")
    return sanitize_html(html), md.toc_tokens


def render_markdown(text):
    """Markdown to sanitized HTML, safe to store and output with |safe."""
    return render_markdown_with_toc(text)[0]


def sanitize_html(html):
    return _cleaner.clean(html)


def render_fields(obj, *names):
    """Store `<name>_html` next to each Markdown field `<name>` of `obj` (call from save())."""
    for name in names:
        setattr(obj, f"{name}_html", render_markdown(getattr(obj, name)))
