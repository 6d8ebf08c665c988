"""The language a URL names: English under /en/, Dutch without a prefix (i18n_patterns in ospo_nl.urls)."""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, translate_url
from django.utils.translation import get_language, get_language_from_path, override


def url_state():
    """What a reversed or translated URL depends on besides its own arguments: the active language (i18n_patterns
    resolve and reverse only its prefix), the URLconf and the script prefix. The key of the URLs kept per process."""
    return get_language(), settings.ROOT_URLCONF, get_urlconf(), get_script_prefix()


def translate(url, language):
    """Django's `translate_url` (the path resolved, then reversed in `language`), kept per URL: every page's head
    and header ask it three times, and a search page once per result."""
    return _translated(url, language, *url_state())


@functools.lru_cache(maxsize=4096)
def _translated(url, language, *_state):
    return translate_url(url, language)


def language_of(path):
    """The language the path is in: its prefix's, else Dutch."""
    return get_language_from_path(path) or settings.LANGUAGE_CODE


def without_prefix(path):
    """`path` without its language prefix: /en/forum/ -> /forum/ (Dutch paths have none)."""
    language = language_of(path)
    return path.removeprefix(f"/{language}") if language != settings.LANGUAGE_CODE else path


def stored(url):
    """`url`, a path of this site in the current language, as its Dutch path: what is stored (search entries,
    notifications), so it reads the same whoever's request wrote it."""
    return translate(url, settings.LANGUAGE_CODE)


def localized(url):
    """A stored (Dutch) path of this site as the current language's path; anything else unchanged."""
    language = get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE or not url:
        return url
    with override(settings.LANGUAGE_CODE):  # resolve the Dutch path, then reverse it in `language`
        return translate(url, language)
