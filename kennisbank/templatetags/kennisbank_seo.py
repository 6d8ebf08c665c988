"""The kennisbank's own structured data tag: `{% article_json_ld article authors %}`."""

from django import template

from kennisbank.structured_data import article_json_ld as build
from ospo_nl.seo.templatetags.seo import script_html

register = template.Library()


@register.simple_tag
def article_json_ld(article, authors):
    return script_html(build(article, authors))
