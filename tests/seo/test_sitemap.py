"""sitemap.xml: an index per part, valid XML, absolute SITE_URL URLs with lastmod, public content only."""

import xml.etree.ElementTree as ET

import pytest

from casussen.models import Casus
from forum import verbs
from tests.factories import make_casus

from .conftest import SECRET, SITE_URL

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_locations(client):
    """{section URL: [(loc, lastmod)]} for every sitemap the index lists."""
    index = ET.fromstring(client.get("/sitemap.xml").content)
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    sections = {}
    for entry in index.findall("sm:sitemap", NS):
        url = entry.findtext("sm:loc", namespaces=NS)
        assert url.startswith(f"{SITE_URL}/sitemap-")
        response = client.get(url.removeprefix(SITE_URL))
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/xml")
        root = ET.fromstring(response.content)
        assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
        sections[url] = [
            (u.findtext("sm:loc", namespaces=NS), u.findtext("sm:lastmod", namespaces=NS))
            for u in root.findall("sm:url", NS)
        ]
    return sections


@pytest.mark.django_db
def test_the_index_lists_one_sitemap_per_part(content, client):
    sections = sitemap_locations(client)
    names = {url.removeprefix(f"{SITE_URL}/sitemap-").removesuffix(".xml") for url in sections}
    assert {"paginas", "casussen", "kennisbank", "kennisbank-secties", "forum", "forum-onderwerpen",
            "organisaties", "initiatieven", "gids"} <= names


@pytest.mark.django_db
def test_every_url_is_absolute_on_site_url_and_content_has_a_lastmod(content, client):
    sections = sitemap_locations(client)
    urls = [loc for entries in sections.values() for loc, _lastmod in entries]
    assert urls and all(loc.startswith(f"{SITE_URL}/") for loc in urls)
    assert "testserver" not in str(sections)
    content_sections = [s for s in sections if any(p in s for p in ("casussen", "forum-onderwerpen", "organisaties"))]
    for section in content_sections:
        assert all(lastmod for _loc, lastmod in sections[section]), section


@pytest.mark.django_db
def test_public_published_content_is_listed(content, client):
    urls = {loc for entries in sitemap_locations(client).values() for loc, _ in entries}
    for key in ("casus", "open_casus", "article", "section", "subsection", "category", "topic", "organisation",
                "initiative"):
        assert f"{SITE_URL}{content[key].get_absolute_url()}" in urls, key
    assert f"{SITE_URL}/" in urls


@pytest.mark.django_db
@pytest.mark.parametrize("persona", [None, "member_client", "expert_client", "curator_client", "admin_client_"])
def test_nothing_private_unpublished_draft_or_deleted_is_listed_whoever_asks(content, client, persona, request):
    who = request.getfixturevalue(persona) if persona else client
    sections = sitemap_locations(who)
    assert SECRET not in str(sections).lower()
    assert f"{SITE_URL}{content['members_casus'].get_absolute_url()}" not in str(sections)


@pytest.mark.django_db
def test_an_unknown_section_or_page_is_404(client):
    assert client.get("/sitemap-onbekend.xml").status_code == 404
    assert client.get("/sitemap-casussen.xml?p=9").status_code == 404
    assert client.get("/sitemap-casussen.xml?p=x").status_code == 404


@pytest.mark.django_db
def test_sitemaps_are_not_pages_to_index_and_only_answer_get(client):
    assert client.get("/sitemap.xml")["X-Robots-Tag"].startswith("noindex")
    assert client.post("/sitemap.xml").status_code == 405


def add_rows(content, count):
    for number in range(count):
        make_casus(content["casus"].author, f"Extra casus {number}")
        verbs.start_topic(category=content["category"], by=content["casus"].author, title=f"Extra {number}",
                          body="Tekst.", tags=())


@pytest.mark.django_db
@pytest.mark.parametrize("extra", [0, 27])
def test_the_index_costs_two_queries_per_part_whatever_the_data(content, client, extra, django_assert_num_queries):
    add_rows(content, extra)
    # Per part: its latest lastmod (one aggregate) and its page count (one COUNT): casussen, kennisbank, forum,
    # forum-onderwerpen, organisaties, initiatieven, experts, bijeenkomsten, signalen = 18; kennisbank-secties has
    # no dates: its COUNT = 1; paginas and gids are fixed lists: none.
    with django_assert_num_queries(19):
        client.get("/sitemap.xml")


@pytest.mark.django_db
@pytest.mark.parametrize("extra", [0, 27])
# Each item is listed once per language, read a page at a time (ospo_nl.seo.sitemaps.PerLanguage): a COUNT and
# the page, whatever the data.
@pytest.mark.parametrize(("section", "queries"), [
    ("casussen", 2),            # COUNT, the page of casussen
    ("kennisbank", 2),          # COUNT, the page of articles with their section
    ("kennisbank-secties", 2),  # COUNT, the page of sections
    ("forum", 2),               # COUNT, categories with their latest activity
    ("forum-onderwerpen", 2),   # COUNT, the page of topics
    ("organisaties", 2),        # COUNT, the page of organisations
    ("experts", 2),             # COUNT, the page of public expert profiles
    ("paginas", 0),             # fixed URLs
])
def test_a_section_costs_constant_queries(content, client, extra, section, queries, django_assert_num_queries):
    add_rows(content, extra)
    with django_assert_num_queries(queries):
        response = client.get(f"/sitemap-{section}.xml")
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_casus_made_private_leaves_the_sitemap(content, client):
    casus = content["open_casus"]
    Casus.objects.filter(pk=casus.pk).update(visibility=Casus.Visibility.MEMBERS)
    urls = {loc for loc, _ in sitemap_locations(client)[f"{SITE_URL}/sitemap-casussen.xml"]}
    assert f"{SITE_URL}{casus.get_absolute_url()}" not in urls
