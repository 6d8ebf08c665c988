"""Caching of what is the same for everyone with the same view of it (search results per audience,
visitors' pages, members' pages and parts of them), until what it shows changes.

Versions per scope, not one for the site. A scope names a part of the content: "casus:12" (everything on
the page of casus 12), "casussen" (the casus rows: titles, status, visibility), "casussen-activity" (their
answers, comments and votes), "forum", "topic:3", "kennisbank", "search"... Every cached value is kept with
the versions of the scopes it depends on, and used only while they are all still current:

- `cached(parts, compute, scopes=(...))` and `shared_page(..., scopes=(...))` name what they show;
  `depends_on(request, *scopes)` does so for a visitor's whole page (ospo_nl.core.page_cache).
- `changed(*scopes)` bumps those scopes. Saves and deletes bump their model's `cache_scopes()` (or the
  scopes its app registered with `register_app`); verbs that write with `update()` (pinning, moving,
  promoting from a waiting list) call `changed()` themselves with what they change.
- Two scopes are always there: "all", which `changed()` without scopes bumps (a write nobody described:
  every cached value goes), and "any", which every change bumps. A value that names no scopes depends on
  "any" alone, so it is never stale, only short-lived.
- Writes no page shows change nothing: a login's `last_login`, notifications, sessions, read marks.

A bump happens at once and again after the commit, so a request that read the old rows between the two
cannot keep them. Values are kept per *generation* of the code (`generation()`): after a deploy that changed
what a value holds, or the templates that render it, no process reads a value the other code wrote. On only
with a cache that every process shares (CACHE_URL, Redis): a per-process memory cache could not tell the other
processes that something changed. `CONTENT_CACHE_SECONDS=0` turns it off.
"""

import functools
import hashlib
import logging
import secrets
import time
from pathlib import Path

import django
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

ALL, ANY = "all", "any"
SHARED_HEADER = "X-Shared-Page"  # hit: this member's page came from the shared rendering (make bench counts them)
# A worker waiting for another's rendering looks every 5 ms (one round trip): at 20 ms it sat idle ~10 ms per wait.
WAIT_SECONDS, POLL_SECONDS = 10, 0.005
# The apps whose rows pages show, less the models only their owner sees (written while reading, too).
# (The notifications app is left out whole: only their recipient sees them.)
CONTENT_APPS = {"auth", "taggit", "core", "search", "moderation", "directory", "casussen", "forum", "kennisbank",
                "network"}
PRIVATE_MODELS = {"forum.topicread"}
# A user row written only for these fields shows on no page (a login, a new password).
PRIVATE_USER_FIELDS = {"last_login", "password"}
# What a save or delete of a row changes: the model's own `cache_scopes()` method if it has one, else its
# app's scopes registered here (`register_app`, from the app's `ready()`). A model of CONTENT_APPS with
# neither changes everything ("all").
APP_SCOPES = {}


def register_app(app_label, scopes):
    """Saves and deletes of `app_label`'s models without a `cache_scopes()` of their own change `scopes`."""
    APP_SCOPES[app_label] = tuple(scopes)


def tag_scope(tag_id):
    """Things tagged `tag_id`: bumped when a tagging with it is added or removed, and by the rows of models that
    name it for their tags (casussen.models.Casus.cache_scopes), so a tag's page does not go with every row."""
    return f"tag:{tag_id}"


def enabled():
    return settings.CONTENT_CACHE_SECONDS > 0


def _key_of(scope):
    return f"cv:{scope}"


def versions(scopes):
    """{scope: its current version}, in one round trip (a scope never bumped starts at a fresh number)."""
    keys = {_key_of(scope): scope for scope in scopes}
    found = cache.get_many(list(keys))
    missing = [key for key in keys if key not in found]
    for key in missing:
        cache.add(key, time.time_ns(), timeout=None)  # a fresh start never meets old keys
    if missing:
        found.update(cache.get_many(missing))
    return {keys[key]: value for key, value in found.items()}


def _bump(scope):
    try:
        cache.incr(_key_of(scope))
    except ValueError:
        cache.set(_key_of(scope), time.time_ns(), timeout=None)


def _bump_or_log(scopes):
    # The change is saved whatever happens here: a cache that cannot be told only serves older pages until
    # their time is up (CONTENT_CACHE_SECONDS); it must not turn a saved write into an error page.
    try:
        if hasattr(cache, "bump_many"):  # ospo_nl.cache.RedisCache: every scope in one round trip
            cache.bump_many([_key_of(scope) for scope in scopes], time.time_ns())
        else:
            for scope in scopes:
                _bump(scope)
    except Exception:
        logger.exception("could not bump the content versions %s", scopes)


def changed(*scopes):
    """What a write changed: these scopes, or with none named, everything."""
    if enabled():
        bumped = (*dict.fromkeys(scopes or (ALL,)), ANY)
        _bump_or_log(bumped)
        # robust: a failing callback must not keep the ones after it (the notification mail) from running.
        transaction.on_commit(lambda: _bump_or_log(bumped), robust=True)


def _depends(scopes):
    return (*dict.fromkeys(scopes), ALL) if scopes else (ANY,)


# The code that makes and reads the cached values: the project's packages and templates.
SOURCE_FOLDERS = ("ospo_nl", "directory", "casussen", "forum", "kennisbank", "network", "templates")


@functools.cache
def generation():
    """Which code the cached values belong to: `CONTENT_CACHE_GENERATION` if set (a release name), else a hash
    of the project's Python files and templates and Django's version (about 20 ms, once per process). Two web
    servers running the same code share their values; a deploy that changes anything starts afresh."""
    if explicit := getattr(settings, "CONTENT_CACHE_GENERATION", ""):
        return explicit
    base, digest = Path(settings.BASE_DIR), hashlib.sha256(django.get_version().encode())
    for folder in SOURCE_FOLDERS:
        for path in sorted((base / folder).rglob("*")):
            if path.suffix in (".py", ".html") and ".venv" not in path.parts:
                digest.update(path.relative_to(base).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _entry_key(key):
    return f"content:{generation()}:{key}"


def _hashed(parts):
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _is_current(stamps, current):
    """Whether a value kept with `stamps` ({scope: version}) still holds at the `current` versions."""
    return all(current.get(scope) == version for scope, version in stamps.items())


def fresh(key, scopes=None):
    """(the current versions of what `key`'s value depends on, the value if it is still current, else None).

    With `scopes` known (a fragment) it is one round trip. With `scopes=None` (a whole page, whose scopes are
    kept with it) the entry comes first, with "all" and "any", then the versions of its own scopes.
    """
    depends = _depends(scopes) if scopes is not None else (ALL, ANY)
    entry_key = _entry_key(key)
    found = cache.get_many([entry_key, *(_key_of(s) for s in depends)])
    entry = found.pop(entry_key, None)
    current = {s: found[_key_of(s)] for s in depends if _key_of(s) in found}
    wanted = [s for s in depends if s not in current]
    if entry is not None and scopes is None:
        wanted += [s for s in entry[0] if s not in current and s not in wanted]
    if wanted:
        current.update(versions(wanted))
    if entry is None:
        return current, None
    stamps, value = entry
    return current, (value if _is_current(stamps, current) else None)


def keep(key, stamps, value):
    """Keep `value` under `key` with `stamps` ({scope: version}, read before it was computed)."""
    cache.set(_entry_key(key), (stamps, value), settings.CONTENT_CACHE_SECONDS)


def stamps_for(current, scopes):
    """The versions from `current` that a value depending on `scopes` (None: nothing named) is kept with;
    None when a version cannot be read (the cache is down): then the value is not kept."""
    depends = _depends(scopes)
    missing = [s for s in depends if s not in current]
    if missing:
        current = {**current, **versions(missing)}
    if any(current.get(scope) is None for scope in depends):
        return None
    return {scope: current[scope] for scope in depends}


def cached(parts, compute, *, scopes=()):
    """compute(), or its cached value for `parts` (a tuple of plain values) while `scopes` are unchanged
    (no scopes: while nothing changed anywhere).

    One process computes a missing value at a time: the others asking for it meanwhile wait for it
    (up to WAIT_SECONDS, then compute it themselves), so a change does not set every worker to the same
    expensive search at once.
    """
    if not enabled():
        return compute()
    key = _hashed(parts)
    current, value = fresh(key, scopes)
    if value is not None:
        return value
    stamps = stamps_for(current, scopes)
    if stamps is None:
        return compute()
    lock = _lock_key(key, stamps)
    if not cache.add(lock, 1, timeout=WAIT_SECONDS):
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
            _current, value = fresh(key, scopes)
            if value is not None:
                return value
    try:
        value = compute()
        keep(key, stamps, value)
    finally:
        cache.delete(lock)
    return value


def cached_many(items, compute):
    """{parts: value} for `items` ({parts: the scopes its value depends on}), each value cached like `cached`'s,
    in two round trips whatever their number; `compute(missing)` gives {parts: value} for those not cached.

    For the parts of a page that change one at a time (the rows of a list, each with its own scope): after a
    change only the rows it touched are computed. No lock: each value is cheap, it is the many that cost.
    """
    if not enabled():
        return compute(list(items))
    keys = {parts: _entry_key(_hashed(parts)) for parts in items}
    scopes = list(dict.fromkeys(scope for each in items.values() for scope in _depends(each)))
    found = cache.get_many([*keys.values(), *(_key_of(scope) for scope in scopes)])
    current = {scope: found[_key_of(scope)] for scope in scopes if _key_of(scope) in found}
    if unknown := [scope for scope in scopes if scope not in current]:
        current.update(versions(unknown))
    values = {parts: found[key][1] for parts, key in keys.items()
              if key in found and _is_current(found[key][0], current)}
    if missing := [parts for parts in items if parts not in values]:
        computed = compute(missing)
        # The versions were read before the rows were: a change saved meanwhile renews the value.
        stamps = {parts: stamps_for(current, items[parts]) for parts in missing}
        cache.set_many({keys[parts]: (stamps[parts], computed[parts])
                        for parts in missing if stamps[parts] is not None}, settings.CONTENT_CACHE_SECONDS)
        values.update(computed)
    return values


def _lock_key(key, stamps):
    """Who computes `key`'s value at these versions (a later version is computed afresh)."""
    return f"{_entry_key(key)}:{_hashed(sorted(stamps.items()))}:computing"


def depends_on(request, *scopes):
    """The scopes a visitor's whole page shows (ospo_nl.core.page_cache keeps it until one of them changes).

    Call it before loading what the page shows: their versions are read now, so a change saved while the
    page renders leaves it stamped with the older version, and it is rendered again on the next request.
    """
    if getattr(request, "page_cacheable", False):
        wanted = [*scopes, ALL]
        found = versions(wanted)
        if len(found) < len(set(wanted)):
            request.page_cacheable = False  # the cache is down: this page is not kept
        request.content_stamps = {**getattr(request, "content_stamps", {}), **found}


def scopes_of(instance):
    """What a save or delete of `instance` changes: its `cache_scopes()`, or its app's registered scopes;
    () for rows no page shows; None (everything) for a content model nobody described."""
    meta = instance._meta
    if meta.app_label not in CONTENT_APPS or meta.label_lower in PRIVATE_MODELS:
        return ()
    if hasattr(instance, "cache_scopes"):
        return tuple(instance.cache_scopes())
    return APP_SCOPES.get(meta.app_label)


def _target_scopes(content_type_id, object_id):
    """The scopes of the row a generic relation points at (a tag, a follow), from its model's pk alone."""
    from django.contrib.contenttypes.models import ContentType  # noqa: PLC0415 (apps are loaded by now)

    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    return scopes_of(model(pk=object_id))


def _on_write(sender, instance=None, update_fields=None, **kwargs):
    if sender._meta.label_lower == "auth.user" and update_fields and set(update_fields) <= PRIVATE_USER_FIELDS:
        return  # a login or a new password
    if kwargs.get("signal") is m2m_changed:
        if kwargs.get("action", "").startswith("pre_"):
            return
        scopes = scopes_of(instance)  # tags set on a casus: the casus changed
        if scopes is not None and kwargs.get("model") is not None and kwargs["model"]._meta.label_lower == "taggit.tag":
            if kwargs.get("pk_set") is None:
                scopes = None  # cleared: which tags it had is gone
            else:
                scopes = (*scopes, *(tag_scope(pk) for pk in kwargs["pk_set"]))  # added and removed tags
    elif sender._meta.label_lower == "taggit.taggeditem" and instance.content_type_id:
        scopes = _target_scopes(instance.content_type_id, instance.object_id)
        if scopes is not None:
            scopes = (*scopes, tag_scope(instance.tag_id))
    else:
        scopes = scopes_of(instance) if instance is not None else None
    if scopes is None:
        changed()
    elif scopes:
        changed(*scopes)


def connect_signals():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_write, dispatch_uid=f"content_cache.{id(signal)}")


def marker(kind):
    """A random value drawn for one rendering, to mark a place that is filled in later (a CSRF token, the account
    menu): no text on the page, whoever wrote it, can contain it, so only the places marked are replaced."""
    return f"{kind}-{secrets.token_urlsafe(24)}"


def shared_page(request, parts, template, context, *, status=200, scopes=(), content=None, steady=()):
    """`template` (extending base.html) rendered with `context()` once for everyone whose view of the page
    `parts` describes, in this language at this URL, until one of `scopes` changes (none named: anything);
    then given this request's
    own account menu and CSRF token. `parts=None`, or messages waiting to be shown, render it for this
    request alone.

    `parts` must name everything of the viewer the page depends on (roles, own posts and votes, follows):
    the header's account menu (name, notifications, log-out) is the one part rendered per request, and
    each request's own CSRF token replaces the placeholder the shared page's forms carry, so no token is
    ever shared between people.

    The two placeholders are random values drawn for each rendering and kept with it: no text on the page,
    whoever wrote it, can contain them, so only the places this function put them are replaced, and text
    that looks like a placeholder shows as it was written.

    `content` and `steady`: for a page whose `scopes` move far more often than it changes (a casus list moves
    with every answer anywhere, but page 5 shows the same rows after most of them). When the page is missing
    for the current versions, `content()` says in plain values, cheaply, everything the page shows that the
    other scopes stand for (a list: its count and each row's id and stamps), and the rendering is also kept
    under that, depending on the `steady` scopes alone: the same rows are not rendered twice.
    """
    rendered = []

    def render_page():
        rendered.append(True)
        markers = {"csrf_token": marker("csrf"), "account_menu": marker("menu")}
        html = render_to_string(template, {**context(), **markers}, request=request)
        return html, markers["csrf_token"], markers["account_menu"]

    if scopes:
        depends_on(request, *scopes)
    if parts is None or get_messages(request):
        html, csrf_marker, menu_marker = render_page()
    else:
        key = ("page", get_language(), request.get_full_path(), *parts)
        render = render_page
        if content is not None and enabled():
            def render():
                return cached((*key, "content", content()), render_page, scopes=steady)
        html, csrf_marker, menu_marker = cached(key, render, scopes=scopes)
    # A visitor's page has no form that needs a token: it stays cacheable whole (ospo_nl.core.page_cache).
    token = get_token(request) if request.user.is_authenticated or csrf_marker in html else None
    menu = render_to_string("includes/account_menu.html", {"user": request.user, "csrf_token": token})
    html = html.replace(menu_marker, menu)
    if token:
        html = html.replace(csrf_marker, token)
    response = HttpResponse(html, status=status)
    response[SHARED_HEADER] = "miss" if rendered else "hit"
    return response

