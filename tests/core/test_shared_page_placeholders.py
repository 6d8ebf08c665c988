"""Nothing of one request is spliced into text somebody wrote: the shared page's placeholders are random per
rendering (ospo_nl.core.content_cache.shared_page), so member text that looks like one shows as written."""

import re

import pytest
from django.test import Client

from casussen import verbs as casus_verbs
from tests.factories import make_user

OLD_PLACEHOLDERS = ("csrf-token-of-this-request", "account-menu-of-this-request")


@pytest.fixture(autouse=True)
def shared_cache_on(settings):
    settings.CONTENT_CACHE_SECONDS = 600


def _client(email, name):
    client = Client()
    client.force_login(make_user(email, name=name))
    return client


@pytest.mark.django_db
def test_text_that_looks_like_a_placeholder_renders_literally_for_every_viewer(member):
    casus = casus_verbs.post_casus(by=member, title="Over account-menu-of-this-request", tags=["sjablonen"],
                                   body="Zie https://example.org/?t=csrf-token-of-this-request en verder.")
    casus_verbs.comment(casus=casus, by=member, body="Ook csrf-token-of-this-request in een reactie.")
    first, second = _client("een@example.org", "Eline Een"), _client("twee@example.org", "Tom Twee")

    pages = [first.get(casus.get_absolute_url()).text, second.get(casus.get_absolute_url()).text]

    for page, (mine, theirs) in zip(pages, [("Eline Een", "Tom Twee"), ("Tom Twee", "Eline Een")], strict=True):
        title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
        assert "account-menu-of-this-request" in title and "<" not in title
        assert "https://example.org/?t=csrf-token-of-this-request" in page
        assert "Ook csrf-token-of-this-request in een reactie." in page
        assert mine in page and theirs not in page
        assert "Uitloggen" in page or "Afmelden" in page  # the header still has its own menu
    tokens = [set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)) for page in pages]
    assert tokens[0] and tokens[1] and not tokens[0] & tokens[1]  # each viewer has their own token only
    for token in tokens[0]:
        assert token not in pages[1]
