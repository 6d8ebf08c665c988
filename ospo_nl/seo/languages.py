"""Every page in both languages: Dutch at its plain URL, English under /en/ (i18n_patterns in ospo_nl.urls).

The URL alone decides the language, so one URL always shows one language to everyone, search engines included
(docs/i18n.md). These helpers name the same page in the other languages, for the head's hreflang links and the
header's language switch.
"""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.urls import translate_url as django_translate_url
from django.utils import translation

OG_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def translate_url(url, language):
    """Django's `translate_url` (the path resolved, then reversed in `language`), kept per URL: every page's head and
    header ask it three times (a resolve and a reverse each, about 0.5 ms of every rendering)."""
    return _translated(url, language, translation.get_language(), settings.ROOT_URLCONF, get_urlconf(),
                       get_script_prefix())


@functools.lru_cache(maxsize=4096)
def _translated(url, language, *_depends):
    # The key also holds what the answer depends on besides the URL: the active language (i18n_patterns resolve
    # only its own prefix), the URLconf and the script prefix.
    return django_translate_url(url, language)


def alternates(url):
    """[(language code, URL)] of the page at `url` (a path or an absolute URL in the current language) in every
    language, in settings.LANGUAGES order, then ("x-default", the Dutch URL); empty where the page has one URL for
    all languages or none at all."""
    urls = [(code, translate_url(url, code)) for code, _name in settings.LANGUAGES]
    if len({translated for _code, translated in urls}) < len(urls):
        return []
    return [*urls, ("x-default", dict(urls)[settings.LANGUAGE_CODE])]


def switch_url(path, language):
    """The page at `path` in `language`; that language's home page where this page has no other version."""
    translated = translate_url(path, language)
    if translated == path and language != translation.get_language():
        with translation.override(language):
            return reverse("home")
    return translated

