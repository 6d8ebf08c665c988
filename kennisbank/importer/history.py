"""Who wrote a page, when, and under which licence: from the folder itself, never from around it.

Authors and dates: an explicit `git-metadata.json` in the folder wins; `git log` is used only when the folder is
a repository's own checkout (its top level), so a folder that merely sits inside another checkout does not get
that repository's authors. Licence: `--licence`, else the page's front matter, else `git-metadata.json`, else
`REUSE.toml`, else a LICENSE file (its SPDX id or its text), else SPDX headers in the pages.
"""

import json
import re
import subprocess
import tomllib
from pathlib import Path

from ..licences import licence_from_text, spdx_of
from .files import Refused

LICENCE_FILES = ("LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE", "LICENCE.md", "COPYING", "LICENSES")
SPDX_RE = re.compile(r"SPDX-License-Identifier:\s*([A-Za-z0-9.+-]+)")


def metadata(tree):
    """The folder's `git-metadata.json` as a dict, or {}."""
    if not tree.exists("git-metadata.json"):
        return {}
    try:
        data = json.loads(tree.read_text("git-metadata.json", limit=20 * 1024 * 1024))
    except (Refused, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def history(tree, paths, meta):
    """{source_path: {"authors", "created", "updated", "last_commit"}}."""
    files = meta.get("files")
    if isinstance(files, dict):
        return {path: files[path] for path in paths if isinstance(files.get(path), dict)}
    if is_own_checkout(tree.root):
        return {path: info for path in paths if (info := _git_log(tree.root, path))}
    return {}


def is_own_checkout(root):
    try:
        result = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-toplevel"],
                                capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0 and Path(result.stdout.strip()).resolve() == Path(root).resolve()


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


def repository_url(tree, meta):
    """The web address of the source repository, from git-metadata.json or the checkout's origin."""
    url = str(meta.get("source") or meta.get("repository") or "")
    if not url and is_own_checkout(tree.root):
        result = subprocess.run(["git", "-C", str(tree.root), "remote", "get-url", "origin"],
                                capture_output=True, text=True, timeout=10, check=False)
        url = result.stdout.strip()
        url = re.sub(r"^git@([^:]+):", r"https://\1/", url)
    url = re.sub(r"\.git$", "", url)
    return url if url.startswith(("https://", "http://")) else ""


def folder_licence(tree, meta):
    """The SPDX id of the folder's licence, or "" when the folder does not say."""
    for value in (meta.get("licence"), meta.get("license")):
        if spdx_of(value) or value:
            return spdx_of(value) or str(value)
    if tree.exists("REUSE.toml"):
        try:
            reuse = tomllib.loads(tree.read_text("REUSE.toml"))
        except (Refused, tomllib.TOMLDecodeError):
            reuse = {}
        for annotation in reuse.get("annotations") or []:
            paths = annotation.get("path")
            paths = [paths] if isinstance(paths, str) else (paths or [])
            if any(p in {"**", "**/*", "*", "docs/**"} for p in paths):
                value = annotation.get("SPDX-License-Identifier")
                if value:
                    return spdx_of(value) or str(value)
    for name in LICENCE_FILES:
        if tree.exists(name):
            try:
                text = tree.read_text(name)
            except Refused:
                continue
            match = SPDX_RE.search(text)
            found = (spdx_of(match.group(1)) or match.group(1)) if match else licence_from_text(text)
            if found:
                return found
    return ""


def page_licence(page):
    """A licence the page names itself: front matter, or an SPDX header in the file."""
    if page.licence:
        return spdx_of(page.licence) or page.licence
    match = SPDX_RE.search(page.text[:2000])
    return (spdx_of(match.group(1)) or match.group(1)) if match else ""


COPYRIGHT_RE = re.compile(r"SPDX-FileCopyrightText:\s*(?:(?:©|\(c\)|Copyright)\s*)?(?:\d{4}(?:\s*-\s*\d{4})?,?\s*)*"
                          r"([^<\n,]+?)\s*(?:<[^>]*>)?\s*(?:,\s*https?://\S+)?\s*(?:-->)?\s*$", re.MULTILINE)


def copyright_holder(tree, names):
    """Who holds the copyright, as the folder's REUSE headers say (`SPDX-FileCopyrightText: 2024 Name <mail>`)."""
    for name in names:
        if not tree.exists(name):
            continue
        try:
            match = COPYRIGHT_RE.search(tree.read_text(name)[:4000])
        except Refused:
            continue
        if match and match.group(1).strip():
            return match.group(1).strip()
    return ""
