"""Every page in both languages: Dutch at its plain URL, English under /en/ (i18n_patterns in ospo_nl.urls).

The URL alone decides the language, so one URL always shows one language to everyone, search engines included
(docs/i18n.md). These helpers name the same page in the other languages, for the head's hreflang links and the
header's language switch.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from ospo_nl.core.languages import translate

OG_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def alternates(url):
    """[(language code, URL)] of the page at `url` (a path or an absolute URL in the current language) in every
    language, in settings.LANGUAGES order, then ("x-default", the Dutch URL); empty where the page has one URL for
    all languages or none at all."""
    urls = [(code, translate(url, code)) for code, _name in settings.LANGUAGES]
    if len({translated for _code, translated in urls}) < len(urls):
        return []
    return [*urls, ("x-default", dict(urls)[settings.LANGUAGE_CODE])]


def switch_url(path, language):
    """The page at `path` in `language`; that language's home page where this page has no other version."""
    translated = translate(path, language)
    if translated == path and language != translation.get_language():
        with translation.override(language):
            return reverse("home")
    return translated

