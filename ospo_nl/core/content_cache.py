"""Caching of what is the same for everyone with the same view of it (search results per audience,
visitors' pages, members' pages and parts of them), until content changes.

One version number in the shared cache: every cached value carries the version it was made at, and is
used only while that is still the current one; `changed()` bumps it, so nothing stale is served once a
change is saved. It is called by the search index whenever an entry is
written or removed, by every save or delete of a model visitors can see (`connect_signals`), and after
every successful POST of a member (ospo_nl.core.page_cache). It bumps at once and again after the commit, so
a request that read the old rows between the two cannot keep them.

On only with a cache that every process shares (CACHE_URL, Redis): a per-process memory cache could not
tell the other processes that something changed. `CONTENT_CACHE_SECONDS=0` turns it off.
"""

import hashlib
import logging
import secrets
import time

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

VERSION_KEY = "content-version"
WAIT_SECONDS, POLL_SECONDS = 10, 0.02
# The apps whose rows pages show, less the models only their owner sees (written while reading, too).
# (The notifications app is left out whole: only their recipient sees them.)
CONTENT_APPS = {"auth", "taggit", "core", "search", "moderation", "directory", "casussen", "forum", "kennisbank",
                "network"}
PRIVATE_MODELS = {"forum.topicread"}


def enabled():
    return settings.CONTENT_CACHE_SECONDS > 0


def version():
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)  # a fresh start never meets old keys
        current = cache.get(VERSION_KEY)
    return current


def _bump():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def _bump_or_log():
    # The change is saved whatever happens here: a cache that cannot be told only serves older pages until
    # their time is up (CONTENT_CACHE_SECONDS); it must not turn a saved write into an error page.
    try:
        _bump()
    except Exception:
        logger.exception("could not bump the content version")


def changed():
    if enabled():
        _bump_or_log()
        # robust: a failing callback must not keep the ones after it (the notification mail) from running.
        transaction.on_commit(_bump_or_log, robust=True)


def fresh(key):
    """(the current version, the value kept under `key` if it was made at that version, else None).

    One round trip: the version and the entry, which carries the version it was made at (`keep`)."""
    found = cache.get_many([VERSION_KEY, key])
    current = found.get(VERSION_KEY) or version()
    return current, _made_at(found.get(key), current)


def _made_at(entry, current):
    return entry[1] if entry is not None and entry[0] == current else None


def keep(key, made_at, value):
    """Keep `value` under `key` as made at version `made_at` (read before it was computed)."""
    cache.set(key, (made_at, value), settings.CONTENT_CACHE_SECONDS)


def cached(parts, compute):
    """compute(), or its cached value for `parts` (a tuple of plain values) at the current version.

    One process computes a missing value at a time: the others asking for it meanwhile wait for it
    (up to WAIT_SECONDS, then compute it themselves), so a change does not set every worker to the same
    expensive search at once.
    """
    if not enabled():
        return compute()
    key = f"content:{hashlib.sha256(repr(parts).encode()).hexdigest()}"
    current, value = fresh(key)
    if value is not None:
        return value
    lock = f"{key}:{current}:computing"
    if not cache.add(lock, 1, timeout=WAIT_SECONDS):
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
            value = _made_at(cache.get(key), current)
            if value is not None:
                return value
    try:
        value = compute()
        keep(key, current, value)
    finally:
        cache.delete(lock)
    return value


def _on_write(sender, **kwargs):
    if sender._meta.app_label in CONTENT_APPS and sender._meta.label_lower not in PRIVATE_MODELS:
        changed()


def connect_signals():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_write, dispatch_uid=f"content_cache.{id(signal)}")


def shared_page(request, parts, template, context, *, status=200):
    """`template` (extending base.html) rendered with `context()` once for everyone whose view of the page
    `parts` describes, in this language at this URL, until content changes; then given this request's
    own account menu and CSRF token. `parts=None`, or messages waiting to be shown, render it for this
    request alone.

    `parts` must name everything of the viewer the page depends on (roles, own posts and votes, follows):
    the header's account menu (name, notifications, log-out) is the one part rendered per request, and
    each request's own CSRF token replaces the placeholder the shared page's forms carry, so no token is
    ever shared between people.

    The two placeholders are random values drawn for each rendering and kept with it: no text on the page,
    whoever wrote it, can contain them, so only the places this function put them are replaced, and text
    that looks like a placeholder shows as it was written.
    """
    def render_page():
        markers = {"csrf_token": f"csrf-{secrets.token_urlsafe(24)}",
                   "account_menu": f"menu-{secrets.token_urlsafe(24)}"}
        html = render_to_string(template, {**context(), **markers}, request=request)
        return html, markers["csrf_token"], markers["account_menu"]

    if parts is None or get_messages(request):
        html, csrf_marker, menu_marker = render_page()
    else:
        html, csrf_marker, menu_marker = cached(("page", get_language(), request.get_full_path(), *parts), render_page)
    # A visitor's page has no form that needs a token: it stays cacheable whole (ospo_nl.core.page_cache).
    token = get_token(request) if request.user.is_authenticated or csrf_marker in html else None
    menu = render_to_string("includes/account_menu.html", {"user": request.user, "csrf_token": token})
    html = html.replace(menu_marker, menu)
    if token:
        html = html.replace(csrf_marker, token)
    return HttpResponse(html, status=status)

