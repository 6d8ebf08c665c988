"""The XSS corpus and a checker for stored HTML: shared by the pipeline, form and browser tests."""

import re
from html.parser import HTMLParser
from pathlib import Path

from ospo_nl.core.markdown_pipeline import ALLOWED_ATTRIBUTES, ALLOWED_PROTOCOLS, ALLOWED_TAGS

CORPUS = Path(__file__).with_name("xss_vectors.txt")
_CONTROL = re.compile(r"[\x00-\x20]+")


def vectors():
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [line.replace("\\n", "\n") for line in lines if line.strip() and not line.startswith("# ")]


def scheme(url):
    """The scheme a browser would see in an attribute value (the parser has decoded its entities once):
    whitespace and control characters removed."""
    cleaned = _CONTROL.sub("", url or "").lower()
    match = re.match(r"^([a-z][a-z0-9+.\-]*):", cleaned)
    return match.group(1) if match else ""


class _Checker(HTMLParser):
    def __init__(self, *, allowed_tags, page):
        super().__init__(convert_charrefs=True)
        self.allowed_tags, self.page, self.problems = allowed_tags, page, []

    def handle_starttag(self, tag, attrs):
        if self.allowed_tags is not None and tag not in self.allowed_tags:
            self.problems.append(f"tag <{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name}= on <{tag}>")
            if name in ("style", "srcdoc", "formaction", "background", "xlink:href"):
                self.problems.append(f"attribute {name}= on <{tag}>")
            if not self.page and name not in ALLOWED_ATTRIBUTES.get(tag, ()):
                self.problems.append(f"attribute {name}= on <{tag}> not in the allowlist")
            if name in ("href", "src", "action", "data") and scheme(value) not in ({"", *ALLOWED_PROTOCOLS}):
                self.problems.append(f"{name}={value!r} on <{tag}>")


def problems_in(stored_html, *, page=False):
    """What would be dangerous in `stored_html` (a fragment, or with page=True a whole page of ours)."""
    checker = _Checker(allowed_tags=None if page else ALLOWED_TAGS, page=page)
    checker.feed(stored_html)
    checker.close()
    found = checker.problems
    if not page and re.search(r"<\s*script", stored_html, re.I):
        found.append("<script")
    return found
