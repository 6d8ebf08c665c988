"""One page as a reader hands it to the import, and the text helpers every reader shares."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime

import yaml
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from .files import Refused

FENCE_RE = re.compile(r"^\s*(`{3,}|~{3,})")
HEADING_RE = re.compile(r"^#\s+(.+?)\s*#*\s*$")


@dataclass
class Page:
    rel_path: str  # relative to the import folder: the article's source_path
    folder: tuple  # the section it goes into, as folder names
    is_index: bool
    title: str
    body: str
    text: str  # the file as read, for line numbers in the report
    meta: dict  # the front matter as it came in
    order: int = 0
    slug: str = ""
    date: datetime | None = None
    updated: datetime | None = None
    authors: list = field(default_factory=list)
    draft: bool = False
    unlisted: bool = False
    kind: str = ""
    language: str = ""
    summary: str = ""
    cover: str = ""
    cover_caption: str = ""
    licence: str = ""
    routes: list = field(default_factory=list)  # the site's own URL paths of this page
    redirects: list = field(default_factory=list)  # old URL paths that must still lead here
    source_url: str = ""
    notes: list = field(default_factory=list)  # (line, what): dropped or not understood, for the report
    # (line, message): refused content; the page is skipped without --skip-errors.
    refused: list = field(default_factory=list)

    def line_of(self, needle):
        """The line in the file where `needle` first appears (1-based), or None."""
        position = self.text.find(needle) if needle else -1
        return self.text.count("\n", 0, position) + 1 if position >= 0 else None


class _TolerantLoader(yaml.SafeLoader):
    """safe_load that reads MkDocs' `!!python/name:` and `!ENV` tags as plain values instead of failing."""


def _unknown_tag(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_TolerantLoader.add_multi_constructor("!", _unknown_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _unknown_tag)


def load_yaml(text):
    return yaml.load(text, Loader=_TolerantLoader)  # noqa: S506 (a SafeLoader subclass)


def split_front_matter(text):
    if not text.startswith("---"):
        return {}, text, 0
    match = re.match(r"^---[ \t]*\r?\n(.*?)\r?\n?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", text, re.DOTALL)
    if not match:
        raise Refused("front matter is not closed with ---")
    try:
        meta = load_yaml(match.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        raise Refused(f"front matter is not valid YAML ({exc.__class__.__name__}{where})") from exc
    if not isinstance(meta, dict):
        raise Refused("front matter is not a mapping")
    return meta, text[match.end():], text.count("\n", 0, match.end())


def prose_segments(text):
    """Yield (is_code, chunk) so clean-ups never touch fenced code blocks."""
    chunk, in_code, fence = [], False, ""
    for line in text.splitlines(keepends=True):
        match = FENCE_RE.match(line)
        if match and (not in_code or (match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence)
                                      and not line.strip().strip(fence[0]))):
            if not in_code:
                yield False, "".join(chunk)
                chunk, in_code, fence = [line], True, match.group(1)
            else:
                chunk.append(line)
                yield True, "".join(chunk)
                chunk, in_code = [], False
            continue
        chunk.append(line)
    yield in_code, "".join(chunk)


def map_prose(text, fn):
    return "".join(chunk if is_code else fn(chunk) for is_code, chunk in prose_segments(text))


def take_title(body):
    """The first `# ` heading outside code, and the body without it."""
    offset = 0
    for is_code, chunk in prose_segments(body):
        if not is_code:
            for line in chunk.splitlines(keepends=True):
                match = HEADING_RE.match(line)
                if match:
                    title = re.sub(r"\s*\{[:#.][^}]*\}\s*$", "", match.group(1)).strip()  # `{#id}` of attr_list
                    return title, (body[:offset] + body[offset + len(line):]).lstrip("\n")
                offset += len(line)
        else:
            offset += len(chunk)
    return "", body


def as_datetime(value):
    if isinstance(value, datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    if isinstance(value, date):
        return timezone.make_aware(datetime(value.year, value.month, value.day))
    if isinstance(value, str) and value.strip():
        text = value.strip()
        parsed = parse_datetime(text) or parse_datetime(text.replace(" ", "T", 1)[:25])
        if parsed is None:
            try:
                parsed = datetime.fromisoformat(text[:10])
            except ValueError:
                return None
        return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed)
    return None


def as_list(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list):
        return [str(item.get("name", "") if isinstance(item, dict) else item).strip() for item in value if item]
    if isinstance(value, dict):
        return [str(value.get("name") or "").strip()] if value.get("name") else []
    return [str(value)]


def as_int(value):
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


def is_true(value):
    return value is True or str(value).strip().lower() in {"true", "yes", "1"}


NUMBER_PREFIX_RE = re.compile(r"^(\d+)[-_. ]+(?=\D)")


def number_prefix(name):
    """Docusaurus reads `01-intro` as position 1 and id `intro`: (1, "intro"), or (None, name)."""
    match = NUMBER_PREFIX_RE.match(name)
    return (int(match.group(1)), name[match.end():]) if match else (None, name)


# The most frequent short words of each language: enough to tell an English page from a Dutch one.
_WORDS = {
    "nl": {"de", "het", "een", "en", "van", "is", "niet", "voor", "met", "op", "dat", "je", "zijn", "ook", "wordt",
           "bij", "als", "aan", "om", "wij", "we", "kan", "naar", "deze", "die"},
    "en": {"the", "and", "of", "to", "is", "for", "with", "on", "that", "you", "are", "be", "this", "it", "by",
           "as", "can", "from", "or", "an", "which", "should", "your", "have"},
}


def guess_language(text, default="nl"):
    words = re.findall(r"[a-zA-Z]+", text.lower())[:3000]
    counts = {lang: sum(1 for word in words if word in vocabulary) for lang, vocabulary in _WORDS.items()}
    if counts["en"] > counts["nl"] * 1.5 and counts["en"] >= 5:
        return "en"
    if counts["nl"] > counts["en"] and counts["nl"] >= 5:
        return "nl"
    return default
