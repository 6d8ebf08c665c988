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
