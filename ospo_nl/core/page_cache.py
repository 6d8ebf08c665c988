"""Whole pages for visitors, from the shared cache, until what they show changes.

A visitor (no session cookie) sees only public content, the same for every visitor at the same URL (the URL
names the language: English under /en/, docs/i18n.md), so their GET pages are served from the shared cache
(ospo_nl.core.content_cache; off without one). A page is stored only when nothing in it belongs to one visitor:
status 200, no cookie set, no CSRF token used, no `Cache-Control: private/no-store/no-cache`.
Members never get or fill a cached page.

Every entry carries the versions of the scopes it shows (ospo_nl.core.content_cache): those its view named
with `content_cache.depends_on` (or `shared_page(scopes=...)`), else "any", which every change bumps. One
round trip fetches the entry with the versions of "all" and "any", a second those of its own scopes; a page
from older versions is rendered anew. What bumps them is the verb that changed something (saves and deletes
through the models' registered scopes; `update()` writers call `content_cache.changed` themselves), so a
login, a vote on another casus or a notification read leaves a page where it is.
"""

import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_max_age

from ospo_nl.core import content_cache
from ospo_nl.core.languages import language_of, without_prefix

NOT_CACHED_PREFIXES = ("/admin/", "/account/", "/bench/")  # in either language: /en/admin/ too
FROZEN_HEADERS = ("Content-Type", "Content-Language", "Vary", "X-Frame-Options", "Content-Security-Policy",
                  "Link")
HEADER = "X-Page-Cache"


def _eligible(request):
    return (
        request.method == "GET"
        and content_cache.enabled()
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not without_prefix(request.path).startswith(NOT_CACHED_PREFIXES)
    )


def _key(request):
    where = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(where.encode()).hexdigest()
    return f"page:{language_of(request.path_info)}:{digest}"


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
            return self.get_response(request)

        key = _key(request)
        current, page = content_cache.fresh(key)
        request.page_cacheable = True
        if page is not None:
            status, headers, content = page
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response[HEADER] = "hit"
            return response

        response = self.get_response(request)
        # What the view named (versions read before it loaded anything), else "any" as read above.
        stamps = getattr(request, "content_stamps", None) or {content_cache.ANY: current.get(content_cache.ANY)}
        if _storable(request, response) and request.page_cacheable and None not in stamps.values():
            headers = [(name, response[name]) for name in FROZEN_HEADERS if name in response]
            content_cache.keep(key, stamps, (response.status_code, headers, response.content))
            response[HEADER] = "miss"
        return response
