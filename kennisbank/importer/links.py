"""Every link and image of an imported page pointed at the site: pages to articles (with their heading anchor),
folders to sections, images and attachments to media; unsafe links refused, what stays broken reported."""

import hashlib
import posixpath
import re
from urllib.parse import urlsplit

from django.core.files.storage import default_storage
from django.utils.text import slugify

from .files import PAGE_SUFFIXES, Refused, check_link, extension_of, is_asset_name, scheme_of, url_path
from .pages import map_prose
from .sites import route_key

MEDIA_FOLDER = "kennisbank/import"
# [label](target "title"), where the label may hold one level of brackets: [![alt](img)](link).
# The address may hold balanced parentheses, as CommonMark allows: (javascript:alert(1)).
LINK_RE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*(<[^>]*>|(?:[^()\s]|\([^()\s]*\))*)"
                     r"(\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
REFERENCE_RE = re.compile(r"^( {0,3}\[(?!\^)[^\]]+\]:[ \t]*)(<[^>]*>|\S+)(.*)$", re.MULTILINE)
HTML_ATTR_RE = re.compile(r"(<[a-zA-Z][^>]*?\s(?:src|href|srcset|poster|action|formaction|xlink:href|data)\s*=\s*)"
                          r"(?:([\"'])(.*?)\2|([^\s>]+))", re.IGNORECASE | re.DOTALL)
AUTOLINK_RE = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")
INLINE_CODE_RE = re.compile(r"(`+)(.+?)\1", re.DOTALL)


def media_name(data, rel):
    stem, ext = posixpath.splitext(posixpath.basename(rel))
    return f"{MEDIA_FOLDER}/{hashlib.sha256(data).hexdigest()[:12]}-{slugify(stem)[:60] or 'bestand'}{ext.lower()}"


class Linker:
    """Rewrites the links of one import; files to store are kept until the import is known to go through."""

    def __init__(self, *, tree, site, pages, page_urls, folder_urls, report, original=None):
        self.tree, self.site, self.report = tree, site, report
        # rel path -> the address of a file the import does not take (an HTML page, LICENSE) at its source.
        self.original = original or (lambda rel: "")
        self.page_urls, self.folder_urls = page_urls, folder_urls  # rel path / folder dir -> site URL
        self.routes = {}
        for page in pages:
            for route in page.routes:
                self.routes.setdefault(route, page_urls[page.rel_path])
        self.files_to_store = {}  # media name -> bytes
        self.assets = {}  # rel -> media URL (each file read once)
        self.images = set()
        self.media_names = {}  # media URL -> storage name (a cover image is a file field)

    # -- one target ------------------------------------------------------------------------------------
    def rewrite(self, page, target, *, image=False):
        """The site's address for `target` on `page`; raises Refused for what may not be imported."""
        raw = target.strip()
        if raw.startswith("<") and raw.endswith(">"):
            raw = raw[1:-1]
        if not raw or raw.startswith("#"):
            return raw
        check_link(raw)
        if scheme_of(raw) or raw.startswith("//"):
            return raw
        path, fragment = url_path(raw), (f"#{urlsplit(raw).fragment}" if urlsplit(raw).fragment else "")
        if not path:
            return raw
        if path.startswith("/"):
            found = self._absolute(path, image=image)
        else:
            found = self._relative(page, path, image=image)
        if found is None:
            self.report.broken_link(page, target)
            return raw
        return found + ("" if found in self.media_names else fragment)

    def _relative(self, page, path, *, image):
        folder = posixpath.dirname(page.rel_path)
        stem = posixpath.splitext(posixpath.basename(page.rel_path))[0]
        # Relative to the file, or (MkDocs' directory URLs, Docusaurus' routes) to the page's own URL.
        bases = [folder, posixpath.join(folder, stem)]
        for base in bases:
            candidate = posixpath.normpath(posixpath.join(base, path))
            if candidate == ".." or candidate.startswith("../"):
                if base is bases[0]:
                    raise Refused(f"link leaves the import folder ({path})")
                continue
            found = self._file(candidate, image=image, as_link=path)
            if found:
                return found
        # A page's route written relative to another route (Docusaurus: `../intro` from /docs/a/b).
        for route in page.routes[:1]:
            for base in (posixpath.dirname(route), route):
                found = self.routes.get(route_key(posixpath.normpath(posixpath.join(base, path))))
                if found:
                    return found
        return None

    def _absolute(self, path, *, image):
        found = self.routes.get(route_key(path))
        if found and not image:
            return found
        for root in self.site.static_roots:
            candidate = posixpath.normpath(posixpath.join(root, path.lstrip("/")))
            found = self._file(candidate, image=image, as_link=path)
            if found:
                return found
        return self.routes.get(route_key(path))

    def _file(self, rel, *, image, as_link):
        rel = rel.rstrip("/") or "."
        if rel in self.page_urls:
            return self.page_urls[rel]
        if not image:
            for suffix in PAGE_SUFFIXES:
                if rel + suffix in self.page_urls:
                    return self.page_urls[rel + suffix]
            for name in ("index.md", "README.md", "index.mdx", "readme.md"):
                if posixpath.join(rel, name) in self.page_urls:
                    return self.page_urls[posixpath.join(rel, name)]
            if rel in self.folder_urls:
                return self.folder_urls[rel]
            if rel == "." and "" in self.folder_urls:
                return self.folder_urls[""]
        if not self.tree.exists(rel):
            return None
        if not image and (not is_asset_name(rel) or extension_of(rel) in {"html", "htm"}):
            # A file of the source site that is no article (an HTML page, LICENSE): linked where it lives.
            original = self.original(rel)
            if original:
                self.report.notes.append((self.page.rel_path, self.page.line_of(as_link),
                                          f"{as_link}: not imported, linked at the source: {original}"))
            return original or None
        if not is_asset_name(rel):
            return None
        return self._store(rel)  # refuses SVG, script, a wrong signature, a size over the limit

    def _store(self, rel):
        if rel not in self.assets:
            data, kind = self.tree.read_asset(rel)
            name = media_name(data, rel)
            self.files_to_store[name] = data
            self.assets[rel] = default_storage.url(name)
            self.media_names[self.assets[rel]] = name
            if kind == "image":
                self.images.add(rel)
        return self.assets[rel]

    # -- a whole page ----------------------------------------------------------------------------------
    def apply(self, page):
        self.page = page
        def attempt(target, *, image, fallback):
            try:
                return self.rewrite(page, target, image=image)
            except Refused as exc:
                page.refused.append((page.line_of(target), str(exc)))
                return fallback

        def markdown_link(match):
            bang, label, target, title = match.groups()
            label = LINK_RE.sub(markdown_link, label)  # an image inside the link's label
            new = attempt(target, image=bool(bang), fallback=None)
            if new is None:  # refused: keep the words, not the address
                return label
            return f"{bang}[{label}]({new}{title or ''})"

        def reference(match):
            new = attempt(match.group(2), image=False, fallback=None)
            return f"{match.group(1)}{new}{match.group(3)}" if new is not None else ""

        def html_attr(match):
            quote = match.group(2) or '"'
            value = match.group(3) if match.group(3) is not None else match.group(4)
            is_image = bool(re.match(r"<(img|source|video|audio)\b", match.group(1), re.IGNORECASE))
            new = attempt(value, image=is_image, fallback="")
            return f"{match.group(1)}{quote}{new}{quote}"

        def autolink(match):
            attempt(match.group(1), image=False, fallback="")
            return match.group(0) if not scheme_of(match.group(1)) or scheme_of(match.group(1)) in {
                "http", "https", "mailto", "tel"} else ""

        def prose(chunk):
            # Inline code keeps its text: `[x](y)` there is an example, not a link.
            codes = []

            def hide(match):
                codes.append(match.group(0))
                return f"\x00{len(codes) - 1}\x00"

            chunk = INLINE_CODE_RE.sub(hide, chunk)
            chunk = LINK_RE.sub(markdown_link, chunk)
            chunk = REFERENCE_RE.sub(reference, chunk)
            chunk = HTML_ATTR_RE.sub(html_attr, chunk)
            chunk = AUTOLINK_RE.sub(autolink, chunk)
            return re.sub(r"\x00(\d+)\x00", lambda m: codes[int(m.group(1))], chunk)

        page.body = map_prose(page.body, prose)
        if page.cover and not scheme_of(page.cover) and not page.cover.startswith("//"):
            try:
                page.cover = self.rewrite(page, page.cover, image=True) if page.cover else ""
            except Refused as exc:
                page.refused.append((page.line_of(page.cover), f"cover image: {exc}"))
                page.cover = ""
        return page
