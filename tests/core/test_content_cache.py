"""ospo_nl.core.content_cache: values cached until content changes, computed by one process at a time."""

import hashlib
import threading
import time

import pytest
from django.core.cache import cache

from ospo_nl.core import content_cache


@pytest.fixture(autouse=True)
def shared_cache_on(settings):
    settings.CONTENT_CACHE_SECONDS = 600


@pytest.mark.django_db
def test_a_value_is_computed_once_and_again_after_a_change():
    calls = []
    assert content_cache.cached(("x",), lambda: calls.append(1) or "one") == "one"
    assert content_cache.cached(("x",), lambda: calls.append(1) or "two") == "one"
    content_cache.changed()
    assert content_cache.cached(("x",), lambda: calls.append(1) or "three") == "three"
    assert len(calls) == 2


def test_who_asks_while_another_computes_waits_for_that_value():
    calls = []

    def slow():
        calls.append(1)
        time.sleep(0.3)
        return "result"

    results = []
    threads = [threading.Thread(target=lambda: results.append(content_cache.cached(("slow",), slow)))
               for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["result"] * 4
    assert len(calls) == 1


def test_a_waiter_computes_itself_when_the_other_never_finishes(monkeypatch):
    monkeypatch.setattr(content_cache, "WAIT_SECONDS", 0.1)
    digest = hashlib.sha256(repr(("stuck",)).encode()).hexdigest()
    stamps = content_cache.stamps_for({}, ())
    cache.add(content_cache._lock_key(digest, stamps), 1, timeout=60)  # died while computing
    assert content_cache.cached(("stuck",), lambda: "mine") == "mine"


@pytest.mark.django_db
def test_many_values_are_computed_only_where_their_own_scope_moved():
    asked = []

    def compute(missing):
        asked.append(sorted(missing))
        return {parts: f"{parts[1]} v{len(asked)}" for parts in missing}

    items = {("row", n): (f"casus:{n}",) for n in (1, 2, 3)}
    assert content_cache.cached_many(items, compute) == {("row", n): f"{n} v1" for n in (1, 2, 3)}
    assert content_cache.cached_many(items, compute) == {("row", n): f"{n} v1" for n in (1, 2, 3)}
    content_cache.changed("casus:2")
    assert content_cache.cached_many(items, compute) == {("row", 1): "1 v1", ("row", 2): "2 v2", ("row", 3): "3 v1"}
    assert asked == [[("row", 1), ("row", 2), ("row", 3)], [("row", 2)]]
    content_cache.changed()  # a write nobody described: everything goes
    assert set(content_cache.cached_many(items, compute).values()) == {"1 v3", "2 v3", "3 v3"}


def test_many_values_without_the_cache_are_computed_each_time(settings):
    settings.CONTENT_CACHE_SECONDS = 0
    asked = []
    items = {("row", 1): ("casus:1",)}
    for _ in range(2):
        content_cache.cached_many(items, lambda missing: asked.append(missing) or {parts: "x" for parts in missing})
    assert len(asked) == 2


@pytest.fixture
def fresh_generation():
    content_cache.generation.cache_clear()
    yield
    content_cache.generation.cache_clear()


@pytest.mark.django_db
def test_values_of_another_generation_of_the_code_are_not_read(settings, fresh_generation):
    settings.CONTENT_CACHE_GENERATION = "release-1"
    assert content_cache.cached(("shape",), lambda: ("old", "shape")) == ("old", "shape")
    content_cache.generation.cache_clear()
    settings.CONTENT_CACHE_GENERATION = "release-2"  # a deploy that changed what the value holds
    assert content_cache.cached(("shape",), lambda: {"new": "shape"}) == {"new": "shape"}


def test_the_generation_is_a_hash_of_the_code_and_templates(settings, tmp_path, fresh_generation):
    settings.CONTENT_CACHE_GENERATION = ""
    settings.BASE_DIR = tmp_path
    (tmp_path / "templates").mkdir()
    template = tmp_path / "templates" / "list.html"
    template.write_text("<ol>{{ rows }}</ol>")
    first = content_cache.generation()
    content_cache.generation.cache_clear()
    assert content_cache.generation() == first  # the same code: the same generation, on every server
    template.write_text("<ul>{{ rows }}</ul>")
    content_cache.generation.cache_clear()
    assert content_cache.generation() != first
