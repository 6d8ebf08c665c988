"""HEAD is answered wherever GET is: crawlers and link checkers ask HEAD first (every public page, the
sitemaps, robots.txt, feeds, open data and search)."""

import re

import pytest
from django.core.management import call_command

FIXED = ["/", "/robots.txt", "/sitemap.xml", "/casussen/", "/casussen/onbeantwoord/", "/casussen/feed/",
         "/forum/", "/kennisbank/", "/kennisbank/feed/", "/organisaties/", "/zoeken/?q=licentie",
         "/open-data/organisaties.json", "/open-data/initiatieven.csv", "/toegankelijkheid/", "/privacy/"]


@pytest.fixture
def demo_site(db):
    call_command("load_demo", verbosity=0)


def _sitemap_paths(client):
    index = client.get("/sitemap.xml").text
    paths = []
    for section in re.findall(r"<loc>https?://[^/<]+(/[^<]+)</loc>", index):
        paths += re.findall(r"<loc>https?://[^/<]+(/[^<]*)</loc>", client.get(section).text)
    return paths


def test_every_public_page_answers_head_as_it_answers_get(demo_site, client):
    paths = FIXED + _sitemap_paths(client)
    assert len(paths) > 40  # the demo content's pages, not only the fixed ones

    for path in paths:
        get = client.get(path)
        head = client.head(path)
        assert get.status_code == 200, path
        assert head.status_code == 200, path
        assert head["Content-Type"] == get["Content-Type"], path
        assert head.content == b"", path
