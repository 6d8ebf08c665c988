"""Whole pages for visitors, from the shared cache, until any content changes.

A visitor (no session cookie) sees only public content, the same for every visitor in the same language,
so their GET pages are served from the shared cache (ospo_nl.core.content_cache; off without one). A page is
stored only when nothing in it belongs to one visitor: status 200, no cookie set, no CSRF token used,
no `Cache-Control: private/no-store/no-cache`. Members never get or fill a cached page.

Every entry carries the content version it was rendered at; one cache round trip fetches it with the
current version, and a page from an older version is rendered anew. The version is bumped by every save
or delete of content (content_cache.connect_signals) and after every successful POST of a member (this middleware:
votes, claims and moderation change rows with `update()`, which sends no signal).
"""

import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_max_age
from django.utils.translation import get_language_from_request

from ospo_nl.core import content_cache

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}
NOT_CACHED_PREFIXES = ("/admin/", "/account/", "/bench/")
FROZEN_HEADERS = ("Content-Type", "Content-Language", "Vary", "X-Frame-Options", "Content-Security-Policy",
                  "Link")
HEADER = "X-Page-Cache"


def _eligible(request):
    return (
        request.method == "GET"
        and content_cache.enabled()
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.path.startswith(NOT_CACHED_PREFIXES)
    )


def _key(request):
    where = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(where.encode()).hexdigest()
    return f"page:{get_language_from_request(request)}:{digest}"


def _storable(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page carries a CSRF token
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        and get_max_age(response) != 0
    )


class VisitorPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _eligible(request):
            response = self.get_response(request)
            user = getattr(request, "user", None)
            if request.method not in SAFE_METHODS and response.status_code < 400 and user and user.is_authenticated:
                content_cache.changed()  # whatever a member's POST changed, visitors' pages may show it
            return response

        key = _key(request)
        version, page = content_cache.fresh(key)
        if page is not None:
            status, headers, content = page
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response[HEADER] = "hit"
            return response

        response = self.get_response(request)
        if _storable(request, response):
            headers = [(name, response[name]) for name in FROZEN_HEADERS if name in response]
            content_cache.keep(key, version, (response.status_code, headers, response.content))
            response[HEADER] = "miss"
        return response
