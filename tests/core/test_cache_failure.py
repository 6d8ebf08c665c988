"""Redis is an accelerator: with it closed or hanging the site answers (slower), members stay signed in,
writes succeed and their mail is queued; failing cache work after a commit never turns a saved write into
an error (ospo_nl.cache, ospo_nl.core.content_cache)."""

import socket
import threading
import time

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from casussen.models import Casus
from ospo_nl import cache as fail_soft
from ospo_nl.core import content_cache
from ospo_nl.notifications.models import NotificationSettings
from tests.factories import make_user


def _closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens here once the socket is closed


@pytest.fixture
def hanging_redis():
    """A server that accepts connections and never answers: a paused Redis."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    held = []

    def accept():
        while True:
            try:
                held.append(server.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    yield server.getsockname()[1]
    server.close()
    for conn in held:
        conn.close()


def _redis_settings(settings, port):
    fail_soft._state["down_until"] = 0.0
    settings.CACHES = {"default": {"BACKEND": "ospo_nl.cache.RedisCache", "LOCATION": f"redis://127.0.0.1:{port}/0"}}
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.CONTENT_CACHE_SECONDS = 600


@pytest.fixture(params=["closed", "hanging"])
def broken_redis(request, settings):
    port = _closed_port() if request.param == "closed" else request.getfixturevalue("hanging_redis")
    _redis_settings(settings, port)
    yield request.param
    fail_soft._state["down_until"] = 0.0


@pytest.mark.django_db
def test_pages_answer_and_members_stay_signed_in_and_can_post(broken_redis, casus, expert,
                                                               django_capture_on_commit_callbacks):
    NotificationSettings.objects.create(user=expert, email_mode=NotificationSettings.EmailMode.IMMEDIATE)
    visitor, member = Client(), Client()
    member.force_login(make_user("schrijver@example.org", name="Sanne Schrijver"))
    started = time.monotonic()

    for path in ("/", "/robots.txt", reverse("casussen:list"), casus.get_absolute_url(), "/zoeken/?q=licentie"):
        assert visitor.get(path).status_code == 200, path
        assert member.get(path).status_code == 200, path
    assert "Sanne Schrijver" in member.get(casus.get_absolute_url()).text  # still signed in
    with django_capture_on_commit_callbacks(execute=True):
        response = member.post(reverse("casussen:ask"), {
            "title": "Mag onze app onder de EUPL?", "body": "Wij willen de broncode delen.", "phase": "publishing",
            "visibility": "public", "tag_string": "licenties",
        })

    assert response.status_code == 302
    assert Casus.objects.filter(title="Mag onze app onder de EUPL?").exists()
    assert [m.to for m in mail.outbox] == [[expert.email]]  # the expert in licenties was mailed
    # A hanging Redis costs one short timeout, then the process leaves it alone for a while.
    assert time.monotonic() - started < 3


@pytest.mark.django_db
def test_a_write_whose_cache_work_fails_after_commit_still_redirects_and_queues_its_mail(
    settings, casus, expert, member_client, monkeypatch, django_capture_on_commit_callbacks
):
    settings.CONTENT_CACHE_SECONDS = 600
    NotificationSettings.objects.create(user=expert, email_mode=NotificationSettings.EmailMode.IMMEDIATE)

    def broken():
        raise ConnectionError("Redis went away")

    monkeypatch.setattr(content_cache, "_bump", broken)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = member_client.post(reverse("casussen:ask"), {
            "title": "Hoe publiceren we onze code?", "body": "Op welk platform?", "phase": "publishing",
            "visibility": "public", "tag_string": "licenties",
        })
    assert len(callbacks) >= 2  # the failing version bump and the mail

    assert response.status_code == 302
    assert Casus.objects.filter(title="Hoe publiceren we onze code?").exists()
    assert [m.to for m in mail.outbox] == [[expert.email]]


def test_the_backend_answers_misses_and_no_ops_while_redis_is_away(settings):
    _redis_settings(settings, _closed_port())
    assert cache.get("x", "default") == "default"
    assert cache.get_many(["x", "y"]) == {}
    cache.set("x", 1)
    assert cache.add("lock", 1) is True  # a lock nobody holds: the caller computes the value itself
    with pytest.raises(ValueError):
        cache.incr("x")
    assert fail_soft._state["down_until"] > time.monotonic()
    fail_soft._state["down_until"] = 0.0
