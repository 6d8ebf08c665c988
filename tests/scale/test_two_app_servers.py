"""Scale-out: two app servers (gunicorn, own processes, own ports) share one PostgreSQL and one Redis.

Nothing a request needs lives in one process: a login made on one server is valid on the other, a rate
limit counts requests to both, and a cached page (search results, a visitor's page) is fresh on both after
an edit on one.
Needs PostgreSQL and Redis on 127.0.0.1:6379 (`make redis`); skipped with the reason otherwise.
"""

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.db import connection

from forum.models import Category
from forum.verbs import start_topic
from ospo_nl.bench.load import gunicorn
from ospo_nl.search.models import SearchEntry
from tests.factories import make_user

pytestmark = pytest.mark.slow

REDIS_URL = "redis://127.0.0.1:6379/9"  # this module's own Redis database: flushed before and after
PASSWORD = "correct-horse-battery"


def _redis_or_skip():
    try:
        import redis

        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
        client.ping()
        return client
    except Exception as error:  # noqa: BLE001 - any failure to reach Redis means: skip
        pytest.skip(f"needs Redis on 127.0.0.1:6379 (make redis): {error}")


@pytest.fixture
def servers(transactional_db):
    """Two gunicorn servers on the test database (rows committed: transactional_db) and one Redis db."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: the servers are separate processes on the test database")
    redis_client = _redis_or_skip()
    redis_client.flushdb()
    db = connection.settings_dict
    database_url = (f"postgres://{urllib.parse.quote(db['USER'] or '')}:{urllib.parse.quote(db['PASSWORD'] or '')}"
                    f"@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}")
    env = {"DATABASE_URL": database_url, "CACHE_URL": REDIS_URL, "TESTING": "1", "DEBUG": "0",
           "CONN_MAX_AGE": "0", "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    with gunicorn(env, workers=1) as first, gunicorn(env, workers=1) as second:
        yield first, second
    redis_client.flushdb()


class Browser:
    """A cookie-keeping HTTP client that does not follow redirects (to see them)."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), self._NoRedirect)

    def request(self, url, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(urllib.request.Request(url, data=body), timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def post_form(self, url, data):
        """GET the form for its CSRF token, then POST it."""
        _status, html = self.request(url)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        return self.request(url, {"csrfmiddlewaretoken": token, **data})


@pytest.fixture
def member(transactional_db):
    return make_user("schaal@example.org", name="Sam Schaal")


def test_a_login_on_one_server_is_valid_on_the_other(servers, member):
    first, second = servers
    browser = Browser()
    assert browser.request(second + "/meldingen/")[0] == 302  # not signed in: to the login page

    status, _html = browser.post_form(first + "/account/login/", {"login": member.email, "password": PASSWORD})
    assert status == 302

    status, html = browser.request(second + "/meldingen/")
    assert status == 200
    assert "Sam Schaal" in html


def test_a_rate_limit_counts_requests_to_both_servers(servers, member):
    """allauth allows 5 password-reset requests per minute per address; 3 + 2 on two servers use them up."""
    first, second = servers
    browser = Browser()
    for base in (first, first, first, second, second):
        status, _html = browser.post_form(base + "/account/password/reset/", {"email": member.email})
        assert status == 302
    status, _html = browser.post_form(first + "/account/password/reset/", {"email": member.email})
    assert status == 429  # server one alone saw only 4 requests: the count is shared


def test_a_cached_page_is_fresh_on_both_servers_after_an_edit_on_one(servers, member):
    first, second = servers
    category = Category.objects.create(name="Algemeen", slug="algemeen")
    topic = start_topic(category=category, by=member, title="Zonnepanelen op het gemeentehuis",
                        body="Wie heeft ervaring met open source voor zonnepanelen?")
    search = "/zoeken/?q=zonnepanelen"
    page = topic.get_absolute_url()
    for base in (first, second):
        assert "Zonnepanelen op het gemeentehuis" in Browser().request(base + search)[1]
        assert "Zonnepanelen op het gemeentehuis" in Browser().request(base + page)[1]  # a visitor's page, stored

    # Changed behind the site's back (no save, so no invalidation): both still serve the cached page.
    SearchEntry.objects.filter(object_id=topic.pk, kind="topic").update(title="Stiekem veranderd")
    for base in (first, second):
        html = Browser().request(base + search)[1]
        assert "Zonnepanelen op het gemeentehuis" in html and "Stiekem veranderd" not in html

    # An edit through server one: both servers show the new title at once.
    browser = Browser()
    browser.post_form(first + "/account/login/", {"login": member.email, "password": PASSWORD})
    status, _html = browser.post_form(
        f"{first}/forum/onderwerp/{topic.pk}/acties/bewerken/",
        {"title": "Zonnepanelen op het stadhuis", "body": "Wie heeft ervaring met open source voor zonnepanelen?",
         "tags": ""},
    )
    assert status == 302
    topic.refresh_from_db()
    for base in (first, second):
        assert Browser().request(base + page)[0] == 301  # the stored page at the old address is gone
        for url in (search, topic.get_absolute_url()):
            html = Browser().request(base + url)[1]
            assert "Zonnepanelen op het stadhuis" in html
            assert "gemeentehuis" not in html
