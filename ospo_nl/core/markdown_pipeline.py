"""The one Markdown pipeline: Markdown -> HTML -> sanitized with bleach.

Every part stores the sanitized HTML next to its Markdown source when saving, so pages never
render Markdown per request and never output unsanitized user text. Posts and imported pages go
through the same extensions and the same sanitizer; the importer only maps each site's syntax onto
what this pipeline reads (pymdown-extensions' admonitions, details, tabs, fences with attributes).
"""

import re
import threading
import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

import bleach
import markdown
from bleach.html5lib_shim import Filter
from django.conf import settings
from django.utils.html import escape
from markdown.extensions import Extension
from markdown.extensions.toc import slugify
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from pymdownx.emoji import to_alt
from pymdownx.superfences import fence_code_format

ALLOWED_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "a", "em", "strong", "del", "s", "code",
    "pre", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th",
    "td", "img", "sup", "sub", "div", "span", "abbr", "kbd",
    # Collapsible blocks (`???`, `/// details`, <details>) and tab panels, which open without script.
    "details", "summary",
    # ==marked== and ^^inserted^^ text.
    "mark", "ins",
    # Task lists: only disabled checkboxes survive (CheckboxFilter below).
    "input",
}
ALLOWED_ATTRIBUTES = {
    "a": ["href", "title", "id", "class", "rel"],
    "img": ["src", "alt", "title"],
    "abbr": ["title"],
    "h1": ["id"], "h2": ["id"], "h3": ["id"], "h4": ["id"], "h5": ["id"], "h6": ["id"],
    "li": ["id", "class"],
    "ul": ["class"],
    "sup": ["id"],
    "div": ["class"],
    "p": ["class"],
    "span": ["class"],
    "pre": ["class"],
    "th": ["align"], "td": ["align", "class"],
    "code": ["class"],
    "details": ["class", "open"],
    "input": ["type", "checked", "disabled"],
}
ALLOWED_PROTOCOLS = {"http", "https", "mailto"}
EXTERNAL_REL = "nofollow ugc noopener"

# Admonition kinds of Python-Markdown, MkDocs Material and Docusaurus (which the importer maps onto these).
ADMONITION_TYPES = [
    "note", "abstract", "info", "tip", "success", "question", "warning", "failure", "danger", "bug",
    "example", "quote", "caution", "important", "attention", "error", "hint",
]

EXTENSIONS = [
    # Python-Markdown's "extra" without its fenced_code (superfences reads fences, also nested ones).
    "abbr", "attr_list", "def_list", "footnotes", "md_in_html", "tables",
    "sane_lists", "toc", "admonition",
    "pymdownx.highlight", "pymdownx.superfences", "pymdownx.details", "pymdownx.tabbed",
    "pymdownx.blocks.admonition", "pymdownx.blocks.details", "pymdownx.blocks.tab",
    "pymdownx.tasklist", "pymdownx.mark", "pymdownx.caret", "pymdownx.tilde", "pymdownx.keys",
    "pymdownx.emoji",
]
# The ids the page templates give their own elements (every body is shown inside such a page): a body element with
# one of them would be a duplicate id (invalid HTML), and a link to it would jump to the page's element instead.
# tests/seo/test_valid_markup.py keeps this in step with the templates.
PAGE_IDS = frozenset({
    "aanvragen", "agenda-heading", "answer-form-heading", "answers-heading", "application-status", "beoordelen",
    "casus-geprobeerd", "casus-lessen", "casus-organisation", "casus-phase", "casus-sort", "casus-status", "casus-tag",
    "casus-uitkomst", "casus-vraag", "casussen-heading", "conflict-heading", "error-summary", "experts",
    "experts-heading", "facets-heading", "filters-heading", "initiatives-heading", "inventaris", "main", "meldingen",
    "my-proposals", "niet-opgepakt", "oidc-sign-in-heading", "onderwerp", "organisations-heading", "preview-heading",
    "reacties", "reactietijd", "reageer", "recent-heading", "registration-heading", "related-heading", "report-heading",
    "results-heading", "search-help", "search-q", "similar-heading", "site-name", "site-search-q", "toc-heading",
    "wachtend",
})
# The numbered ids of page templates (`antwoord-{{ answer.pk }}`) and Django's form field ids (`id_title`).
_PAGE_ID_FAMILIES = re.compile(
    r"(antwoord-\d+(-kop)?|reactie-op-\d+(-fout)?|(reactie|home|related|section|naar|van|restore|note)-\d+"
    r"|decision-\d+(-approve|-decline)?|reden-\d+(-hulp|-error)?|follow-group-\d+|melding-[\w-]+-\d+"
    r"|verschil-[\w-]+|id_\w+)"
)


def is_page_id(value):
    """Whether `value` is (or may be) the id of an element of a page template around a body."""
    return value in PAGE_IDS or bool(_PAGE_ID_FAMILIES.fullmatch(value))


def heading_id(value, separator):
    """A heading's id as Python-Markdown makes it, moved off the page's own ids ("Main" -> "main_1")."""
    slug = slugify(value, separator)
    return f"{slug}_1" if is_page_id(slug) else slug


EXTENSION_CONFIGS = {
    "toc": {"toc_depth": "2-4", "slugify": heading_id},
    "footnotes": {"BACKLINK_TITLE": "Terug naar voetnoot %d in de tekst"},
    # Pygments writes classes, never inline styles (the CSP forbids those); no guessing of languages.
    "pymdownx.highlight": {"use_pygments": True, "guess_lang": False, "noclasses": False},
    "pymdownx.superfences": {
        # A Mermaid diagram stays a code block (readable without script); static/js/diagrams.js draws it.
        "custom_fences": [{"name": "mermaid", "class": "mermaid", "format": fence_code_format}],
    },
    "pymdownx.tabbed": {"alternate_style": True},
    "pymdownx.blocks.tab": {"alternate_style": True},
    "pymdownx.blocks.admonition": {"types": ADMONITION_TYPES},
    # `/// details-warning | Title`: a collapsed block of a kind (the plain names are the admonitions').
    "pymdownx.blocks.details": {"types": [{"name": f"details-{kind}", "class": kind} for kind in ADMONITION_TYPES]},
    "pymdownx.caret": {"superscript": False},
    "pymdownx.tilde": {"subscript": False},
    # The emoji itself as text, never an image from a CDN.
    "pymdownx.emoji": {"emoji_generator": to_alt},
}

MAX_SOURCE_LENGTH = 100_000

_LIST_ITEM_RE = re.compile(r"^( *)([-*+]|\d{1,9}[.)])( +|$)")
_FENCE_RE = re.compile(r"^( *)(`{3,}|~{3,})")


class ListIndentPreprocessor(Preprocessor):
    """Nested lists as CommonMark reads them: an item belongs to the item above when it is indented to that
    item's text (2 spaces under "- ", 3 under "1. "), not only at Python-Markdown's 4 spaces.

    Lines of a list are re-indented to multiples of 4 for the parser. Lists that start indented by 4 or more
    (inside an admonition or a tab) are left alone, as is everything in a fenced block outside a list.
    """

    def run(self, lines):
        out, stack, fence, fence_shift, previous_blank, after_fence = [], [], None, None, True, False
        for line in lines:
            if after_fence and _LIST_ITEM_RE.match(line.expandtabs(4)):
                out.append("")
            after_fence = False
            expanded = line.expandtabs(4)
            if fence is not None:
                out.append(self._shift(expanded, fence_shift) if fence_shift else line)
                stripped = expanded.strip()
                if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                    # Python-Markdown would read an item right after a fence in a list as part of the fence's
                    # paragraph: keep them apart.
                    after_fence, fence = fence_shift is not None, None
                continue
            if not expanded.strip():
                out.append(line)
                previous_blank = True
                continue
            indent = len(expanded) - len(expanded.lstrip(" "))
            item = _LIST_ITEM_RE.match(expanded)
            fence_match = _FENCE_RE.match(expanded)
            if item and (stack or indent < 4):
                while stack and indent < stack[-1][1]:
                    stack.pop()
                depth = len(stack)
                marker_width = len(item.group(2)) + max(len(item.group(3)), 1)
                stack.append((indent, indent + marker_width, depth))
                out.append(" " * (4 * depth) + expanded.lstrip(" "))
                previous_blank = False
                continue
            if stack and (indent >= stack[0][1] or not previous_blank):
                # Part of an item: text under it, or a lazy continuation right after its line.
                while stack and indent < stack[-1][1] and previous_blank:
                    stack.pop()
                if stack and indent >= stack[-1][1]:
                    owner = stack[-1]
                    shift = (owner[1], 4 * (owner[2] + 1))
                    out.append(self._shift(expanded, shift))
                    if fence_match:
                        fence, fence_shift = fence_match.group(2), shift
                else:
                    out.append(line)
                previous_blank = False
                continue
            stack = []
            if fence_match:
                fence, fence_shift = fence_match.group(2), None
            out.append(line)
            previous_blank = False
        return out

    @staticmethod
    def _shift(line, shift):
        old, new = shift
        indent = len(line) - len(line.lstrip(" "))
        return " " * (new + max(indent - old, 0)) + line.lstrip(" ")


class PageHeadingsTreeprocessor(Treeprocessor):
    """The page has its own h1 (the title): a body with an h1 moves every heading one level down."""

    def run(self, root):
        headings = [el for el in root.iter() if el.tag in {"h1", "h2", "h3", "h4", "h5"}]
        if any(el.tag == "h1" for el in headings):
            for el in headings:
                el.tag = f"h{int(el.tag[1]) + 1}"


class TabPanelsTreeprocessor(Treeprocessor):
    """Tabs (`===`, `/// tab`) become a row of open, headed panels: every variant readable without script or
    form controls. Radio inputs and labels of pymdown's tab markup would need CSS tricks and an allowlist."""

    def run(self, root):
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag == "div" and "tabbed-set" in (child.get("class") or "").split():
                    parent.remove(child)
                    parent.insert(index, self._panels(child))

    @staticmethod
    def _panels(tabbed):
        labels = [label for label in tabbed.iter("label")]
        blocks = [block for block in tabbed.iter("div") if "tabbed-block" in (block.get("class") or "").split()]
        panels = etree.Element("div", {"class": "tab-panels"})
        for label, block in zip(labels, blocks, strict=False):
            panel = etree.SubElement(panels, "details", {"class": "tab-panel", "open": "open"})
            summary = etree.SubElement(panel, "summary")
            summary.text = label.text
            for grandchild in list(label):
                summary.append(grandchild)
            summary.tail = "\n"
            for grandchild in list(block):
                panel.append(grandchild)
            panel.tail = "\n"
        return panels


class PipelineExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's name)
        md.preprocessors.register(ListIndentPreprocessor(md), "list_indent", 40)
        # After the inline patterns (20), before the table of contents (5) reads the headings.
        md.treeprocessors.register(PageHeadingsTreeprocessor(md), "page_headings", 8)
        md.treeprocessors.register(TabPanelsTreeprocessor(md), "tab_panels", 7)


class CheckboxFilter(Filter):
    """A task list's checkbox and nothing else: every other input (a text box, a button, a checkbox outside a
    task item) is dropped, and the checkbox is always disabled. The item's text becomes the checkbox's label,
    so a screen reader announces "klaar, checkbox, checked" instead of an unnamed control."""

    BLOCKS = {"ul", "ol", "p", "div", "pre", "blockquote", "table", "li"}

    def __iter__(self):
        in_label, previous = False, None
        for token in super().__iter__():
            kind, name = token["type"], token.get("name")
            if name == "input" and kind in {"StartTag", "EmptyTag"}:
                data = dict(token.get("data") or {})
                task_item = (previous is not None and previous.get("name") == "li" and previous["type"] == "StartTag"
                             and "task-list-item" in dict(previous.get("data") or {}).get((None, "class"), ""))
                if data.get((None, "type")) != "checkbox" or not task_item or in_label:
                    continue
                kept = {(None, "type"): "checkbox", (None, "disabled"): "disabled"}
                if (None, "checked") in data:
                    kept[(None, "checked")] = "checked"
                token = {**token, "type": "EmptyTag", "data": kept}
                yield {"type": "StartTag", "name": "label", "namespace": token.get("namespace"), "data": {}}
                in_label = True
            elif in_label and ((kind == "StartTag" and name in self.BLOCKS) or (kind == "EndTag" and name == "li")):
                yield {"type": "EndTag", "name": "label", "namespace": token.get("namespace")}
                in_label = False
            previous = token
            yield token


class BodyHeadingsFilter(Filter):
    """Body headings start at h2, also in raw HTML (an imported page's own <h1>), which the Markdown tree never
    shows PageHeadingsTreeprocessor: a body with an h1 left moves every heading one level down."""

    LEVELS = {"h1", "h2", "h3", "h4", "h5"}

    def __iter__(self):
        tokens = list(super().__iter__())
        if not any(token.get("name") == "h1" and token["type"] == "StartTag" for token in tokens):
            yield from tokens
            return
        for token in tokens:
            if token["type"] in {"StartTag", "EndTag"} and token.get("name") in self.LEVELS:
                token = {**token, "name": f"h{int(token['name'][1]) + 1}"}
            yield token


class PageIdsFilter(Filter):
    """Raw HTML in a body keeps its ids (an imported page's anchors) unless the page has an element with that id:
    that one is dropped. Markdown headings never get such an id (heading_id)."""

    def __iter__(self):
        for token in super().__iter__():
            data = token.get("data")
            if token["type"] in {"StartTag", "EmptyTag"} and data and is_page_id(data.get((None, "id"), "")):
                token = {**token, "data": {key: value for key, value in data.items() if key != (None, "id")}}
            yield token


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
        CheckboxFilter,
        BodyHeadingsFilter,
        PageIdsFilter,
        # Not in code, nor in a code block's title ("voorbeeld.py" is a file name, not a site in Paraguay).
        lambda source: bleach.linkifier.LinkifyFilter(source, callbacks=[_set_rel], skip_tags={"pre", "code", "span"}),
    ],
)


_converters = threading.local()


def _converter():
    """This thread's Markdown instance. Building one costs ~45 ms (pymdownx.emoji copies its whole index), more
    than converting a long answer, so each thread keeps one and resets it before every document, as
    Python-Markdown supports: `reset()` clears what a document leaves (footnotes, abbreviations, the toc)."""
    md = getattr(_converters, "md", None)
    if md is None:
        md = _converters.md = markdown.Markdown(
            extensions=[*EXTENSIONS, PipelineExtension()], extension_configs=EXTENSION_CONFIGS, output_format="html",
        )
    return md.reset()


def render_markdown_with_toc(text):
    """Return (sanitized_html, toc_tokens) for Markdown `text`."""
    if not text:
        return "", []
    md = _converter()
    html = md.convert(text)
    return sanitize_html(html), md.toc_tokens


def render_markdown(text):
    """Markdown to sanitized HTML, safe to store and output with |safe."""
    return render_markdown_with_toc(text)[0]


# bleach strips a disallowed tag but keeps its content as text: a <style> or <script> block would show its
# code on the page. Dropping them first only removes; everything left is still sanitized by bleach.
_CODE_ELEMENTS = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def sanitize_html(html):
    return _cleaner.clean(_CODE_ELEMENTS.sub("", html))


_TABLE_TAGS = re.compile(r"<table>|</table>")


def with_table_regions(html, label):
    """Sanitized `html` (this pipeline's output) with every table in a focusable scroll region, so a wide table
    scrolls inside itself on a phone and a keyboard can scroll it (WCAG 1.4.10, axe scrollable-region-focusable).

    Done when a page is rendered, not stored: the label is in the page's language, the stored HTML stays what the
    sanitizer made, and bodies stored before this came benefit too. `label(number)` names the n-th region. Only
    safe on sanitized HTML: there "<table>" can only be a tag (bleach escapes "<" in text and attribute values,
    and allows no attributes on a table)."""
    number = 0

    def wrap(match):
        nonlocal number
        if match.group() == "</table>":
            return "</table></div>"
        number += 1
        return f'<div class="table-scroll" tabindex="0" role="region" aria-label="{escape(label(number))}"><table>'

    return _TABLE_TAGS.sub(wrap, html)


# In sanitized HTML every "<" that is not a tag is escaped and every attribute value is double-quoted without a
# raw quote inside, so these find exactly the start tags and their id and href attributes.
_START_TAG = re.compile(r'<[a-z][a-z0-9]*(?:[^<>"]|"[^"]*")*>')
_ID_OR_HREF = re.compile(r'(\s(id|href)=")([^"]*)"')


def with_scoped_ids(html, prefix):
    """Sanitized `html` with every id prefixed by `prefix` ("answer-12-"), and its links to them: a page that shows
    several bodies (the answers of a casus, the replies of a topic) then has no duplicate ids (two answers with a
    heading "Aanpak" or a footnote [^1] would both have id="aanpak", id="fn:1"), and each footnote still jumps to its
    own note. Only safe on this pipeline's output, like with_table_regions."""
    ids = set()

    def attribute(match):
        start, name, value = match.groups()
        if name == "id":
            ids.add(value)
            return f'{start}{prefix}{value}"'
        return match.group()

    def link(match):
        start, name, value = match.groups()
        if name == "href" and value.startswith("#") and value[1:] in ids:
            return f'{start}#{prefix}{value[1:]}"'
        return match.group()

    html = _START_TAG.sub(lambda tag: _ID_OR_HREF.sub(attribute, tag.group()), html)
    return _START_TAG.sub(lambda tag: _ID_OR_HREF.sub(link, tag.group()), html) if ids else html


def render_fields(obj, *names):
    """Store `<name>_html` next to each Markdown field `<name>` of `obj` (call from save())."""
    for name in names:
        setattr(obj, f"{name}_html", render_markdown(getattr(obj, name)))
