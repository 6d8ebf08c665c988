"""The kennisbank's own structured data tag, `{% article_json_ld article authors %}`, and its image for og:image,
`{{ article|article_image }}`."""

from django import template

from kennisbank.structured_data import article_image as image_of
from kennisbank.structured_data import article_json_ld as build
from ospo_nl.seo.templatetags.seo import script_html

register = template.Library()


@register.simple_tag
def article_json_ld(article, authors):
    return script_html(build(article, authors))


@register.filter
def article_image(article):
    """The article's own image as an absolute URL, "" when it has none."""
    return image_of(article)
