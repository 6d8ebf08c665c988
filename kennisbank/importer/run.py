"""The import: read the folder with its site's reader, check everything, then write it all in one transaction.

A folder imports all or nothing: anything refused (a link out of the folder, a script URL, an SVG, a file over
the limit, binary content, broken front matter) stops the whole import, unless `skip_errors`, which imports
the rest without what was refused. Articles belong to an ImportSource and are matched by source and path.
A re-import respects the site: an article edited on the site whose source changed too becomes a conflict for a
curator; a file that disappeared unpublishes its article; a renamed file (same content, same slug or id)
updates its article.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from ..licences import licence_name
from ..models import RESERVED_SLUGS, Article, ArticleRedirect, ImportConflict, ImportSource, Section
from ..verbs import content_fingerprint, store_article
from . import history as git
from .files import ImportTooLarge, Limits, Refused, SourceTree
from .links import Linker
from .pages import as_datetime
from .sites import detect

DEFAULT_SECTION = ("algemeen", "Algemeen")


class ImportFileError(Exception):
    """The import cannot start (no such folder); the message says why."""


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    renamed: list = field(default_factory=list)  # (old path, new path)
    unpublished: list = field(default_factory=list)  # source file gone
    conflicts: list = field(default_factory=list)  # edited on the site and changed in the source
    sections_created: list = field(default_factory=list)
    refused: list = field(default_factory=list)  # (path, line, reason)
    notes: list = field(default_factory=list)  # (path, line, what): left out or not understood
    broken_links: list = field(default_factory=list)  # (path, line, target)
    dry_run: bool = False
    skip_errors: bool = False
    source: str = ""

    @property
    def imported(self):
        return not self.refused or self.skip_errors

    # Kept for callers that read the old report's name.
    @property
    def errors(self):
        return [(path, reason) for path, _line, reason in self.refused]

    def refuse(self, path, line, reason):
        if (path, line, reason) not in self.refused:
            self.refused.append((path, line, reason))

    def broken_link(self, page, target):
        self.broken_links.append((page.rel_path, page.line_of(target), target))

    def lines(self):
        prefix = "[dry-run] " if self.dry_run else ""
        if self.refused and not self.skip_errors:
            head = [f"{prefix}nothing imported: {len(self.refused)} refused "
                    "(fix them, or import the rest with --skip-errors)"]
        else:
            head = [f"{prefix}{len(self.created)} created, {len(self.updated)} updated, "
                    f"{len(self.unchanged)} unchanged, {len(self.renamed)} renamed, "
                    f"{len(self.unpublished)} unpublished, {len(self.conflicts)} conflicts, "
                    f"{len(self.sections_created)} sections created, {len(self.refused)} refused"]
        where = lambda path, line: f"{path}:{line}" if line else path  # noqa: E731
        out = head + [f"refused: {where(path, line)}: {reason}" for path, line, reason in self.refused]
        out += [f"conflict: {path}: changed in the source and on the site; kept until a curator chooses"
                for path in self.conflicts]
        out += [f"unpublished: {path}: the source file is gone" for path in self.unpublished]
        out += [f"renamed: {old} -> {new}" for old, new in self.renamed]
        out += [f"broken link: {where(path, line)}: {target}" for path, line, target in self.broken_links]
        out += [f"note: {where(path, line)}: {what}" for path, line, what in self.notes]
        return out


def import_markdown(directory, *, source=None, section=None, licence=None, attribution=None, language=None,
                    skip_errors=False, dry_run=False, exclude=(), limits=None, by=None):
    """Import every page of the site in `directory`; returns an ImportReport (nothing written if refused)."""
    root = Path(directory)
    if not root.is_dir():
        raise ImportFileError(f"{directory}: not a folder")
    tree = SourceTree(root, limits=limits or Limits(), exclude=exclude)
    report = ImportReport(dry_run=dry_run, skip_errors=skip_errors)
    try:
        site = detect(tree)
        for path, reason in tree.refused:
            report.refuse(path, None, reason)
        pages = []
        for rel in site.page_files():
            try:
                pages.append(site.read(rel))
            except ImportTooLarge:
                raise
            except Refused as exc:
                report.refuse(rel, None, str(exc))
        for folder, why in site.left_out():
            report.notes.append((folder, None, why))
        if language:
            for page in pages:
                page.language = language
        site.finish(pages)
        meta = git.metadata(tree)
        histories = git.history(tree, [page.rel_path for page in pages], meta)
    except ImportTooLarge as exc:
        report.refuse("", None, str(exc))
        report.skip_errors = False
        return report
    refused_paths = {path for path, _line, _reason in report.refused}
    try:
        with transaction.atomic():
            _import(tree, site, pages, histories, meta, report=report, source=source, section=section,
                    licence=licence, attribution=attribution, refused_paths=refused_paths, by=by)
            if dry_run or (report.refused and not skip_errors):
                transaction.set_rollback(True)
    except IntegrityError as exc:  # a clash the checks above did not foresee: a message, not a traceback
        report.refuse("", None, f"the database refused the import ({exc.__class__.__name__}: "
                                f"{str(exc).splitlines()[0]}); nothing imported")
        report.skip_errors = False
    return report


def _import(tree, site, pages, histories, meta, *, report, source, section, licence, attribution, refused_paths,
            by):
    src, created = _source(tree, site, meta, pages, name=source, licence=licence, attribution=attribution)
    report.source = src.name
    try:
        sections = _ensure_sections(pages, site, src, base_slug=section, report=report)
    except Refused as exc:
        report.refuse("", None, str(exc))
        report.skip_errors = False
        return
    existing = {a.source_path: a for a in Article.objects.filter(source=src).select_related("section")}
    if created:  # articles imported before sources existed were keyed by path alone: adopt them
        for article in Article.objects.filter(source__isnull=True, source_path__in=[p.rel_path for p in pages]):
            article.source = src
            existing[article.source_path] = article
    matched = _match_renames(pages, existing, refused_paths, report)
    slugs = _assign_slugs(pages, sections, matched)
    page_urls, folder_urls = {}, {}
    for folder, sec in sections.items():
        folder_urls[site.dir_of_folder(folder)] = sec.get_absolute_url()
    for page in pages:
        sec = sections[page.folder]
        own = matched.get(page.rel_path)
        is_index = page.is_index and (sec.source_id == src.pk or sec.index_article_id in (None, own and own.pk))
        page_urls[page.rel_path] = (sec.get_absolute_url() if is_index
                                    else f"{sec.get_absolute_url()}{slugs[page.rel_path]}/")
    linker = Linker(tree=tree, site=site, pages=pages, page_urls=page_urls, folder_urls=folder_urls, report=report,
                    original=lambda rel: _original_file(rel, src, meta))
    for page in pages:
        linker.apply(page)
        for line, reason in page.refused:
            report.refuse(page.rel_path, line, reason)
        for what, detail in page.notes:
            report.notes.append((page.rel_path, None, f"{what}: {detail}"))
    if report.refused and not report.skip_errors:
        return
    if not report.dry_run:
        for name, data in linker.files_to_store.items():
            if not default_storage.exists(name):
                default_storage.save(name, ContentFile(data))
    default_licence = src.licence
    for page in pages:
        article = matched.get(page.rel_path)
        _save_page(page, sections[page.folder], slugs[page.rel_path], histories.get(page.rel_path, {}), article,
                   src=src, site=site, meta=meta, linker=linker, default_licence=default_licence, report=report, by=by)
    seen = {page.rel_path for page in pages} | refused_paths
    for path, article in existing.items():
        if path not in seen and article.pk not in {a.pk for a in matched.values()}:
            _unpublish(article, report=report, by=by)
    src.last_imported_at = timezone.now()
    src.save()


def _source(tree, site, meta, pages, *, name, licence, attribution):
    root = str(tree.root)
    src = ImportSource.objects.filter(name=name).first() if name else ImportSource.objects.filter(root=root).first()
    created = src is None
    if created:
        base = slugify(name or tree.root.name) or "bron"
        candidate, number = base, 2
        while ImportSource.objects.filter(name=candidate).exists():
            candidate, number = f"{base}-{number}", number + 1
        src = ImportSource(name=candidate)
    src.root, src.kind = root, site.kind
    if licence:
        src.licence = licence_name(licence)
    elif not src.licence:
        src.licence = licence_name(git.folder_licence(tree, meta))
    repo = git.repository_url(tree, meta)
    src.url = src.url or repo
    src.site_url = src.site_url or (site.site_url if site.site_url.startswith(("https://", "http://")) else "")
    if attribution:
        src.attribution = attribution[:300]
    elif not src.attribution:
        owner = repo.rstrip("/").split("/")[-2] if repo.count("/") >= 4 else ""
        holder = git.copyright_holder(tree, ["REUSE.toml", *git.LICENCE_FILES, "_config.yml", "mkdocs.yml",
                                             *[page.rel_path for page in pages[:5]]])
        src.attribution = str(meta.get("attribution") or holder or site.attribution or site.title or owner)[:300]
    src.save()
    return src, created


def _ensure_sections(pages, site, src, *, base_slug, report):
    """One Section per folder that holds pages; a site with a title nests under one section of its own."""
    index_titles = {page.folder: page.title for page in pages if page.is_index}
    root_slug = base_slug or (slugify(site.title)[:100] if site.title else None)
    folders = sorted({page.folder[:i] for page in pages for i in range(len(page.folder) + 1)})
    sections = {}
    for folder in folders:
        if not folder:
            if root_slug is None and not any(page.folder == () for page in pages):
                continue  # nothing at the root: the folders become top-level sections
            slug = slugify(root_slug or DEFAULT_SECTION[0])
            title = (site.folder_titles.get(()) or site.title or (index_titles.get(()) if base_slug else None)
                     or DEFAULT_SECTION[1])
            parent, order = None, 0
        else:
            slug = slugify(folder[-1].replace("_", "-")) or "sectie"
            parent = sections.get(folder[:-1]) if (len(folder) > 1 or root_slug is not None) else None
            title = (site.folder_titles.get(folder) or index_titles.get(folder)
                     or folder[-1].replace("-", " ").replace("_", " ").capitalize())
            order = site.folder_orders.get(folder, 0)
        if parent is None and slug in RESERVED_SLUGS:
            slug = f"{slug}-sectie"
        sec = Section.objects.filter(parent=parent, slug=slug).select_related("source").first()
        if sec is not None and sec.source_id not in (None, src.pk):
            raise Refused(
                f"section '{sec.path}' belongs to import source '{sec.source.name}'; import this folder under "
                f"another section with --section, or as that source with --source {sec.source.name}")
        if sec is None:
            if parent is not None and Article.objects.filter(section=parent, slug=slug).exists():
                slug = f"{slug}-sectie"
            sec = Section(parent=parent, slug=slug, title=title[:200], order=order, source=src)
            sec.save()
            report.sections_created.append(sec.path)
        elif sec.source_id == src.pk and (sec.title, sec.order) != (title[:200], order):
            sec.title, sec.order = title[:200], order
            sec.save(update_fields=["title", "order"])
        sections[folder] = sec
    return sections


def _file_hash(page):
    return hashlib.sha256(page.text.encode()).hexdigest()


def _match_renames(pages, existing, refused_paths, report):
    """{page path: article}: by path, else a vanished file with the same content, `slug` or `id`."""
    matched = {page.rel_path: existing[page.rel_path] for page in pages if page.rel_path in existing}
    current = {page.rel_path for page in pages} | refused_paths
    gone = [article for path, article in existing.items() if path not in current]
    for page in pages:
        if page.rel_path in matched or not gone:
            continue
        wanted = {key: str(page.meta[key]) for key in ("slug", "id") if page.meta.get(key)}
        for article in gone:
            same_key = any(str(article.front_matter.get(key) or "") == value for key, value in wanted.items())
            if article.source_file_hash == _file_hash(page) or same_key:
                matched[page.rel_path] = article
                gone.remove(article)
                report.renamed.append((article.source_path, page.rel_path))
                break
    return matched


def _assign_slugs(pages, sections, matched):
    taken = {slug: pk for slug, pk in Article.objects.values_list("slug", "pk")}
    children = {}
    for sec in sections.values():
        children.setdefault(sec.pk, set(Section.objects.filter(parent=sec).values_list("slug", flat=True)))
    slugs = {}
    for page in pages:
        article = matched.get(page.rel_path)
        if article is not None:
            slugs[page.rel_path] = article.slug
    for page in pages:
        if page.rel_path in slugs:
            continue
        section = sections[page.folder]
        base = (section.slug if page.is_index else page.slug) or "artikel"
        candidates = [base, f"{section.slug}-{base}"] + [f"{section.slug}-{base}-{n}" for n in range(2, 1000)]
        slug = next(c[:200] for c in candidates if c not in taken and c not in children[section.pk])
        slugs[page.rel_path] = slug
        taken[slug] = None
    return slugs


def _kind_of(page):
    wanted = page.kind.strip().lower()
    for kind in Article.Kind:
        if wanted in {kind.value, str(kind.label).lower()}:
            return kind.value
    haystack = page.rel_path.lower()
    for words, kind in (
        (("stappenplan", "checklist", "how-to", "handleiding"), Article.Kind.STEP_BY_STEP),
        (("lessons", "lessen", "geleerde"), Article.Kind.LESSONS_LEARNED),
        (("nieuws", "news", "blog/", "_posts", "signaal"), Article.Kind.NEWS),
        (("best-practice", "best_practice", "bestpractice"), Article.Kind.BEST_PRACTICE),
    ):
        if any(word in haystack for word in words):
            return kind.value
    return Article.Kind.BACKGROUND.value


def json_safe(value):
    """Front matter as JSON (dates as ISO text), so it can be kept on the article and written back."""
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_safe(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _fingerprint(values, tags):
    data = json.dumps({**values, "tags": sorted(tags)}, sort_keys=True, default=str)
    return hashlib.sha256(data.encode()).hexdigest()


def _source_url(page, src, site, commit):
    if src.site_url and page.routes:
        return src.site_url.rstrip("/") + (site.routes_of(page)[0] if site.routes_of(page) else "")
    if src.url.startswith("https://github.com/") or src.url.startswith("https://gitlab.com/"):
        return f"{src.url}/blob/{commit or 'HEAD'}/{page.rel_path}"
    return ""


def _original_file(rel, src, meta):
    if src.site_url:
        return f"{src.site_url.rstrip('/')}/{rel}"
    if src.url.startswith(("https://github.com/", "https://gitlab.com/")):
        return f"{src.url}/blob/{meta.get('commit') or 'HEAD'}/{rel}"
    return ""


def _save_page(page, section, slug, info, article, *, src, site, meta, linker, default_licence, report, by):
    tags = [tag for tag in (page.meta.get("tags") or page.meta.get("keywords") or []) if isinstance(tag, str)] \
        if isinstance(page.meta.get("tags") or page.meta.get("keywords"), list) else [
            part.strip() for part in str(page.meta.get("tags") or page.meta.get("keywords") or "").split(",")
            if part.strip()]
    authors = page.authors or [str(name) for name in info.get("authors", [])]
    image, image_source = "", ""
    if page.cover in linker.media_names:
        image = linker.media_names[page.cover]
    elif page.cover.startswith(("https://", "http://")):
        image_source = page.cover
    commit = str(page.meta.get("source_commit") or info.get("last_commit") or meta.get("commit") or "")
    licence = licence_name(git.page_licence(page) or default_licence)
    values = {
        "title": page.title, "slug": slug, "kind": _kind_of(page), "section_id": section.pk, "order": page.order,
        "summary": page.summary, "body": page.body, "author_names": ", ".join(authors)[:500],
        "status": Article.Status.DRAFT if page.draft else Article.Status.PUBLISHED, "listed": not page.unlisted,
        "published_at": page.date or as_datetime(info.get("created")),
        "image": image, "image_caption": page.cover_caption, "image_source": image_source[:500],
        "source_path": page.rel_path, "source_commit": commit[:64], "licence": licence,
        "language": page.language or "nl", "source_url": _source_url(page, src, site, commit)[:1000],
        "source_meta": [[str(key), json_safe(value)] for key, value in page.meta.items()],
    }
    fingerprint = _fingerprint({k: v for k, v in values.items() if k != "source_path"}, tags)
    if article is not None:
        renamed = article.source_path != page.rel_path
        open_conflict = article.import_conflicts.filter(resolved_at__isnull=True).first()
        if article.source_hash == fingerprint and not renamed:
            if open_conflict:
                report.conflicts.append(page.rel_path)
            else:
                report.unchanged.append(page.rel_path)
            _link_index(section, article, page, src, report)
            return
        edited_on_site = bool(article.import_hash) and content_fingerprint(article) != article.import_hash
        if edited_on_site or open_conflict:
            incoming = {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in values.items()}
            if open_conflict:
                open_conflict.incoming, open_conflict.incoming_tags = incoming, tags
                open_conflict.source_hash = fingerprint
                open_conflict.save(update_fields=["incoming", "incoming_tags", "source_hash"])
            else:
                ImportConflict.objects.create(article=article, source=src, incoming=incoming, incoming_tags=tags,
                                              source_hash=fingerprint)
            report.conflicts.append(page.rel_path)
            return
        if renamed:
            old_url = article.get_absolute_url()
    created = article is None
    article = article or Article()
    for name, value in values.items():
        setattr(article, name, value)
    article.source = src
    article.source_hash, article.source_file_hash = fingerprint, _file_hash(page)
    updated = page.updated or as_datetime(info.get("updated"))
    where = f"{page.rel_path}@{commit}" if commit else page.rel_path
    _clear_index_elsewhere(article, section, page, src)
    store_article(article, by=by, message=f"Geïmporteerd uit {where}", updated_at=updated)
    article.import_hash = content_fingerprint(article)
    Article.objects.filter(pk=article.pk).update(import_hash=article.import_hash)
    article.tags.set(tags)
    _link_index(section, article, page, src, report)
    redirects = [path for path in page.redirects]
    if not created and renamed:
        redirects.append(old_url.removeprefix("/kennisbank/"))
    _keep_redirects(article, redirects)
    if created:
        report.created.append(page.rel_path)
    elif page.rel_path not in {new for _old, new in report.renamed}:
        report.updated.append(page.rel_path)


def _keep_redirects(article, paths):
    for path in paths:
        key = str(path).strip().strip("/")
        key = key.removeprefix("kennisbank/")
        if key and key != article.get_absolute_url().removeprefix("/kennisbank/").strip("/"):
            ArticleRedirect.objects.get_or_create(path=key[:500], defaults={"article": article})


def _clear_index_elsewhere(article, section, page, src):
    """An index page that moved folders stops being the old section's introduction first (one-to-one)."""
    if article.pk and page.is_index:
        Section.objects.filter(index_article=article).exclude(pk=section.pk).update(index_article=None)


def _link_index(section, article, page, src, report):
    if not page.is_index or section.index_article_id == article.pk:
        return
    if section.source_id != src.pk and section.index_article_id:
        report.notes.append((page.rel_path, None, f"section '{section.path}' already has an introduction; "
                                                  "imported as an article in it"))
        return
    Section.objects.filter(index_article=article).exclude(pk=section.pk).update(index_article=None)
    section.index_article = article
    section.save(update_fields=["index_article"])


def _unpublish(article, *, report, by):
    if article.status == Article.Status.PUBLISHED:
        article.status = Article.Status.DRAFT
        store_article(article, by=by, message="Bronbestand verdwenen: niet meer gepubliceerd",
                     updated_at=article.content_updated_at)
        # Forget the source version: a file that comes back is imported (and published) again.
        article.import_hash, article.source_hash = content_fingerprint(article), ""
        Article.objects.filter(pk=article.pk).update(import_hash=article.import_hash, source_hash="")
        report.unpublished.append(article.source_path)



