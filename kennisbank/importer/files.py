"""Reading an import folder safely: nothing outside it, nothing too large, nothing that is not what it claims.

A repository's author controls every byte and every symbolic link of the folder (git keeps symlinks), so each
path is resolved and checked to lie inside the folder before it is opened, and sizes are checked before reading.
"""

import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..models import IMAGE_EXTENSIONS, MAX_IMAGE_BYTES, _looks_like_an_image

MB = 1024 * 1024
PAGE_SUFFIXES = {".md", ".markdown", ".mdx"}
# Folders no site publishes: tools, dependencies and build output.
IGNORED_DIRS = {"node_modules", "_site", "build", "site", "vendor", "__pycache__", ".docusaurus"}

# Files a page may link to that are imported as downloads, with the first bytes each must start with
# (None: UTF-8 text). Never HTML, SVG, XML or script: media must not serve anything a browser runs.
ZIP = b"PK\x03\x04"
OLE = b"\xd0\xcf\x11\xe0"
ATTACHMENT_SIGNATURES = {
    "pdf": (b"%PDF-",), "odt": (ZIP,), "ods": (ZIP,), "odp": (ZIP,), "odg": (ZIP,), "docx": (ZIP,),
    "xlsx": (ZIP,), "pptx": (ZIP,), "epub": (ZIP,), "zip": (ZIP,), "doc": (OLE,), "xls": (OLE,), "ppt": (OLE,),
    "csv": None, "txt": None,
}
REFUSED_ASSETS = {"svg", "svgz", "html", "htm", "xhtml", "xml", "js", "mjs", "swf"}

SAFE_LINK_SCHEMES = {"http", "https", "mailto", "tel"}
WEB_SCHEMES = {"http", "https"}
# Browsers ignore these inside a scheme ("java\tscript:"), so they are removed before the scheme is read.
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")


@dataclass
class Limits:
    # A page costs the pipeline (Markdown, then bleach) about 20 s per MB; real documentation pages stay far
    # below 100 KB.
    page_bytes: int = MB // 2
    file_bytes: int = 20 * MB  # an attachment; images keep the model's 5 MB
    import_bytes: int = 200 * MB


class Refused(Exception):
    """Something the import will not take; the message says what and why (shown with the file and line)."""


class ImportTooLarge(Refused):
    """The folder as a whole is over the limit: the import stops."""


def scheme_of(url):
    """The scheme a browser would read from `url` ("javascript" for " JaVa\\tScRiPt:x"), or ""."""
    cleaned = _IGNORED_IN_SCHEME.sub("", unquote(str(url or "")))
    match = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", cleaned)
    if not match:
        return ""
    # "C:\\x" and "page:2" style values are not URLs a browser would open with a scheme handler either way.
    return match.group(1).lower()


def check_link(url):
    """Refuse a link a page may not carry: any scheme other than http(s), mailto and tel."""
    scheme = scheme_of(url)
    if scheme and scheme not in SAFE_LINK_SCHEMES:
        raise Refused(f"link with a {scheme}: address is not allowed ({_short(url)})")


def check_web_url(url):
    """Refuse a front-matter address that is not http(s) or a relative path (a cover image, a source link)."""
    scheme = scheme_of(url)
    if scheme and scheme not in WEB_SCHEMES:
        raise Refused(f"{scheme}: address is not allowed, only http(s) or a path in the folder ({_short(url)})")


URL_KEYS = {"image", "cover", "image_source", "link", "url", "source_url", "custom_edit_url", "canonical",
            "canonical_url", "thumbnail", "banner", "og_image", "header_image"}
DANGEROUS_SCHEMES = {"javascript", "vbscript", "data", "file", "blob"}


def check_front_matter(meta, path=()):
    """Every string in the front matter: addresses must be http(s) or relative; nothing may be a script URL."""
    if isinstance(meta, dict):
        for key, value in meta.items():
            check_front_matter(value, (*path, str(key)))
    elif isinstance(meta, list):
        for value in meta:
            check_front_matter(value, path)
    elif isinstance(meta, str):
        where = ".".join(path) or "value"
        try:
            if path and path[-1].lower() in URL_KEYS:
                check_web_url(meta)
            elif scheme_of(meta) in DANGEROUS_SCHEMES:
                raise Refused(f"{scheme_of(meta)}: address is not allowed ({_short(meta)})")
        except Refused as exc:
            raise Refused(f"front matter {where}: {exc}") from None


def _short(text, length=60):
    text = str(text)
    return text if len(text) <= length else text[: length - 1] + "…"


def extension_of(rel):
    return posixpath.splitext(rel)[1].lower().lstrip(".")


class SourceTree:
    """The import folder: lists its files and opens them, never outside it and never over the limits."""

    def __init__(self, root, *, limits=None, exclude=()):
        self.root = Path(root).resolve()
        self.limits = limits or Limits()
        self.exclude = [pattern.strip("/") for pattern in exclude]
        self.read_total = 0
        self.refused = []  # (path, message) found while listing

    def inside(self, path):
        return path == self.root or path.is_relative_to(self.root)

    def files(self):
        """Every regular file's path relative to the folder (posix), sorted; links out of it are refused."""
        out = []
        for dirpath, dirnames, filenames in os.walk(self.root, followlinks=False):
            here = Path(dirpath)
            rel_dir = here.relative_to(self.root)
            keep = []
            for name in sorted(dirnames):
                full = here / name
                rel = (rel_dir / name).as_posix()
                if name.startswith(".") or name in IGNORED_DIRS or self._excluded(rel):
                    continue
                if full.is_symlink():
                    if not self.inside(full.resolve()):
                        self.refused.append((rel, "symbolic link to a folder outside the import folder"))
                    continue  # inside: its files are listed under their own path
                keep.append(name)
            dirnames[:] = keep
            for name in sorted(filenames):
                rel = (rel_dir / name).as_posix()
                if name.startswith(".") or self._excluded(rel):
                    continue
                full = here / name
                if full.is_symlink():
                    target = full.resolve()
                    if not self.inside(target):
                        self.refused.append((rel, "symbolic link to a file outside the import folder"))
                        continue
                    if not target.is_file():
                        continue
                out.append(rel)
        return out

    def _excluded(self, rel):
        return any(rel == pattern or rel.startswith(pattern + "/") or Path(rel).match(pattern)
                   for pattern in self.exclude)

    def resolve(self, rel):
        """The real path of `rel` (relative to the folder), or Refused when it leaves the folder."""
        norm = posixpath.normpath(str(rel).replace("\\", "/"))
        if norm == ".." or norm.startswith("../") or posixpath.isabs(norm):
            raise Refused(f"path leaves the import folder ({_short(rel)})")
        full = self.root / norm
        real = full.resolve()
        if not self.inside(real):
            raise Refused(f"symbolic link out of the import folder ({_short(rel)})")
        return real

    def exists(self, rel):
        try:
            return self.resolve(rel).is_file()
        except Refused:
            return False

    def is_dir(self, rel):
        try:
            return self.resolve(rel).is_dir()
        except Refused:
            return False

    def read_bytes(self, rel, *, limit):
        path = self.resolve(rel)
        size = path.stat().st_size
        if size > limit:
            raise Refused(f"file is {size / MB:.1f} MB, over the limit of {limit / MB:.1f} MB")
        if self.read_total + size > self.limits.import_bytes:
            raise ImportTooLarge(
                f"the folder is over the import limit of {self.limits.import_bytes / MB:.0f} MB; nothing imported")
        self.read_total += size
        return path.read_bytes()

    def read_text(self, rel, *, limit=None):
        """A text file as str; binary content and other encodings are refused with the reason."""
        data = self.read_bytes(rel, limit=limit or self.limits.page_bytes)
        if b"\x00" in data[:65536]:
            raise Refused("binary file, not text")
        try:
            return data.decode("utf-8").lstrip("\ufeff")
        except UnicodeDecodeError as exc:
            raise Refused(f"not UTF-8 text (byte {exc.start})") from exc

    def read_asset(self, rel):
        """(bytes, kind) of an image or attachment a page links to, checked by its content, not only its name."""
        ext = extension_of(rel)
        if ext in REFUSED_ASSETS:
            if ext in {"svg", "svgz"}:
                raise Refused("SVG images are not imported: they can carry script (convert it to PNG)")
            raise Refused(f".{ext} files are not imported: a browser would run them")
        if ext in IMAGE_EXTENSIONS:
            data = self.read_bytes(rel, limit=MAX_IMAGE_BYTES)
            if not _looks_like_an_image(data[:12]):
                raise Refused(f"not a {ext.upper()} image (its content does not match)")
            return data, "image"
        if ext in ATTACHMENT_SIGNATURES:
            data = self.read_bytes(rel, limit=self.limits.file_bytes)
            signatures = ATTACHMENT_SIGNATURES[ext]
            if signatures is None:
                if b"\x00" in data[:65536]:
                    raise Refused(f"not a .{ext} text file (binary content)")
            elif not data.startswith(signatures):
                raise Refused(f"not a .{ext} file (its content does not match)")
            return data, "attachment"
        raise Refused(f".{ext or '(none)'} files are not imported")


def is_asset_name(rel):
    ext = extension_of(rel)
    return ext in IMAGE_EXTENSIONS or ext in ATTACHMENT_SIGNATURES or ext in REFUSED_ASSETS


def url_path(target):
    """The path part of a link target, percent-decoded (`./mijn%20plan.md#stap` -> `./mijn plan.md`)."""
    return unquote(urlsplit(target).path)
