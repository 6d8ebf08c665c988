"""Template tags for the <head>: one page title / description / canonical URL reused by the OpenGraph tags,
and schema.org JSON-LD (see ospo_nl.seo.structured_data)."""

import html
import re

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from ospo_nl.core.languages import without_prefix
from ospo_nl.seo import languages
from ospo_nl.seo.structured_data import breadcrumb_list, json_ld

register = template.Library()

META_DESCRIPTION_LENGTH = 160
_BLOCK_END = re.compile(r"</(p|li|h[1-6]|div|blockquote|pre|tr|td|th|dd|dt)>|<br\s*/?>", re.IGNORECASE)


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        # Blocks inside stay overridable: the captured output is already rendered (and escaped) HTML.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token):
    """{% capture as name %}...{% endcapture %}: render once, use the result as {{ name }} several times."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("usage: {% capture as name %}...{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.filter
def plain_text(value, length=META_DESCRIPTION_LENGTH):
    """Rendered HTML as one line of plain text of at most `length` characters (for meta descriptions).

    The result is not marked safe: autoescaping escapes it once when it is output in an attribute.
    """
    spaced = _BLOCK_END.sub(r"\g<0> ", str(value))  # so paragraphs do not run into each other
    text = re.sub(r"\s+", " ", html.unescape(strip_tags(spaced))).strip()
    return Truncator(text).chars(int(length))


@register.simple_tag
def breadcrumb_list_json_ld(crumbs, current=""):
    """BreadcrumbList JSON-LD for the breadcrumb navigation's crumbs ({"label", "url"}, root first), ending with
    `current` (the page itself, without a link) when given. Written by includes/breadcrumbs.html, so every page
    with a breadcrumb has the list, made from the same data."""
    pairs = [(crumb["label"], crumb["url"]) for crumb in crumbs]
    if current:
        pairs.append((current, ""))
    return _script(breadcrumb_list(pairs))


def _script(data):
    return script_html(json_ld(data))


def script_html(escaped_json):
    if not escaped_json:
        return ""
    return mark_safe(f'<script type="application/ld+json">{escaped_json}</script>')


@register.simple_tag
def language_alternates(url):
    """{% language_alternates page_canonical as alternates %}: [(code, absolute URL)] of this page in every
    language (empty where it has only one URL), for hreflang links (ospo_nl.seo.languages)."""
    return languages.alternates(str(url))


@register.simple_tag(takes_context=True)
def language_switch(context):
    """[(code, URL)] of the current page in the other languages, for the header's plain-link switch."""
    path, current = context["request"].get_full_path(), translation.get_language()
    return [(code, languages.switch_url(path, code)) for code, _name in settings.LANGUAGES if code != current]


@register.filter
def og_locale(language_code):
    return languages.OG_LOCALES.get(language_code, language_code)


@register.filter
def language_neutral(path):
    """The path without its language prefix (/en/forum/ -> /forum/), to tell which part of the site it is in."""
    return without_prefix(path)
