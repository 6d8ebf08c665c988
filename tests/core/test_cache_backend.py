"""ospo_nl.cache.RedisCache: Django's Redis backend, with one client object instead of one per call."""

import pytest

from ospo_nl.cache import RedisCache

REDIS_URL = "redis://127.0.0.1:6379/8"  # this module's own Redis database


@pytest.fixture
def redis_cache():
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=1).ping()
    except redis.RedisError as error:
        pytest.skip(f"needs Redis on 127.0.0.1:6379 (make redis): {error}")
    cache = RedisCache(REDIS_URL, {"KEY_PREFIX": "backend-test"})
    cache.clear()
    yield cache
    cache.clear()


def test_it_behaves_as_djangos_redis_cache(redis_cache):
    assert redis_cache.add("a", 1) and not redis_cache.add("a", 2)
    redis_cache.set("b", {"x": [1, 2]})
    assert redis_cache.get_many(["a", "b", "c"]) == {"a": 1, "b": {"x": [1, 2]}}
    assert redis_cache.incr("a") == 2
    redis_cache.delete("a")
    assert redis_cache.get("a") is None


def test_it_keeps_one_client(redis_cache):
    client = redis_cache._cache.get_client()
    redis_cache.get("anything")
    assert redis_cache._cache.get_client() is client
    assert redis_cache._cache.get_client(write=True) is client  # one server: one pool, one client


def test_bump_many_adds_one_or_starts_a_missing_key_in_one_round_trip(redis_cache, monkeypatch):
    redis_cache.set("cv:a", 5, None)
    client = redis_cache._cache.get_client(write=True)
    calls = []
    original = client.execute_command
    monkeypatch.setattr(client, "execute_command", lambda *args, **kw: calls.append(args[0]) or original(*args, **kw))
    redis_cache.bump_many(["cv:a", "cv:b"], 1_000_000)
    assert calls == ["EVAL"]
    assert redis_cache.get_many(["cv:a", "cv:b"]) == {"cv:a": 6, "cv:b": 1_000_000}
    assert redis_cache.incr("cv:b") == 1_000_001  # still a plain number for Django's incr


def test_bump_many_without_redis_does_nothing_and_raises_nothing(settings):
    settings.CACHE_RETRY_SECONDS = 0
    closed = RedisCache("redis://127.0.0.1:1/0", {})  # nothing listens on port 1
    closed.bump_many(["cv:a"], 1)
    assert closed.get("cv:a") is None
