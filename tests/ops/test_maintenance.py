"""The database unreachable: 503 with Retry-After and a page in our look, not a 500 (issue 18)."""

import urllib.error
import urllib.request

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

from ospo_nl.bench.load import gunicorn
from ospo_nl.core.maintenance import server_error
from tests.ops.smtp_sink import free_port


@pytest.fixture
def database_down(db):
    def refuse(self, *args, **kwargs):
        raise OperationalError("the database system is shutting down")

    with pytest.MonkeyPatch.context() as patch:  # undone before the test database is rolled back
        patch.setattr(BaseDatabaseWrapper, "cursor", refuse)
        yield


def test_a_page_that_needs_the_database_gets_503_with_retry_after_in_our_look(database_down, settings):
    settings.MAINTENANCE_RETRY_AFTER = 45
    response = Client(raise_request_exception=False).get("/casussen/")
    assert response.status_code == 503
    assert response["Retry-After"] == "45" and response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert "Even onderhoud" in html and "Probeer het over 45 seconden opnieuw." in html
    assert 'class="site-logo"' in html and "css/site.css" in html  # our header and stylesheets
    assert "<script" not in html and "style=" not in html  # the strict CSP holds


def test_the_maintenance_page_is_in_the_pages_language(database_down):
    response = Client(raise_request_exception=False).get("/en/casussen/")
    assert response.status_code == 503
    assert 'lang="en"' in response.content.decode() and "Down for a moment" in response.content.decode()


def test_other_errors_keep_the_500_page(rf):
    try:
        raise ZeroDivisionError
    except ZeroDivisionError:
        response = server_error(rf.get("/"))
    assert response.status_code == 500 and "Retry-After" not in response
    assert "Er ging iets mis" in response.content.decode()


def test_a_real_server_whose_database_is_unreachable_answers_503(db):
    """gunicorn, DEBUG off, pointed at a port where no PostgreSQL listens."""
    env = {"DATABASE_URL": f"postgres://postgres@127.0.0.1:{free_port()}/ospo_ops_nowhere", "CACHE_URL": "",
           "TESTING": "1", "DEBUG": "0", "CONN_MAX_AGE": "0"}
    with gunicorn(env, workers=1) as base:
        for path in ("/casussen/", "/kennisbank/", "/forum/"):
            try:
                urllib.request.urlopen(base + path, timeout=20)
                raise AssertionError(f"{path} answered without its database")
            except urllib.error.HTTPError as error:
                assert error.code == 503, path
                assert error.headers["Retry-After"] == "30"
                assert "Even onderhoud" in error.read().decode()
