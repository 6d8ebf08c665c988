"""schema.org Article for a published kennisbank article (drafts never reach structured data)."""

from ospo_nl.core.templatetags.ospo import member_name
from ospo_nl.seo.structured_data import LICENCE_URL, absolute_url, default_image, json_ld, person, publisher


def article_json_ld(article, authors):
    """JSON-LD for `article` written by the member `authors` (plus its imported author names), or "" for a draft."""
    if not article.is_published:
        return ""
    names = [str(member_name(user)) for user in authors] + article.author_name_list
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title[:110],
        "author": [person(name) for name in names] or [publisher()],
        "datePublished": article.published_at.isoformat(),
        "dateModified": max(article.content_updated_at, article.published_at).isoformat(),
        "license": LICENCE_URL,
        "publisher": publisher(),
        "inLanguage": article.language,
        "url": absolute_url(article.get_absolute_url()),
        "mainEntityOfPage": absolute_url(article.get_absolute_url()),
    }
    if article.summary:
        data["description"] = article.summary
    data["image"] = [article_image(article) or default_image()]
    return json_ld(data)


def article_image(article):
    """The absolute URL of the article's own image (uploaded, or imported from a public https address), or ""."""
    image = article.image.url if article.image else article.image_source
    if image and (image.startswith("/") or image.startswith("https://")):
        return absolute_url(image)
    return ""
