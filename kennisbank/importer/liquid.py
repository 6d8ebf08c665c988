"""Jekyll's Liquid, rendered with python-liquid where it is data: `site.*` and `page.*` (the site's config,
every page's front matter, `_data/`), `{% include %}` from `_includes/` and `{% include_relative %}`, both only
inside the import folder. What cannot be resolved (a plugin's tag, an unknown variable) is reported with its
line and left out, never shown as `{%` or `{{` on the page.
"""

import posixpath
import re

from liquid import Environment, Undefined
from liquid.exceptions import LiquidError
from liquid.loader import BaseLoader, TemplateSource

from .files import Refused

# Jekyll writes `{% include file.html key=value %}`; Liquid wants a quoted name.
_JEKYLL_INCLUDE = re.compile(r"\{%-?\s*include(_relative)?\s+([^\s%\"']+)(.*?)-?%\}")
_HIGHLIGHT = re.compile(r"\{%-?\s*highlight\s+(\w+)[^%]*%\}(.*?)\{%-?\s*endhighlight\s*-?%\}", re.DOTALL)
_LINK_TAG = re.compile(r"\{%-?\s*(link|post_url)\s+([^\s%]+)\s*-?%\}")
_LEFTOVER = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)
RELATIVE = "relative:"


class _Loader(BaseLoader):
    def __init__(self, tree):
        self.tree = tree

    def get_source(self, env, template_name, *, context=None, **kwargs):
        if template_name.startswith(RELATIVE):
            rel = template_name[len(RELATIVE):]
        else:
            rel = posixpath.join("_includes", template_name)
        try:
            text = self.tree.read_text(rel)
        except (Refused, OSError) as exc:
            raise LiquidError(f"include {template_name}: {exc}", token=None) from exc
        text = re.sub(r"<!--\s*SPDX-[^>]*-->\s*", "", text)
        return TemplateSource(text=_jekyll_to_liquid(text, posixpath.dirname(rel)), name=template_name,
                              uptodate=None)


def _jekyll_to_liquid(text, directory):
    def include(match):
        relative, name, rest = match.groups()
        target = RELATIVE + posixpath.normpath(posixpath.join(directory, name)) if relative else name
        rest = re.sub(r"(\w+)=", r"\1: ", rest.strip()).replace(" ", ", ", rest.count("=") - 1) if "=" in rest else ""
        return "{% include '" + target + "'" + (", " + rest if rest else "") + " %}"

    text = _HIGHLIGHT.sub(lambda m: f"{{% raw %}}\n```{m.group(1)}\n{m.group(2).strip()}\n```\n{{% endraw %}}", text)
    text = _LINK_TAG.sub(lambda m: "/" + (m.group(2) if m.group(1) == "link"
                                          else f"_posts/{m.group(2)}.md").lstrip("/"), text)
    return _JEKYLL_INCLUDE.sub(include, text)


class _Reporting(Undefined):
    """An unknown variable renders as nothing and is remembered for the report."""

    seen: list = []

    def __str__(self):
        _Reporting.seen.append(self.name)
        return ""


class _Environment(Environment):
    # Untrusted templates: bounded work and output.
    loop_iteration_limit = 100_000
    output_stream_limit = 2_000_000
    context_depth_limit = 20


def jekyll_sort(value, key=None, nils="first"):
    """Jekyll's `sort`: by a property, pages without it first (or last), mixed types without an error."""
    items = list(value or [])

    def sort_key(item):
        found = item.get(key) if key and isinstance(item, dict) else (None if key else item)
        missing = found is None or found == ""
        rank = (0 if nils == "first" else 2) if missing else 1
        return (rank, isinstance(found, str), found if not missing else 0)

    return sorted(items, key=sort_key)


class JekyllLiquid:
    def __init__(self, tree, site):
        self.tree, self.site = tree, site
        self.env = _Environment(loader=_Loader(tree), undefined=_Reporting)
        self.env.filters["relative_url"] = lambda value: str(value or "")
        self.env.filters["absolute_url"] = lambda value: str(value or "")
        self.env.filters["markdownify"] = lambda value: str(value or "")
        self.env.filters["jsonify"] = lambda value: str(value)
        self.env.filters["sort"] = jekyll_sort

    def render(self, page, item):
        if "{%" not in page.body and "{{" not in page.body:
            return page.body
        source = _jekyll_to_liquid(page.body, posixpath.dirname(page.rel_path))
        _Reporting.seen = []
        try:
            out = self.env.from_string(source).render(site=self.site, page=item)
        except LiquidError as exc:
            message = str(exc).splitlines()[0]
            for match in _LEFTOVER.finditer(page.body):
                page.notes.append(("liquid", f"line {page.line_of(match.group(0)) or '?'}: "
                                             f"{match.group(0)[:60]} not resolved ({message})"))
            return _LEFTOVER.sub("", page.body)
        for name in dict.fromkeys(_Reporting.seen):
            page.notes.append(("liquid", f"{{{{ {name} }}}} has no value in the site's data"))
        return out
