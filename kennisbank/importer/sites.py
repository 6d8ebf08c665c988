"""Readers per kind of site: which files are pages, which folder is which section in what order, the site's
own URL of each page, and its syntax mapped onto the one Markdown pipeline.

- Docusaurus (`docusaurus.config.*`, parsed as data by jsconfig.py): docs plugins' `path`/`routeBasePath`, the
  docs version the site serves (`lastVersion`, `versions.json`), translations in `i18n/` reported as left out,
  blog and other docs folders, `static/`, `_category_.json|yml`,
  `sidebar_position`, number prefixes, `slug`, `id`, `draft`, `unlisted`, blog dates and `authors.yml`, MDX.
- MkDocs / Material (`mkdocs.yml`, or a `docs/` folder): `nav` order, the awesome-pages plugin's `.pages` files
  (`nav` with `...` rest filters, `title`, `order`, `hide`), directory URLs, snippets, Material icons.
- Jekyll (`_config.yml`): Liquid (python-liquid, with the site's data and `_includes/`), `_posts` dates,
  `order:`, `permalink:`, `redirect_from:`, `lang:`, `excerpt:`, `cover:`.
- A plain folder of Markdown (an export of this site): front matter and `_category_.json`.
"""

import fnmatch
import json
import posixpath
import re
from datetime import datetime

from django.utils import timezone
from django.utils.text import slugify

from ..models import ImportSource
from . import mdx
from .files import PAGE_SUFFIXES, Refused, check_front_matter, extension_of
from .jsconfig import read_config
from .pages import (
    Page,
    as_datetime,
    as_int,
    as_list,
    guess_language,
    is_true,
    load_yaml,
    map_prose,
    number_prefix,
    split_front_matter,
    take_title,
)

INDEX_NAMES = {"index", "readme", "_index"}
ICON_RE = re.compile(r":(?:material|fontawesome|octicons|simple)-([\w-]+):")
ICON_LABELS = {"github": "GitHub", "gitlab": "GitLab", "web": "Website", "mail": "E-mail", "email": "E-mail",
               "linkedin": "LinkedIn", "mastodon": "Mastodon", "link": "Link"}
LINK_RE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")


def natural_key(name):
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", name)]


def route_key(path):
    """A site URL path as the import compares them: no host, no trailing slash, `.html` and `/index` removed."""
    path = "/" + str(path or "").split("#")[0].split("?")[0].strip("/")
    path = re.sub(r"\.html?$", "", path)
    path = re.sub(r"/(index|README)$", "", path, flags=re.IGNORECASE)
    return path.rstrip("/") or "/"


def detect(tree):
    files = set(tree.files())
    names = {f for f in files if "/" not in f}
    if names & {"docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs", "docusaurus.config.cjs"}:
        return DocusaurusSite(tree, files)
    if names & {"mkdocs.yml", "mkdocs.yaml"}:
        return MkDocsSite(tree, files)
    if names & {"_config.yml", "_config.yaml"}:
        return JekyllSite(tree, files)
    if any(f.startswith("docs/") for f in files) and not any(f.endswith("_category_.json") for f in files):
        return MkDocsSite(tree, files)
    return PlainSite(tree, files)


class Site:
    kind = ImportSource.Kind.MARKDOWN
    static_roots = ("",)
    content_root = ""

    def __init__(self, tree, files):
        self.tree, self.all_files = tree, sorted(files)
        self.title, self.language, self.site_url, self.attribution = "", "", "", ""
        self.folder_titles, self.folder_orders = {}, {}
        self.configure()

    def configure(self):
        pass

    # -- which files -------------------------------------------------------------------------------------
    def page_files(self):
        return [f for f in self.all_files if self._in_content(f) and posixpath.splitext(f)[1].lower() in PAGE_SUFFIXES
                and not self._skipped(f)]

    def _in_content(self, rel):
        return not self.content_root or rel.startswith(self.content_root + "/")

    def _skipped(self, rel):
        return False

    # -- one page ------------------------------------------------------------------------------------------
    def read(self, rel):
        text = self.tree.read_text(rel)
        meta, body, _lines = split_front_matter(text)
        check_front_matter(meta)
        page = Page(rel_path=rel, folder=self.folder_of(rel), is_index=self.is_index(rel), title="", body=body,
                    text=text, meta=meta)
        page.language = self._language(meta, body)
        page.body = self.transform(page, body)
        self.fill(page)
        return page

    def _language(self, meta, body):
        wanted = str(meta.get("lang") or meta.get("language") or meta.get("locale") or "").lower()[:2]
        if wanted in {"nl", "en"}:
            return wanted
        return ""  # decided in finish(): the page's own words, else the site's language, else the majority

    def transform(self, page, body):
        return body

    def fill(self, page):
        meta = page.meta
        heading, rest = take_title(page.body)
        title = str(meta.get("title") or "").strip()
        if not title or heading == title:
            page.body = rest
        stem = posixpath.splitext(posixpath.basename(page.rel_path))[0]
        fallback = number_prefix(stem)[1].replace("-", " ").replace("_", " ").strip().capitalize()
        page.title = (title or heading or fallback)[:300]
        page.body = page.body.strip() + "\n"
        page.slug = self.slug_of(page)
        page.date = as_datetime(meta.get("date"))
        page.updated = as_datetime(meta.get("last_update", {}).get("date") if isinstance(meta.get("last_update"),
                                                                                          dict) else
                                   meta.get("last_update") or meta.get("last_modified_at") or meta.get("updated"))
        page.authors = as_list(meta.get("authors") or meta.get("author"))
        page.draft = is_true(meta.get("draft")) or str(meta.get("status", "")).lower() in {"draft", "concept"} \
            or meta.get("published") is False
        page.unlisted = is_true(meta.get("unlisted"))
        page.kind = str(meta.get("kind") or meta.get("type") or "")
        page.summary = str(meta.get("description") or meta.get("excerpt") or meta.get("teaser")
                           or meta.get("summary") or "").strip()[:1000]
        page.cover = str(meta.get("image") or meta.get("cover") or "")
        page.cover_caption = str(meta.get("caption") or meta.get("image_caption") or "")[:500]
        page.licence = str(meta.get("licence") or meta.get("license") or "")
        page.redirects = [str(path) for path in as_list(meta.get("redirect_from"))]
        page.order = self.position_of(page)

    def slug_of(self, page):
        value = page.meta.get("slug") or page.meta.get("permalink") or ""
        value = slugify(str(value).strip("/").rsplit("/", 1)[-1]) if value else ""
        if value:
            return value
        stem = posixpath.splitext(posixpath.basename(page.rel_path))[0]
        return slugify(number_prefix(stem)[1].replace("_", "-"))

    def position_of(self, page):
        for key in ("sidebar_position", "order", "nav_order", "weight"):
            value = as_int(page.meta.get(key))
            if value is not None:
                return value
        return number_prefix(posixpath.basename(page.rel_path))[0]

    def is_index(self, rel):
        return posixpath.splitext(posixpath.basename(rel))[0].lower() in INDEX_NAMES

    def folder_of(self, rel):
        """The section of a page, as folder names (the content root's own pages: ())."""
        inner = rel[len(self.content_root) + 1:] if self.content_root else rel
        return tuple(number_prefix(part)[1] for part in posixpath.dirname(inner).split("/") if part)

    def dir_of_folder(self, folder):
        """The folder in the tree (relative to the import folder) a section came from."""
        return self._folder_dirs.get(folder, "")

    # -- after all pages are read --------------------------------------------------------------------------
    def finish(self, pages):
        undecided = [page for page in pages if not page.language]
        guesses = [guess_language(page.body, default="") for page in undecided]
        counted = [guess for guess in guesses if guess]
        majority = max(set(counted), key=counted.count) if counted else "nl"
        site_language = self.language if self.language in {"nl", "en"} else majority
        for page, guess in zip(undecided, guesses, strict=True):
            page.language = guess or site_language
        self._folder_dirs = {}
        for page in pages:
            directory = posixpath.dirname(page.rel_path)
            for depth in range(len(page.folder), -1, -1):
                self._folder_dirs.setdefault(page.folder[:depth], directory)
                directory = posixpath.dirname(directory) if depth else directory
            page.routes = [route_key(route) for route in [*self.routes_of(page), *page.redirects]]
        self._rank(pages)
        for page in pages:
            if mdx.DOC_CARD_LIST in page.body:
                page.body = page.body.replace(mdx.DOC_CARD_LIST, self._card_list(page, pages))

    def routes_of(self, page):
        return []

    def left_out(self):
        """(path, why) for what the site has that this import leaves out on purpose; reported as notes."""
        return []

    def folder_info(self, folder):
        """{"title", "position"} a folder's own metadata gives (`_category_.json`, nav), or {}."""
        return {}

    def _rank(self, pages):
        """Order within each folder as the site's navigation has it: positioned items first, then by name."""
        children = {}
        folders = {page.folder[:i] for page in pages for i in range(len(page.folder) + 1)}
        for page in pages:
            if not page.is_index:
                name = posixpath.basename(page.rel_path)
                children.setdefault(page.folder, []).append((page.order, name, page))
        index_of = {page.folder: page for page in pages if page.is_index}
        for folder in folders:
            if not folder:
                continue
            info = self.folder_info(folder)
            position = info.get("position")
            if position is None and folder in index_of:
                position = self.position_of(index_of[folder])
            if position is None:
                position = number_prefix(posixpath.basename(self.dir_of_folder(folder)))[0]
            if info.get("title"):
                self.folder_titles[folder] = info["title"]
            children.setdefault(folder[:-1], []).append((position, posixpath.basename(self.dir_of_folder(folder)),
                                                         folder))
        for entries in children.values():
            entries.sort(key=lambda e: (e[0] is None, e[0] if e[0] is not None else 0, natural_key(e[1])))
            for rank, (_position, _name, item) in enumerate(entries, start=1):
                if isinstance(item, Page):
                    item.order = rank
                else:
                    self.folder_orders[item] = rank
        for page in pages:
            if page.is_index:
                page.order = 0  # shown as its section's page, not in the list

    def _card_list(self, page, pages):
        siblings = sorted((p for p in pages if p.folder == page.folder and p is not page and not p.is_index),
                          key=lambda p: p.order)
        subfolders = sorted({p.folder for p in pages if p.folder[:-1] == page.folder and len(p.folder) > 0
                             and len(p.folder) == len(page.folder) + 1}, key=lambda f: self.folder_orders.get(f, 0))
        lines = [f"- [{p.title}](/{p.rel_path})" for p in siblings]
        for folder in subfolders:
            title = self.folder_titles.get(folder) or folder[-1].replace("-", " ").capitalize()
            lines.append(f"- [{title}](/{self.dir_of_folder(folder)}/)")
        return "\n".join(lines)

    # -- helpers for subclasses ----------------------------------------------------------------------------
    def read_data(self, rel):
        """A YAML or JSON file of the site's own (config, authors, categories), or {} when absent or invalid."""
        if not self.tree.exists(rel):
            return {}
        try:
            text = self.tree.read_text(rel)
            data = json.loads(text) if rel.endswith(".json") else load_yaml(text)
        except (Refused, ValueError, Exception):  # noqa: B014 (YAML errors have many classes)
            return {}
        return data if isinstance(data, dict) else {}


def _rest_matches(name, pattern):
    """Whether a `.pages` rest filter (`glob`, `glob=…` or `regex=…`; empty: everything) takes `name`. The
    regular expression comes from the repository: only short ones on short names, so none can run for long."""
    if not pattern:
        return True
    if pattern.startswith("regex="):
        if len(pattern) > 106 or len(name) > 100:
            return False
        try:
            return re.search(pattern[6:], name) is not None
        except re.error:
            return False
    return fnmatch.fnmatch(name, pattern.removeprefix("glob="))


def clean_material(text):
    """MkDocs Material's icon shortcodes, which the pipeline's emoji do not know: a link keeps a name."""
    def icon_link(match):
        label, target = match.group(2), match.group(3)
        cleaned = ICON_RE.sub("", label).strip()
        if not cleaned:
            icon = ICON_RE.search(label)
            name = icon.group(1)
            cleaned = ICON_LABELS.get(name.split("-")[0], name.replace("-", " "))
        return f"{match.group(1)}[{cleaned}]({target}{match.group(4) or ''})"

    def clean(chunk):
        chunk = LINK_RE.sub(lambda m: icon_link(m) if ICON_RE.search(m.group(2)) else m.group(0), chunk)
        return ICON_RE.sub("", chunk)

    return map_prose(text, clean)


class PlainSite(Site):
    """A folder of Markdown with front matter (an export of this site, a hand-made folder)."""

    def configure(self):
        if any(f.startswith("docs/") for f in self.all_files) and not any(
                posixpath.splitext(f)[1] in PAGE_SUFFIXES and not f.startswith("docs/") for f in self.all_files):
            self.content_root = "docs"

    def transform(self, page, body):
        if page.rel_path.endswith(".mdx"):
            body = mdx.docusaurus_to_pipeline(body, language=page.language or guess_language(body), notes=page.notes)
        return clean_material(body)

    def folder_info(self, folder):
        directory = self.dir_of_folder(folder)
        for name in ("_category_.json", "_category_.yml", "_category_.yaml"):
            data = self.read_data(posixpath.join(directory, name))
            if data:
                return {"title": data.get("label"), "position": as_int(data.get("position"))}
        return {}


class DocusaurusSite(PlainSite):
    kind = ImportSource.Kind.DOCUSAURUS
    static_roots = ("static",)
    SKIP_TOP = {"src", "static", "i18n", "node_modules", "build", "versioned_docs", "versioned_sidebars"}

    CONFIG_NAMES = ("docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs", "docusaurus.config.cjs",
                    "docusaurus.config.mts")
    CLASSIC = {"classic", "@docusaurus/preset-classic", "docusaurus-preset-classic"}
    DOCS_PLUGIN = {"@docusaurus/plugin-content-docs", "content-docs", "docusaurus-plugin-content-docs"}

    def configure(self):
        config = {}
        for name in self.CONFIG_NAMES:
            if self.tree.exists(name):
                config = read_config(self.tree.read_text(name))
                break
        text = lambda value, default="": value if isinstance(value, str) else default  # noqa: E731
        self.title = text(config.get("title"))
        url, base = text(config.get("url")), text(config.get("baseUrl"), "/")
        is_http = url.startswith(("http://", "https://"))
        self.site_url = (url.rstrip("/") + "/" + base.strip("/")).rstrip("/") if is_http else ""
        i18n = config.get("i18n") if isinstance(config.get("i18n"), dict) else {}
        self.language = text(i18n.get("defaultLocale"))[:2]
        self.i18n_path = text(i18n.get("path"), "i18n").strip("/") or "i18n"
        docs, plugins = {}, []
        for preset in config.get("presets") or []:
            name, options = (preset[0], preset[1] if len(preset) > 1 else {}) if isinstance(preset, list) else \
                (preset, {})
            if name in self.CLASSIC and isinstance(options, dict) and isinstance(options.get("docs"), dict):
                docs = options["docs"]
        for plugin in config.get("plugins") or []:
            if isinstance(plugin, list) and len(plugin) > 1 and plugin[0] in self.DOCS_PLUGIN \
                    and isinstance(plugin[1], dict):
                plugins.append(plugin[1])
        # Each docs folder and the route it is served under (Docusaurus: path "docs", routeBasePath "docs").
        self.docs_path = text(docs.get("path"), "docs").strip("/").removeprefix("./") or "docs"
        self.route_bases = {self.docs_path: "/" + text(docs.get("routeBasePath"), "docs").strip("/")}
        for options in plugins:
            path = text(options.get("path")).strip("/").removeprefix("./")
            if path:
                self.route_bases[path] = "/" + text(options.get("routeBasePath"), path).strip("/")
        self.docs_base = self.route_bases[self.docs_path]
        self._choose_version(docs)
        self.authors = {}
        for name in ("blog/authors.yml", "blog/authors.yaml", "blog/authors.json"):
            self.authors.update(self.read_data(name))

    def _choose_version(self, docs):
        """The docs version the site serves at its docs route: `lastVersion`, else the newest of `versions.json`
        (Docusaurus serves the unreleased `docs/` under /next then), else `docs/`. Other versions are left out."""
        versions = []
        if self.tree.exists("versions.json"):
            try:
                versions = [str(v) for v in json.loads(self.tree.read_text("versions.json")) if isinstance(v, str)]
            except (ValueError, TypeError, Refused):
                versions = []
        last = docs.get("lastVersion")
        chosen = last if isinstance(last, str) and (last == "current" or last in versions) else \
            (versions[0] if versions else "current")
        self.docs_version = chosen
        self.docs_root = self.docs_path if chosen == "current" else f"versioned_docs/version-{chosen}"

    def left_out(self):
        """(folder, why) for the pages a Docusaurus site has that this import leaves out: other docs versions and
        translations (each article has one language: the site's own)."""
        counts = {}
        for rel in self.all_files:
            if posixpath.splitext(rel)[1].lower() not in PAGE_SUFFIXES:
                continue
            if rel.startswith("versioned_docs/") and not rel.startswith(self.docs_root + "/"):
                folder = "/".join(rel.split("/")[:2])
                why = f"docs version {folder.split('/')[1].removeprefix('version-')} not imported " \
                      f"(the site shows version {self.docs_version} at {self.docs_base})"
            elif self.docs_root != self.docs_path and rel.startswith(self.docs_path + "/"):
                folder, why = self.docs_path, (f"unreleased docs (served under {self.docs_base.rstrip('/')}/next) not "
                                               f"imported: the site shows version {self.docs_version}")
            elif rel.startswith(self.i18n_path + "/") and rel.count("/") >= 2:
                locale = rel.split("/")[1]
                folder, why = f"{self.i18n_path}/{locale}", f"translation ({locale}) not imported"
            else:
                continue
            counts.setdefault((folder, why), 0)
            counts[(folder, why)] += 1
        return [(folder, f"{n} page{'s' if n != 1 else ''}: {why}") for (folder, why), n in sorted(counts.items())]

    def _logical(self, rel):
        """`rel` as if the chosen docs version were the docs folder (versioned_docs/version-2.0/a.md: docs/a.md)."""
        if self.docs_root != self.docs_path and rel.startswith(self.docs_root + "/"):
            return self.docs_path + rel[len(self.docs_root):]
        return rel

    def _top(self, rel):
        rel = self._logical(rel)
        for path in sorted(self.route_bases, key=len, reverse=True):
            if rel.startswith(path + "/"):
                return path
        return rel.split("/", 1)[0] if "/" in rel else ""

    def page_files(self):
        out = []
        for rel in self.all_files:
            if posixpath.splitext(rel)[1].lower() not in PAGE_SUFFIXES:
                continue
            if self.docs_root != self.docs_path and rel.startswith(self.docs_path + "/"):
                continue
            top = rel.split("/", 1)[0] if "/" in rel else ""
            if rel.startswith(("src/pages/", self.docs_root + "/")) or (top and top not in self.SKIP_TOP
                                                                        and top != self.i18n_path):
                if not posixpath.basename(rel).startswith("_"):
                    out.append(rel)
        return out

    def folder_of(self, rel):
        top = self._top(rel)
        if top == "blog":
            return ("blog",)
        if rel.startswith("src/pages/"):
            return tuple(posixpath.dirname(rel).split("/")[2:])
        inner = posixpath.dirname(self._logical(rel))[len(top):].strip("/")
        parts = tuple(number_prefix(part)[1] for part in inner.split("/") if part)
        return parts if top == self.docs_path else (*top.split("/"), *parts)

    def is_index(self, rel):
        if self._top(rel) == "blog":
            return False
        stem = posixpath.splitext(posixpath.basename(rel))[0]
        parent = posixpath.basename(posixpath.dirname(self._logical(rel)))
        return stem.lower() in INDEX_NAMES or (bool(parent) and number_prefix(stem)[1] == number_prefix(parent)[1])

    def transform(self, page, body):
        body = mdx.docusaurus_to_pipeline(body, language=page.language or guess_language(body), notes=page.notes)
        return body.replace("<!-- truncate -->", "")

    _DATE_IN_PATH = re.compile(r"(\d{4})[/-](\d{1,2})[/-](\d{1,2})[-/]?(.*)$")

    def fill(self, page):
        super().fill(page)
        if self._top(page.rel_path) != "blog":
            return
        page.kind = page.kind or "news"
        inner = posixpath.splitext(page.rel_path[len("blog/"):])[0]
        inner = re.sub(r"/index$", "", inner)
        match = self._DATE_IN_PATH.search(inner)
        if match:
            year, month, day, name = match.groups()
            if page.date is None:
                page.date = timezone.make_aware(datetime(int(year), int(month), int(day)))
            if not page.meta.get("slug"):
                page.slug = slugify(name.rsplit("/", 1)[-1]) or page.slug
        names = []
        for author in page.meta.get("authors") or page.meta.get("author") or []:
            if isinstance(author, str) and author in self.authors and isinstance(self.authors[author], dict):
                names.append(str(self.authors[author].get("name") or author))
            elif isinstance(author, dict):
                names.append(str(author.get("name") or ""))
            elif isinstance(author, str):
                names.append(author)
        if isinstance(page.meta.get("authors"), str):
            key = page.meta["authors"]
            names = [str((self.authors.get(key) or {}).get("name") or key)]
        if names or page.meta.get("author"):
            page.authors = [name for name in names if name] or page.authors

    def routes_of(self, page):
        rel, meta = page.rel_path, page.meta
        top = self._top(rel)
        if top == "blog":
            if meta.get("slug"):
                return [f"/blog/{str(meta['slug']).strip('/')}"]
            date = page.date
            return [f"/blog/{date:%Y/%m/%d}/{page.slug}" if date else f"/blog/{page.slug}"]
        if rel.startswith("src/pages/"):
            inner = posixpath.splitext(rel[len("src/pages/"):])[0]
            return ["/" + re.sub(r"(^|/)index$", "", inner)]
        base = self.route_bases.get(top, f"/{top}")
        inner = posixpath.dirname(self._logical(rel))[len(top):].strip("/")
        folder = "/".join(number_prefix(p)[1] for p in inner.split("/") if p)
        slug = str(meta.get("slug") or "")
        if slug.startswith("/"):
            return [posixpath.join(base, slug.lstrip("/"))]
        if slug:
            return [posixpath.join(base, folder, slug)]
        doc_id = str(meta.get("id") or number_prefix(posixpath.splitext(posixpath.basename(rel))[0])[1])
        routes = [posixpath.join(base, folder, doc_id)]
        if page.is_index:
            routes.insert(0, posixpath.join(base, folder))
        return routes

    def folder_info(self, folder):
        info = super().folder_info(folder)
        if folder == ("blog",) and not info.get("title"):
            info = {**info, "title": "Blog"}
        return info


class MkDocsSite(Site):
    kind = ImportSource.Kind.MKDOCS

    def configure(self):
        config = {}
        for name in ("mkdocs.yml", "mkdocs.yaml"):
            config = config or self.read_data(name)
        self.config = config
        self.content_root = str(config.get("docs_dir") or "docs").strip("/")
        if not self.tree.is_dir(self.content_root):
            self.content_root = ""
        self.static_roots = (self.content_root,)
        self.title = str(config.get("site_name") or "")
        self.site_url = str(config.get("site_url") or "").rstrip("/")
        self.attribution = str(config.get("site_author") or "")
        theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
        self.language = str(theme.get("language") or config.get("language") or "")[:2]
        self.directory_urls = config.get("use_directory_urls", True) is not False
        self.nav_order, self.nav_titles, self.hidden = {}, {}, set()
        self._walk_nav(config.get("nav") or [], [0])
        self._awesome_pages(config)
        self.snippet_bases = ["", self.content_root]
        for extension in config.get("markdown_extensions") or []:
            if isinstance(extension, dict) and "pymdownx.snippets" in extension:
                options = extension["pymdownx.snippets"] or {}
                bases = options.get("base_path") or []
                self.snippet_bases = [b.strip("/").strip(".") for b in ([bases] if isinstance(bases, str) else bases)]
                self.snippet_bases += ["", self.content_root]
                self.auto_append = list(options.get("auto_append") or [])

    auto_append = ()

    def _walk_nav(self, items, counter, folder_title=None):
        for item in items if isinstance(items, list) else []:
            title, value = (next(iter(item.items())) if isinstance(item, dict) and item else (None, item))
            if isinstance(value, list):
                first = len(self.nav_order)
                self._walk_nav(value, counter, title)
                folders = {posixpath.dirname(path) for path, _n in self.nav_order.items()
                           if _n >= first and not path.startswith("http")}
                if len(folders) == 1 and title:
                    self.nav_titles[folders.pop()] = str(title)
            elif isinstance(value, str) and not re.match(r"^[a-z]+://", value):
                counter[0] += 1
                self.nav_order.setdefault(value.strip("/"), counter[0])

    # -- the awesome-pages plugin: a `.pages` file per folder (nav, title, order, hide) ---------------------------
    def _awesome_pages(self, config):
        """Order and titles from the folders' `.pages` files, as mkdocs-awesome-pages-plugin reads them: `nav`
        lists the folder's files and subfolders in order (`...` for the rest, `... | glob` or `... | regex=…` for
        some of it; `Title: entry` names a subfolder), `title` names the folder, `order: asc|desc` sorts it, and
        `hide: true` leaves it out of the navigation. The plugin does nothing when mkdocs.yml has a `nav` without
        `...`, nor when it is not enabled. A page the navigation leaves out is still built, so it comes in unlisted.
        """
        filename = None
        for plugin in config.get("plugins") or []:
            name, options = (next(iter(plugin.items())) if isinstance(plugin, dict) and plugin else (plugin, {}))
            if name == "awesome-pages":
                filename = str((options or {}).get("filename") or ".pages") if isinstance(options, dict) else ".pages"
        nav = config.get("nav") or []
        if filename is None or (nav and "..." not in json.dumps(nav)):
            return
        pages = [self._doc(rel) for rel in self.page_files()]
        children = {}
        for doc in pages:
            parts = doc.split("/")
            for depth in range(len(parts)):
                parent, name = "/".join(parts[:depth]), parts[depth]
                children.setdefault(parent, set()).add(name + ("/" if depth < len(parts) - 1 else ""))
        counter = [max(self.nav_order.values(), default=0)]

        def walk(directory, hidden):
            meta = self.read_data(posixpath.join(self.content_root, directory, filename).lstrip("/"))
            if isinstance(meta.get("title"), str) and directory:
                self.nav_titles[directory] = meta["title"]
            hidden = hidden or is_true(meta.get("hide"))
            entries = sorted(children.get(directory, ()), key=lambda n: (n.endswith("/"), natural_key(n.rstrip("/"))))
            if str(meta.get("order") or "").lower() in {"asc", "desc"}:
                entries.sort(key=lambda n: natural_key(n.rstrip("/")), reverse=meta["order"].lower() == "desc")
            listed = meta.get("nav") if isinstance(meta.get("nav"), list) else meta.get("arrange")
            ordered, unlisted = self._arrange(directory, entries, listed) if isinstance(listed, list) else (entries,
                                                                                                            [])
            for name, is_hidden in [*((n, hidden) for n in ordered), *((n, True) for n in unlisted)]:
                path = posixpath.join(directory, name.rstrip("/")) if directory else name.rstrip("/")
                if name.endswith("/"):
                    walk(path, is_hidden)
                else:
                    counter[0] += 1
                    self.nav_order.setdefault(path, counter[0])
                    if is_hidden:
                        self.hidden.add(path)

        walk("", False)

    def _arrange(self, directory, entries, listed):
        """(entries in the order `listed` gives, entries it leaves out) for one folder's `.pages` nav."""
        remaining, ordered, rest_at = list(entries), [], []
        for item in listed:
            title, value = (next(iter(item.items())) if isinstance(item, dict) and item else (None, item))
            if not isinstance(value, str):
                continue
            value = value.strip()
            if value.startswith("..."):
                pattern = value[3:].strip().lstrip("|").strip()
                rest_at.append((len(ordered), pattern))
                ordered.append(None)  # filled below, in the order the rest entries appear
                continue
            name = value.strip("/")
            for candidate in (name, name + "/"):
                if candidate in remaining:
                    remaining.remove(candidate)
                    ordered.append(candidate)
                    if title and candidate.endswith("/"):
                        path = posixpath.join(directory, name) if directory else name
                        self.nav_titles.setdefault(path, str(title))
        for index, pattern in rest_at:
            taken = [n for n in remaining if _rest_matches(n.rstrip("/"), pattern)]
            remaining = [n for n in remaining if n not in taken]
            ordered[index] = taken
        flat = [n for item in ordered for n in (item if isinstance(item, list) else [item])]
        return flat, remaining

    def fill(self, page):
        super().fill(page)
        if self._doc(page.rel_path) in self.hidden:
            page.unlisted = True

    def transform(self, page, body):
        body = self._snippets(page, body, depth=0)
        for extra in self.auto_append:
            try:
                body += "\n\n" + self._snippet_text(page, str(extra))
            except Refused as exc:
                page.notes.append(("snippet", f"{extra}: {exc}"))
        return clean_material(body)

    _SNIPPET = re.compile(r"""^(\s*)-{1,}8<-{1,}\s+(["'])([^"']+)\2\s*$""", re.MULTILINE)

    def _snippets(self, page, body, depth):
        def include(match):
            if depth > 3:
                page.notes.append(("snippet", f"{match.group(3)}: nested too deep"))
                return ""
            try:
                return self._snippets(page, self._snippet_text(page, match.group(3)), depth + 1)
            except Refused as exc:
                page.notes.append(("snippet", f"{match.group(3)}: {exc}"))
                return ""

        return self._SNIPPET.sub(include, body)

    def _snippet_text(self, page, name):
        for base in self.snippet_bases:
            rel = posixpath.normpath(posixpath.join(base, name)) if base else posixpath.normpath(name)
            if self.tree.exists(rel):
                return self.tree.read_text(rel)  # resolve() refuses `..` and links out of the folder
        raise Refused("snippet file not found")

    def _doc(self, rel):
        return rel[len(self.content_root) + 1:] if self.content_root else rel

    def position_of(self, page):
        position = self.nav_order.get(self._doc(page.rel_path))
        return position if position is not None else super().position_of(page)

    def routes_of(self, page):
        doc = posixpath.splitext(self._doc(page.rel_path))[0]
        if page.is_index:
            doc = posixpath.dirname(doc)
        return ["/" + doc]

    def folder_info(self, folder):
        directory = self._doc(self.dir_of_folder(folder))
        positions = [n for path, n in self.nav_order.items() if path.startswith(directory + "/")]
        return {"title": self.nav_titles.get(directory), "position": min(positions) if positions else None}


class JekyllSite(Site):
    kind = ImportSource.Kind.JEKYLL
    DEFAULT_EXCLUDE = {"Gemfile", "Gemfile.lock", "node_modules", "vendor", "package.json", "package-lock.json"}

    def configure(self):
        self.config = self.read_data("_config.yml") or self.read_data("_config.yaml")
        self.title = str(self.config.get("title") or "")
        self.language = str(self.config.get("lang") or self.config.get("locale") or "")[:2]
        url = str(self.config.get("url") or "").rstrip("/")
        if not url and self.tree.exists("CNAME"):
            lines = self.tree.read_text("CNAME").split()
            host = lines[0] if lines else ""
            url = f"https://{host}" if host and re.fullmatch(r"[\w.-]+", host) else ""
        self.site_url = url + str(self.config.get("baseurl") or "").rstrip("/")
        self.exclude = set(as_list(self.config.get("exclude"))) | self.DEFAULT_EXCLUDE
        self.include = set(as_list(self.config.get("include")))
        self.collections = set(self.config.get("collections") or []) if isinstance(
            self.config.get("collections"), (dict, list)) else set()
        self.pretty = str(self.config.get("permalink") or "") == "pretty"
        self.data = {}
        for rel in self.all_files:
            if rel.startswith("_data/") and extension_of(rel) in {"yml", "yaml", "json"}:
                key = posixpath.splitext(rel[len("_data/"):])[0].replace("/", ".")
                self.data[key] = self.read_data(rel)
        self.renderer = None  # set in finish(): Liquid needs every page's data first

    def _skipped(self, rel):
        parts = rel.split("/")
        if any(part in self.exclude or rel in self.exclude for part in parts):
            return True
        if rel in self.include:
            return False
        top = parts[0]
        if top.startswith("_") and top not in {"_posts", "_drafts"} and top[1:] not in self.collections:
            return True
        return False

    def is_index(self, rel):
        return posixpath.splitext(posixpath.basename(rel))[0].lower() in {"index"}

    def folder_of(self, rel):
        parts = tuple(posixpath.dirname(rel).split("/")) if "/" in rel else ()
        if parts and parts[0] in {"_posts", "_drafts"}:
            return ("nieuws",)
        if parts and parts[0].startswith("_"):
            return (parts[0][1:], *parts[1:])
        return parts

    _POST_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")

    def read(self, rel):
        # Liquid is rendered in finish(), once every page's front matter (site.pages) is known.
        page = super().read(rel)
        return page

    def transform(self, page, body):
        return body

    def fill(self, page):
        super().fill(page)
        stem = posixpath.splitext(posixpath.basename(page.rel_path))[0]
        match = self._POST_NAME.match(stem)
        if match:
            year, month, day, name = match.groups()
            page.date = page.date or timezone.make_aware(datetime(int(year), int(month), int(day)))
            if not (page.meta.get("slug") or page.meta.get("permalink")):
                page.slug = slugify(name)
            if page.folder == ("nieuws",):
                page.kind = page.kind or "news"
        if page.rel_path.startswith("_drafts/"):
            page.draft = True
        page.cover = page.cover or str(page.meta.get("cover") or "")

    def url_of(self, page):
        permalink = str(page.meta.get("permalink") or "")
        if permalink:
            return "/" + permalink.lstrip("/")
        rel = page.rel_path
        stem = posixpath.splitext(posixpath.basename(rel))[0]
        directory = posixpath.dirname(rel)
        match = self._POST_NAME.match(stem)
        if match and directory.startswith(("_posts", "_drafts")):
            year, month, day, name = match.groups()
            categories = "/".join(as_list(page.meta.get("categories") or page.meta.get("category")))
            return "/" + "/".join(p for p in (categories, year, month, day, name + ".html") if p)
        if directory.startswith("_"):
            directory = directory[1:]
        if stem.lower() == "index":
            return "/" + (directory + "/" if directory else "")
        return "/" + posixpath.join(directory, stem + ("/" if self.pretty else ".html"))

    def routes_of(self, page):
        return [self.url_of(page), "/" + posixpath.splitext(page.rel_path)[0]]

    def finish(self, pages):
        from .liquid import JekyllLiquid

        site_pages = [{**page.meta, "title": page.title, "url": self.url_of(page),
                       "dir": "/" + (posixpath.dirname(self.url_of(page)).strip("/") + "/").lstrip("/"),
                       "name": posixpath.basename(page.rel_path), "path": page.rel_path} for page in pages]
        for item in site_pages:
            item["dir"] = "/" if item["dir"] == "//" else item["dir"]
        site = {**self.config, "pages": [p for p in site_pages if not p["path"].startswith("_")],
                "posts": [p for p in site_pages if p["path"].startswith("_posts/")], "data": self.data,
                "url": self.site_url, "baseurl": ""}
        renderer = JekyllLiquid(self.tree, site)
        for page, item in zip(pages, site_pages, strict=True):
            page.body = renderer.render(page, item)
            heading, rest = take_title(page.body)
            if heading and heading == page.title:
                page.body = rest
        super().finish(pages)

    def folder_info(self, folder):
        if folder == ("nieuws",):
            return {"title": "Nieuws"}
        return {}
