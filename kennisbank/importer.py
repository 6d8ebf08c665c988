"""Import a folder of Markdown the way the community keeps it, and export articles back.

Sources understood:
- MkDocs without front matter: title from the first `# ` heading, section from the folder,
  `index.md` / `README.md` as the folder's page, MkDocs Material syntax removed;
- Docusaurus / Jekyll files with YAML front matter (title, tags, sidebar_position, description or
  teaser, image, caption, date, permalink, slug, authors, draft), `_category_.json` for a folder;
- `.mdx`: import/export lines and JSX component tags are dropped (reported), the prose is kept.

Authors and dates come from `git log` when the folder is a git checkout, else from a
`git-metadata.json` in the folder or beside it. Everything is written in one transaction; a
re-run updates changed articles (with a new revision) and leaves unchanged ones alone.
"""

import hashlib
import json
import posixpath
import re
import subprocess
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import yaml
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.text import slugify

from .models import IMAGE_EXTENSIONS, RESERVED_SLUGS, Article, Section
from .verbs import save_article

PAGE_SUFFIXES = {".md", ".markdown", ".mdx"}
INDEX_NAMES = {"index", "readme", "_index"}
DEFAULT_SECTION = ("algemeen", "Algemeen")
MEDIA_FOLDER = "kennisbank/import"

FENCE_RE = re.compile(r"^\s*(```|~~~)")
HEADING_RE = re.compile(r"^#\s+(.+?)\s*#*\s*$")
# `{ .class #id key=value }` and `{: ... }` attribute lists of MkDocs' attr_list extension.
ATTR_LIST_RE = re.compile(r"[ \t]*\{:?[ \t]*(?:[.#][\w-]+|[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s}]+))"
                          r"(?:[ \t]+(?:[.#][\w-]+|[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s}]+)))*[ \t]*\}")
ICON_RE = re.compile(r":(?:material|fontawesome|octicons|simple)-([\w-]+):")
ICON_LABELS = {"github": "GitHub", "gitlab": "GitLab", "web": "Website", "mail": "E-mail", "email": "E-mail",
               "linkedin": "LinkedIn", "mastodon": "Mastodon", "link": "Link"}
EMOJI = {"smile": "😄", "wink": "😉", "muscle": "💪", "rocket": "🚀", "tada": "🎉", "+1": "👍", "heart": "❤️",
         "warning": "⚠️", "bulb": "💡", "white_check_mark": "✅"}
EMOJI_RE = re.compile(r":([a-z0-9_+]+):")
LINK_RE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
HTML_ATTR_RE = re.compile(r"(<(?:img|a)\b[^>]*?\b(?:src|href)=)([\"'])(.*?)\2", re.IGNORECASE | re.DOTALL)
MDX_IMPORT_RE = re.compile(r"^\s*(import|export)\s.+$")
JSX_TAG_RE = re.compile(r"^\s*</?[A-Z][\w.]*(\s[^<>]*)?/?>\s*$")
JSX_INLINE_RE = re.compile(r"</?[A-Z][\w.]*(?:\s[^<>]*)?/?>")


class ImportFileError(Exception):
    """A file that cannot be imported; the message says why (shown with its path)."""


@dataclass
class Page:
    rel_path: str  # relative to the import folder: the article's source_path
    doc_path: str  # relative to the docs root: what links between pages use
    folder: tuple
    is_index: bool
    title: str
    body: str
    meta: dict
    dropped: list = field(default_factory=list)


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    sections_created: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # (path, reason)
    dropped: list = field(default_factory=list)  # (path, what)
    broken_links: list = field(default_factory=list)  # (path, target)
    dry_run: bool = False

    def lines(self):
        prefix = "[dry-run] " if self.dry_run else ""
        out = [f"{prefix}{len(self.created)} created, {len(self.updated)} updated, {len(self.unchanged)} unchanged, "
               f"{len(self.sections_created)} sections created, {len(self.errors)} unreadable"]
        out += [f"unreadable: {path}: {reason}" for path, reason in self.errors]
        out += [f"dropped from {path}: {what}" for path, what in self.dropped]
        out += [f"broken link in {path}: {target}" for path, target in self.broken_links]
        return out


# --- reading ---------------------------------------------------------------------------------------

def docs_root_of(root):
    """MkDocs keeps its pages in `docs/` (or mkdocs.yml's docs_dir); otherwise the folder itself."""
    config = root / "mkdocs.yml"
    if config.is_file():
        try:
            docs_dir = (yaml.safe_load(config.read_text("utf-8")) or {}).get("docs_dir", "docs")
        except yaml.YAMLError:
            docs_dir = "docs"
        if (root / docs_dir).is_dir():
            return root / docs_dir
    return root / "docs" if (root / "docs").is_dir() else root


def split_front_matter(text):
    if not text.startswith("---"):
        return {}, text
    match = re.match(r"^---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|$)", text, re.DOTALL)
    if not match:
        raise ImportFileError("front matter is not closed with ---")
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise ImportFileError(f"front matter is not valid YAML ({exc.__class__.__name__})") from exc
    if not isinstance(meta, dict):
        raise ImportFileError("front matter is not a mapping")
    return meta, text[match.end():]


def prose_segments(text):
    """Yield (is_code, chunk) so clean-ups never touch fenced code blocks."""
    chunk, in_code, fence = [], False, ""
    for line in text.splitlines(keepends=True):
        match = FENCE_RE.match(line)
        if match and (not in_code or match.group(1) == fence):
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


def _icon_link_label(match):
    # `[:material-github:](url)` would become an empty link: name it instead.
    label, target = match.group(2), match.group(3)
    cleaned = ICON_RE.sub("", label).strip()
    if not cleaned:
        icon = ICON_RE.search(label)
        cleaned = ICON_LABELS.get(icon.group(1).split("-")[0], icon.group(1).replace("-", " ")) if icon else ""
    return f"{match.group(1)}[{cleaned}]({target}{match.group(4) or ''})"


def clean_mkdocs(text):
    def clean(chunk):
        chunk = LINK_RE.sub(lambda m: _icon_link_label(m) if ICON_RE.search(m.group(2)) else m.group(0), chunk)
        chunk = ICON_RE.sub("", chunk)
        chunk = ATTR_LIST_RE.sub("", chunk)
        return EMOJI_RE.sub(lambda m: EMOJI.get(m.group(1), m.group(0)), chunk)

    return map_prose(text, clean)


def strip_mdx(text):
    """Drop MDX import/export lines and JSX component tags; keep the prose between them."""
    dropped = []

    def strip(chunk):
        kept = []
        for line in chunk.splitlines(keepends=True):
            if MDX_IMPORT_RE.match(line) or JSX_TAG_RE.match(line):
                dropped.append(line.strip())
                continue
            for tag in JSX_INLINE_RE.findall(line):
                dropped.append(tag)
            kept.append(JSX_INLINE_RE.sub("", line))
        return "".join(kept)

    return map_prose(text, strip), dropped


def take_title(body):
    """The first `# ` heading outside code, and the body without it."""
    offset = 0
    for is_code, chunk in prose_segments(body):
        if not is_code:
            for line in chunk.splitlines(keepends=True):
                match = HEADING_RE.match(line)
                if match:
                    start = offset
                    return match.group(1).strip(), (body[:start] + body[start + len(line):]).lstrip("\n")
                offset += len(line)
        else:
            offset += len(chunk)
    return "", body


def read_page(path, *, root, docs_root):
    try:
        text = path.read_text("utf-8")
    except UnicodeDecodeError as exc:
        raise ImportFileError(f"not UTF-8 text (byte {exc.start})") from exc
    except OSError as exc:
        raise ImportFileError(exc.strerror or str(exc)) from exc
    text = text.lstrip("\ufeff")
    meta, body = split_front_matter(text)
    dropped = []
    if path.suffix == ".mdx":
        body, dropped = strip_mdx(body)
    body = clean_mkdocs(body)
    heading, rest = take_title(body)
    title = str(meta.get("title") or "").strip()
    if not title or heading == title:
        body = rest
    title = title or heading or path.stem.replace("-", " ").replace("_", " ").capitalize()
    doc_rel = path.relative_to(docs_root)
    return Page(
        rel_path=path.relative_to(root).as_posix(), doc_path=doc_rel.as_posix(), folder=doc_rel.parent.parts,
        is_index=path.stem.lower() in INDEX_NAMES, title=title[:300], body=body.strip() + "\n", meta=meta,
        dropped=dropped,
    )


# --- authors and dates from git ---------------------------------------------------------------------

def git_history(root, paths):
    """{source_path: {"authors", "created", "updated", "last_commit"}} from git or git-metadata.json."""
    if _is_git_checkout(root):
        return {path: info for path in paths if (info := _git_log(root, path))}
    for folder in (root, root.parent):
        metadata = folder / "git-metadata.json"
        if metadata.is_file():
            files = json.loads(metadata.read_text("utf-8")).get("files", {})
            out = {}
            for path in paths:
                key = Path(posixpath.relpath((root / path).resolve(), folder.resolve())).as_posix()
                if key in files:
                    out[path] = files[key]
            return out
    return {}


def _is_git_checkout(root):
    try:
        result = subprocess.run(["git", "-C", str(root), "rev-parse", "--is-inside-work-tree"],
                                capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0 and result.stdout.strip() == "true"


def _git_log(root, path):
    result = subprocess.run(
        ["git", "-C", str(root), "log", "--follow", "--format=%h%x1f%an%x1f%aI", "--", path],
        capture_output=True, text=True, timeout=30, check=False,
    )
    rows = [line.split("\x1f") for line in result.stdout.splitlines() if line.count("\x1f") == 2]
    if not rows:
        return None
    authors = list(dict.fromkeys(name for _sha, name, _when in reversed(rows)))  # order of first commit
    return {"authors": authors, "created": rows[-1][2], "updated": rows[0][2], "last_commit": rows[0][0],
            "commits": len(rows)}


# --- links and images -------------------------------------------------------------------------------

def _is_external(target):
    return not target or target.startswith(("#", "/", "mailto:", "tel:", "data:")) or "://" in target


def _store_image(source, *, dry_run):
    data = source.read_bytes()
    name = f"{MEDIA_FOLDER}/{hashlib.sha256(data).hexdigest()[:12]}-{slugify(source.stem)}{source.suffix.lower()}"
    if not dry_run and not default_storage.exists(name):
        with source.open("rb") as fh:
            name = default_storage.save(name, File(fh))
    return name


class Linker:
    """Rewrites relative links of one import: pages to article URLs, folders to sections, images to media."""

    def __init__(self, *, docs_root, page_urls, folder_urls, report, dry_run):
        self.docs_root, self.page_urls, self.folder_urls = docs_root, page_urls, folder_urls
        self.report, self.dry_run = report, dry_run

    def resolve_image(self, page, target):
        folder = posixpath.dirname(page.doc_path)
        stem = posixpath.splitext(posixpath.basename(page.doc_path))[0]
        # Relative to the file, or to the page's URL (MkDocs' directory URLs put each page one level deeper).
        for base in (folder, posixpath.join(folder, stem)):
            candidate = posixpath.normpath(posixpath.join(base, target))
            if not candidate.startswith("..") and (self.docs_root / candidate).is_file():
                return self.docs_root / candidate
        return None

    def rewrite(self, page, target):
        if _is_external(target):
            return target
        path, _, fragment = target.partition("#")
        fragment = f"#{fragment}" if fragment else ""
        folder = posixpath.dirname(page.doc_path)
        resolved = posixpath.normpath(posixpath.join(folder, path)) if path else page.doc_path
        extension = posixpath.splitext(path)[1].lower().lstrip(".")
        if extension in IMAGE_EXTENSIONS or extension == "svg":
            image = self.resolve_image(page, path)
            if image is None:
                self.report.broken_links.append((page.rel_path, target))
                return target
            return default_storage.url(_store_image(image, dry_run=self.dry_run))
        if resolved in self.page_urls:
            return self.page_urls[resolved] + fragment
        for candidate in (resolved + ".md", resolved.rstrip("/") + "/index.md", resolved.rstrip("/") + "/README.md"):
            if candidate in self.page_urls:
                return self.page_urls[candidate] + fragment
        key = "" if resolved == "." else resolved.rstrip("/")
        if key in self.folder_urls:
            return self.folder_urls[key] + fragment
        self.report.broken_links.append((page.rel_path, target))
        return target

    def apply(self, page):
        def markdown_link(match):
            bang, label, target, title = match.groups()
            return f"{bang}[{label}]({self.rewrite(page, target)}{title or ''})"

        def html_attr(match):
            return f"{match.group(1)}{match.group(2)}{self.rewrite(page, match.group(3))}{match.group(2)}"

        return map_prose(page.body, lambda chunk: HTML_ATTR_RE.sub(html_attr, LINK_RE.sub(markdown_link, chunk)))


# --- mapping front matter and folders to fields --------------------------------------------------------

def _as_list(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list):
        return [str(item.get("name", "") if isinstance(item, dict) else item).strip() for item in value if item]
    return [str(value)]


def _as_datetime(value):
    if isinstance(value, datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    if isinstance(value, date):
        return timezone.make_aware(datetime(value.year, value.month, value.day))
    if isinstance(value, str) and value.strip():
        parsed = parse_datetime(value.strip())
        if parsed is None:
            try:
                parsed = datetime.fromisoformat(value.strip()[:10])
            except ValueError:
                return None
        return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed)
    return None


def _kind_of(page):
    wanted = str(page.meta.get("kind") or page.meta.get("type") or "").strip().lower()
    for kind in Article.Kind:
        if wanted in {kind.value, str(kind.label).lower()}:
            return kind.value
    haystack = "/".join((*page.folder, page.doc_path.rsplit("/", 1)[-1])).lower()
    for words, kind in (
        (("stappenplan", "checklist", "how-to", "handleiding"), Article.Kind.STEP_BY_STEP),
        (("lessons", "lessen", "geleerde"), Article.Kind.LESSONS_LEARNED),
        (("nieuws", "news", "blog", "_posts", "signaal"), Article.Kind.NEWS),
        (("best-practice", "best_practice", "bestpractice"), Article.Kind.BEST_PRACTICE),
    ):
        if any(word in haystack for word in words):
            return kind.value
    return Article.Kind.BACKGROUND.value


def _order_of(page):
    for key in ("sidebar_position", "order", "nav_order", "weight"):
        try:
            return int(page.meta[key])
        except (KeyError, TypeError, ValueError):
            continue
    return 0


def _wanted_slug(page, section):
    value = page.meta.get("slug") or page.meta.get("permalink") or ""
    value = slugify(str(value).strip("/").rsplit("/", 1)[-1]) if value else ""
    if value:
        return value
    return section.slug if page.is_index else slugify(Path(page.doc_path).stem.replace("_", "-")) or "artikel"


def _fingerprint(values, tags):
    data = json.dumps({**values, "tags": sorted(tags)}, sort_keys=True, default=str)
    return hashlib.sha256(data.encode()).hexdigest()


def _category(docs_root, folder):
    path = docs_root.joinpath(*folder, "_category_.json")
    if path.is_file():
        try:
            data = json.loads(path.read_text("utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}
    return {}


# --- the import -----------------------------------------------------------------------------------------

def import_markdown(directory, *, section=None, dry_run=False, by=None):
    """Import every Markdown page under `directory`; returns an ImportReport."""
    root = Path(directory).resolve()
    if not root.is_dir():
        raise ImportFileError(f"{directory}: not a folder")
    docs_root = docs_root_of(root)
    report = ImportReport(dry_run=dry_run)
    pages = []
    for path in sorted(p for p in docs_root.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES):
        rel = path.relative_to(docs_root)
        if any(part.startswith(".") or part == "node_modules" for part in rel.parts):
            continue
        try:
            pages.append(read_page(path, root=root, docs_root=docs_root))
        except ImportFileError as exc:
            report.errors.append((path.relative_to(root).as_posix(), str(exc)))
    history = git_history(root, [page.rel_path for page in pages])

    with transaction.atomic():
        sections = _ensure_sections(pages, docs_root=docs_root, base_slug=section, report=report)
        existing = {a.source_path: a for a in Article.objects.filter(source_path__in=[_key(p) for p in pages])}
        slugs = _assign_slugs(pages, sections, existing)
        page_urls, folder_urls = {}, {}
        for folder, sec in sections.items():
            folder_urls["/".join(folder)] = sec.get_absolute_url()
        for page in pages:
            sec = sections[page.folder]
            url = sec.get_absolute_url() if page.is_index else f"{sec.get_absolute_url()}{slugs[page.rel_path]}/"
            page_urls[page.doc_path] = url
        linker = Linker(docs_root=docs_root, page_urls=page_urls, folder_urls=folder_urls, report=report,
                        dry_run=dry_run)
        for page in pages:
            _save_page(page, sections[page.folder], slugs[page.rel_path], linker.apply(page),
                       history.get(page.rel_path, {}), existing.get(_key(page)), report=report, by=by,
                       docs_root=docs_root, dry_run=dry_run)
            if page.dropped:
                report.dropped.append((page.rel_path, "; ".join(page.dropped)))
        if dry_run:
            transaction.set_rollback(True)
    return report


def _key(page):
    return str(page.meta.get("source_path") or page.rel_path)


def _ensure_sections(pages, *, docs_root, base_slug, report):
    """One Section per folder that holds pages; the root folder maps to `base_slug` (or "algemeen")."""
    index_titles = {page.folder: page.title for page in pages if page.is_index}
    folders = sorted({page.folder[:i] for page in pages for i in range(len(page.folder) + 1)})
    sections = {}
    for folder in folders:
        category = _category(docs_root, folder)
        if not folder:
            if base_slug is None and not any(page.folder == () for page in pages):
                continue  # nothing at the root: the folders become top-level sections
            slug = slugify(base_slug or DEFAULT_SECTION[0])
            title = category.get("label") or (DEFAULT_SECTION[1] if base_slug is None else index_titles.get(()))
            parent = None
        else:
            slug = slugify(folder[-1].replace("_", "-"))
            parent = sections.get(folder[:-1]) if (len(folder) > 1 or base_slug is not None) else None
            title = category.get("label") or index_titles.get(folder) or folder[-1].replace("-", " ").capitalize()
        if parent is None and slug in RESERVED_SLUGS:
            slug = f"{slug}-sectie"
        sec = Section.objects.filter(parent=parent, slug=slug).first()
        if sec is None:
            sec = Section(parent=parent, slug=slug, title=title or slug.replace("-", " ").capitalize(),
                          order=int(category.get("position") or 0))
            sec.save()
            report.sections_created.append(sec.path)
        elif title and (sec.title != title):
            sec.title = title
            sec.save(update_fields=["title"])
        sections[folder] = sec
    return sections


def _assign_slugs(pages, sections, existing):
    taken = dict(Article.objects.values_list("slug", "source_path"))
    slugs = {}
    for page in pages:
        key = _key(page)
        if key in existing:
            slugs[page.rel_path] = existing[key].slug
            taken[existing[key].slug] = key
    for page in pages:
        if page.rel_path in slugs:
            continue
        section = sections[page.folder]
        base = _wanted_slug(page, section)
        key = _key(page)
        candidates = [base, f"{section.slug}-{base}"] + [f"{section.slug}-{base}-{n}" for n in range(2, 1000)]
        slug = next(c for c in candidates if taken.get(c, key) == key)  # free, or already this page's
        slugs[page.rel_path] = slug
        taken[slug] = key
    return slugs


def _save_page(page, section, slug, body, history, article, *, report, by, docs_root, dry_run):
    meta = page.meta
    authors = _as_list(meta.get("authors") or meta.get("author")) or list(history.get("authors", []))
    tags = _as_list(meta.get("tags") or meta.get("keywords"))
    draft = meta.get("draft") is True or str(meta.get("status", "")).lower() in {"draft", "concept"}
    image, image_source = str(meta.get("image") or ""), ""
    if image and not _is_external(image):
        source = docs_root / posixpath.normpath(posixpath.join(posixpath.dirname(page.doc_path), image))
        image = _store_image(source, dry_run=dry_run) if source.is_file() else ""
    elif image:
        image, image_source = "", image
    values = {
        "title": page.title, "slug": slug, "kind": _kind_of(page), "section_id": section.pk, "order": _order_of(page),
        "summary": str(meta.get("description") or meta.get("teaser") or meta.get("summary") or "").strip()[:1000],
        "body": body, "author_names": ", ".join(authors)[:500],
        "status": Article.Status.DRAFT if draft else Article.Status.PUBLISHED,
        "published_at": _as_datetime(meta.get("date")) or _as_datetime(history.get("created")),
        "image": image, "image_caption": str(meta.get("caption") or meta.get("image_caption") or "")[:500],
        "image_source": image_source[:500],
        "source_path": _key(page), "source_commit": str(meta.get("source_commit") or history.get("last_commit") or ""),
        "licence": str(meta.get("licence") or meta.get("license") or "CC BY 4.0")[:100],
    }
    fingerprint = _fingerprint(values, tags)
    if article is not None and article.source_hash == fingerprint:
        report.unchanged.append(page.rel_path)
        _link_index(section, article, page)
        return
    created = article is None
    article = article or Article()
    for name, value in values.items():
        setattr(article, name, value)
    article.source_hash = fingerprint
    updated = _as_datetime(meta.get("last_update") or meta.get("updated")) or _as_datetime(history.get("updated"))
    where = f"{page.rel_path}@{values['source_commit']}" if values["source_commit"] else page.rel_path
    save_article(article, by=by, message=f"Geïmporteerd uit {where}", updated_at=updated)
    article.tags.set(tags)
    _link_index(section, article, page)
    (report.created if created else report.updated).append(page.rel_path)


def _link_index(section, article, page):
    if page.is_index and section.index_article_id != article.pk:
        section.index_article = article
        section.save(update_fields=["index_article"])


# --- export -----------------------------------------------------------------------------------------------

def export_markdown(directory, *, articles=None):
    """Write every article as Markdown with front matter under `directory/<section path>/`; returns the count."""
    root = Path(directory)
    articles = articles if articles is not None else (
        Article.objects.select_related("section").prefetch_related("tags", "authors__profile").order_by("pk")
    )
    count = 0
    for section in Section.objects.all():
        folder = root / section.path
        folder.mkdir(parents=True, exist_ok=True)
        category = {"label": section.title, "position": section.order}
        (folder / "_category_.json").write_text(json.dumps(category, ensure_ascii=False, indent=1) + "\n", "utf-8")
    for article in articles:
        is_index = article.section.index_article_id == article.pk
        path = root / article.section.path / ("index.md" if is_index else f"{article.slug}.md")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(to_markdown(article, image_folder=root / "assets"), "utf-8")
        count += 1
    return count


def to_markdown(article, *, image_folder=None):
    names = article.author_name_list + [
        user.profile.name for user in article.authors.all() if getattr(user, "profile", None)
    ]
    meta = {
        "title": article.title, "slug": article.slug, "kind": article.kind, "sidebar_position": article.order,
        "description": article.summary or None, "tags": sorted(tag.name for tag in article.tags.all()) or None,
        "authors": list(dict.fromkeys(names)) or None,
        "date": article.published_at.isoformat() if article.published_at else None,
        "draft": True if article.status == Article.Status.DRAFT else None,
        "caption": article.image_caption or None, "licence": article.licence,
        "source_path": article.source_path or None, "source_commit": article.source_commit or None,
    }
    if article.image and image_folder is not None:
        image_folder.mkdir(parents=True, exist_ok=True)
        target = image_folder / Path(article.image.name).name
        with article.image.open("rb") as fh:
            target.write_bytes(fh.read())
        depth = len(article.section.path.split("/"))
        meta["image"] = "../" * depth + f"assets/{target.name}"
    elif article.image_source:
        meta["image"] = article.image_source
    meta = {key: value for key, value in meta.items() if value is not None}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{front}---\n\n{article.body.rstrip()}\n"
