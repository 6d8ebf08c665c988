"""Django's own Redis cache backend, made an accelerator the site can lose.

Two changes to `django.core.cache.backends.redis`:

- It keeps its client object instead of making one per call. `RedisCacheClient.get_client` builds a new
  `redis.Redis` for every cache call, and each one builds its table of ~170 response callbacks: about
  0.3 ms of CPU a call, several calls a page. The client is safe to share (the pool does the connections).
- Redis may fail. Every call has a short socket timeout (settings: `CACHE_TIMEOUT_SECONDS`, 0.15 s); a
  call that fails is a miss for a read and a no-op for a write, and the failure is logged. After a failure
  this process skips Redis for `CACHE_RETRY_SECONDS` (2 s) before trying again, so a stopped or paused
  Redis costs one short timeout every few seconds per process, never one per call: pages are computed
  instead of read (slower, not down). `add` answers True while Redis is away, so a caller that uses it as
  a lock computes the value itself instead of waiting for a holder that does not exist; `incr` raises
  ValueError as for a missing key, and rate limits then count from one (ospo_nl.moderation.ratelimit).

And one addition: `bump_many(keys, start)` adds one to each key, or sets a missing one to `start`, in one round
trip (a Lua script). The content cache's versions are bumped this way (ospo_nl.core.content_cache): a write
bumps ten to twenty scopes, and Django's `incr` takes two round trips each (EXISTS, then INCRBY).
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache.backends import redis as django_redis
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

_state = {"down_until": 0.0}
_lock = threading.Lock()


def _available():
    return time.monotonic() >= _state["down_until"]


def _failed(operation, error):
    with _lock:
        first = _available()
        _state["down_until"] = time.monotonic() + getattr(settings, "CACHE_RETRY_SECONDS", 2.0)
    if first:
        logger.warning("Redis cache unavailable (%s: %s); serving without it for now", operation, error)


def _soft(operation, fallback):
    """Run the client's `operation`; while Redis is away or when it fails, answer `fallback(*args)`."""

    def call(self, *args, **kwargs):
        if not _available():
            return fallback(*args, **kwargs)
        try:
            return getattr(super(_FailSoftClient, self), operation)(*args, **kwargs)
        except RedisError as error:
            _failed(operation, error)
            return fallback(*args, **kwargs)

    call.__name__ = operation
    return call


def _missing_key(*args, **kwargs):
    raise ValueError("Key not found (the cache is unavailable)")


# Each KEYS[i]: plus one if it exists, else ARGV[1] (a fresh start never meets old stamps).
_BUMP = """
for _, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 then redis.call('INCR', key) else redis.call('SET', key, ARGV[1]) end
end
"""


class _FailSoftClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client

    get = _soft("get", lambda key, default: default)
    get_many = _soft("get_many", lambda keys: {})
    has_key = _soft("has_key", lambda key: False)
    add = _soft("add", lambda key, value, timeout: True)
    set = _soft("set", lambda key, value, timeout: None)
    set_many = _soft("set_many", lambda data, timeout: [])
    touch = _soft("touch", lambda key, timeout: False)
    delete = _soft("delete", lambda key: False)
    delete_many = _soft("delete_many", lambda keys: None)
    incr = _soft("incr", _missing_key)
    clear = _soft("clear", lambda: False)

    def bump_many(self, keys, start):
        if not keys or not _available():
            return
        try:
            self.get_client(write=True).eval(_BUMP, len(keys), *keys, start)
        except RedisError as error:
            _failed("bump_many", error)


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        timeout = getattr(settings, "CACHE_TIMEOUT_SECONDS", 0.15)
        options = {"socket_timeout": timeout, "socket_connect_timeout": timeout, **params.get("OPTIONS", {})}
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = _FailSoftClient

    def bump_many(self, keys, start):
        """Each of `keys` plus one, or `start` where it is missing, in one round trip; nothing while Redis is away."""
        self._cache.bump_many([self.make_and_validate_key(key) for key in keys], start)
