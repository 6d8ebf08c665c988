"""Caching of what is the same for everyone with the same view of it (search results per audience,
visitors' pages, shared parts of members' pages), until content changes.

One version number in the shared cache: every cached value carries the version it was made at, and is
used only while that is still the current one; `changed()` bumps it, so nothing stale is served once a
change is saved. It is called by the search index whenever an entry is
written or removed, by every save or delete of a model visitors can see (`connect_signals`), and after
every successful POST of a member (ospo_nl.page_cache). It bumps at once and again after the commit, so
a request that read the old rows between the two cannot keep them.

On only with a cache that every process shares (CACHE_URL, Redis): a per-process memory cache could not
tell the other processes that something changed. `CONTENT_CACHE_SECONDS=0` turns it off.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

VERSION_KEY = "content-version"
WAIT_SECONDS, POLL_SECONDS = 10, 0.02
# The apps whose rows pages show, less the models only their owner sees (written while reading, too).
CONTENT_APPS = {"auth", "taggit", "ospo_nl", "directory", "casussen", "forum", "kennisbank"}
PRIVATE_MODELS = {"forum.topicread", "ospo_nl.notification", "ospo_nl.notificationsettings", "ospo_nl.digestrun"}


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


def changed():
    if enabled():
        _bump()
        transaction.on_commit(_bump)


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



CSRF_PLACEHOLDER = "csrf-token-of-this-request"


def render_fragment(template, context, request=None):
    """A template rendered for `shared_fragments`: its forms get a token placeholder. Pass `request` only
    for what every sharer has in common (`{% querystring %}` reads the query string, part of the key)."""
    return render_to_string(template, {**context, "csrf_token": CSRF_PLACEHOLDER}, request=request)


def shared_fragments(request, parts, render):
    """render() (a dict of HTML, made with `render_fragment`) once for everyone whose view of it `parts`
    describes, until content changes; `parts=None` renders it for this request alone.

    `parts` must name everything of the viewer the fragments depend on (roles, own posts and votes):
    they never see the request. Their forms get this request's CSRF token here, in place of the
    placeholder, so no token is ever shared between people.
    """
    fragments = render() if parts is None else cached(("fragments", get_language(), *parts), render)
    token = None
    result = {}
    for name, html in fragments.items():
        if CSRF_PLACEHOLDER in html:
            token = token or get_token(request)
            html = html.replace(CSRF_PLACEHOLDER, token)
        result[name] = mark_safe(html)  # noqa: S308 - our own autoescaped templates and json_ld()
    return result
