"""Export the kennisbank as a self-contained folder of Markdown that the import reads back the same.

- each article in its section's folder, under its source file's name (or its slug);
- images and attachments written beside the Markdown, linked relatively; links between articles point at the
  other Markdown files, with their heading anchors;
- front matter as it came in (unknown keys included); a key is added or changed only where the site differs
  from what the file would give without it (a site edit of the title, a draft, tags, a different order);
- authors, dates and licence in `git-metadata.json`, as the import reads them; section titles and order in
  `_category_.json` only where the folder would not give them.
"""

import json
import posixpath
import re
from pathlib import Path

import yaml
from django.core.files.storage import default_storage

from ..models import Article, Section
from .links import MEDIA_FOLDER
from .pages import as_int, as_list, number_prefix
from .sites import INDEX_NAMES, natural_key

POSITION_KEYS = ("sidebar_position", "order", "nav_order", "weight")


def export_markdown(directory, *, articles=None):
    """Write articles (default: all) under `directory`; returns the number written."""
    root = Path(directory)
    root.mkdir(parents=True, exist_ok=True)
    articles = list(articles if articles is not None else (
        Article.objects.select_related("section", "section__index_article")
        .prefetch_related("tags", "authors__profile").order_by("section__path", "order", "title", "pk")))
    sections = {section.pk: section for section in Section.objects.select_related("index_article")}
    files = _file_names(articles)
    media_url = default_storage.url(MEDIA_FOLDER + "/")
    url_to_file = {article.get_absolute_url(): files[article.pk] for article in articles}
    for section in sections.values():
        url_to_file.setdefault(section.get_absolute_url(), section.path + "/")
    metadata, licences = {}, {}
    by_folder = {}
    for article in articles:
        by_folder.setdefault(article.section_id, []).append(article)
    positions = {}
    for group in by_folder.values():
        positions.update(_positions_needed(group, files))
    for article in articles:
        rel = files[article.pk]
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        body = _relative_links(article.body, rel, url_to_file, media_url, root)
        text = _front_matter(article, rel, body, positions.get(article.pk), root)
        path.write_text(text, "utf-8")
        names = article.author_name_list + [
            user.profile.name for user in article.authors.all() if getattr(user, "profile", None)]
        metadata[rel] = {
            "authors": list(dict.fromkeys(names)),
            "created": article.published_at.isoformat() if article.published_at else None,
            "updated": article.content_updated_at.isoformat(), "last_commit": article.source_commit or None,
        }
        licences[article.licence] = licences.get(article.licence, 0) + 1
    licence = max(licences, key=licences.get) if licences else ""
    for article in articles:  # a licence other than the folder's is said in the page itself
        if article.licence != licence:
            _rewrite_key(root / files[article.pk], "licence", article.licence)
    _categories(root, sections.values(), by_folder)
    (root / "git-metadata.json").write_text(json.dumps(
        {"licence": licence, "files": metadata}, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return len(articles)


def _file_names(articles):
    out, used = {}, set()
    for article in articles:
        folder = article.section.path
        if article.section.index_article_id == article.pk:
            base = posixpath.basename(article.source_path) if article.source_path else ""
            name = base if posixpath.splitext(base)[0].lower() in INDEX_NAMES else "index.md"
        else:
            name = posixpath.basename(article.source_path) if article.source_path else f"{article.slug}.md"
            if posixpath.splitext(name)[0].lower() in INDEX_NAMES:  # a blog post's folder/index.md
                name = f"{article.slug}{posixpath.splitext(name)[1]}"
        rel = posixpath.join(folder, name)
        if rel in used:
            rel = posixpath.join(folder, f"{article.slug}.md")
        used.add(rel)
        out[article.pk] = rel
    return out


def _derived_slug(article, rel):
    meta = article.front_matter
    value = meta.get("slug") or meta.get("permalink") or ""
    from django.utils.text import slugify

    if value:
        return slugify(str(value).strip("/").rsplit("/", 1)[-1])
    return slugify(number_prefix(posixpath.splitext(posixpath.basename(rel))[0])[1].replace("_", "-"))


def _positions_needed(group, files):
    """{article pk: position} for a folder whose files would not come back in the site's order by themselves."""
    listed = [a for a in group if a.section.index_article_id != a.pk]
    wanted = [a.pk for a in sorted(listed, key=lambda a: (a.order, a.title))]

    def key(article):
        meta = article.front_matter
        position = next((as_int(meta[k]) for k in POSITION_KEYS if as_int(meta.get(k)) is not None), None)
        name = posixpath.basename(files[article.pk])
        position = position if position is not None else number_prefix(name)[0]
        return (position is None, position or 0, natural_key(name))

    if [a.pk for a in sorted(listed, key=key)] == wanted:
        return {}
    return {pk: rank for rank, pk in enumerate(wanted, start=1)}


def _store_beside(root, rel, media_name):
    """Copy a media file next to the Markdown at `rel`; returns the file name to link to."""
    stored = media_name.rsplit("/", 1)[-1]
    original = re.sub(r"^[0-9a-f]{12}-", "", stored)  # the import's content hash prefix
    folder = (root / rel).parent
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / original
    if target.exists() and target.read_bytes() != _read(media_name):
        target = folder / stored
    if not target.exists():
        target.write_bytes(_read(media_name))
    return target.name


def _read(name):
    with default_storage.open(name, "rb") as fh:
        return fh.read()


def _relative_links(body, rel, url_to_file, media_url, root):
    folder = posixpath.dirname(rel)

    def replace(match):
        url = match.group(0)
        path, _, fragment = url.partition("#")
        if path.startswith(media_url):
            name = path[len(default_storage.url("")):] if default_storage.url("") else path
            if default_storage.exists(name):
                return _store_beside(root, rel, name)
            return url
        target = url_to_file.get(path)
        if target is None:
            return url
        relative = posixpath.relpath(target.rstrip("/") or ".", folder or ".")
        if target.endswith("/"):
            relative += "/"
        return relative + (f"#{fragment}" if fragment else "")

    return re.sub(r"(?<=[(\"'])/(?:kennisbank|media)/[^)\s\"'>]*", replace, body)


def _front_matter(article, rel, body, position, root):
    meta = article.front_matter
    imported = bool(article.source_path)
    if not imported or "title" in meta:
        meta["title"] = article.title
    else:
        body = f"# {article.title}\n\n{body.lstrip()}"  # where the source had its title: the first heading
    if _derived_slug(article, rel) != article.slug and article.section.index_article_id != article.pk:
        meta["slug"] = article.slug
    summary_key = next((k for k in ("description", "excerpt", "teaser", "summary") if k in meta), "description")
    if str(meta.get(summary_key) or "") != article.summary:
        meta[summary_key] = article.summary or None
    tags = sorted(tag.name for tag in article.tags.all())
    tag_key = "keywords" if "keywords" in meta and "tags" not in meta else "tags"
    source_tags = meta.get(tag_key)
    source_tags = source_tags if isinstance(source_tags, list) else [
        t.strip() for t in str(source_tags or "").split(",") if t.strip()]
    if sorted(str(t) for t in source_tags) != tags:
        meta[tag_key] = tags or None
    author_key = next((k for k in ("authors", "author") if k in meta), None)
    if author_key and as_list(meta[author_key]) != article.author_name_list:
        meta[author_key] = article.author_name_list  # keys of an authors.yml the export does not carry: names
    is_draft = article.status == Article.Status.DRAFT
    if is_draft != (meta.get("draft") is True):
        meta["draft"] = True if is_draft else None
    if (not article.listed) != (meta.get("unlisted") is True):
        meta["unlisted"] = True if not article.listed else None
    if not imported or str(meta.get("kind") or "") not in {"", article.kind}:
        meta["kind"] = article.kind
    if position is not None:
        key = next((k for k in POSITION_KEYS if k in meta), "sidebar_position")
        meta[key] = position
    cover_key = next((k for k in ("image", "cover") if k in meta), "image")
    if article.image:
        meta[cover_key] = _store_beside(root, rel, article.image.name)
    elif article.image_source:
        meta[cover_key] = article.image_source
    elif cover_key in meta:
        meta[cover_key] = None
    caption_key = next((k for k in ("caption", "image_caption") if k in meta), "caption")
    if str(meta.get(caption_key) or "") != article.image_caption:
        meta[caption_key] = article.image_caption or None
    if article.language != "nl" and str(meta.get("lang") or meta.get("language") or "")[:2] != article.language:
        meta["lang"] = article.language
    meta = {key: value for key, value in meta.items() if value is not None}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) if meta else ""
    return (f"---\n{front}---\n\n" if front else "") + f"{body.rstrip()}\n"


def _rewrite_key(path, key, value):
    text = path.read_text("utf-8")
    if text.startswith("---\n"):
        end = text.index("\n---\n", 3)
        meta = yaml.safe_load(text[4:end]) or {}
        rest = text[end + 5:]
    else:
        meta, rest = {}, "\n" + text
    meta[key] = value
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n" + rest,
                    "utf-8")


def _categories(root, sections, by_folder):
    for section in sections:
        folder = root / section.path
        folder.mkdir(parents=True, exist_ok=True)
        index = section.index_article
        derived = index.title if index else section.slug.replace("-", " ").replace("_", " ").capitalize()
        data = {}
        if section.title != derived:
            data["label"] = section.title
        siblings = [s for s in sections if s.parent_id == section.parent_id]
        by_name = sorted(siblings, key=lambda s: natural_key(s.slug))
        by_site = sorted(siblings, key=lambda s: (s.order, s.title))
        if [s.pk for s in by_name] != [s.pk for s in by_site]:
            data["position"] = by_site.index(section) + 1
        if data:
            (folder / "_category_.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
