"""Atom feeds: valid Atom (feed/entry with title, link, id, updated), absolute SITE_URL links, public only."""

import xml.etree.ElementTree as ET

import pytest

from forum import verbs
from tests.factories import make_article, make_casus

from .conftest import SECRET, SITE_URL

ATOM = "{http://www.w3.org/2005/Atom}"
NS = {"a": "http://www.w3.org/2005/Atom"}

FEEDS = {
    "casussen": "/casussen/feed/",
    "kennisbank": "/kennisbank/feed/",
    "tag": "/feeds/tag/licenties/",
    "forum-categorie": "/forum/categorie/licenties/feed/",
}


def parse_atom(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    for name in ("title", "id", "updated"):
        assert feed.findtext(f"a:{name}", namespaces=NS), name
    self_link = feed.find("a:link[@rel='self']", NS)
    assert self_link is not None and self_link.get("href").startswith(SITE_URL)
    assert feed.find("a:link[@rel='alternate']", NS).get("href").startswith(SITE_URL)
    assert feed.findtext("a:author/a:name", namespaces=NS) == "OSPO-NL"
    entries = feed.findall("a:entry", NS)
    for entry in entries:
        assert entry.findtext("a:title", namespaces=NS)
        assert entry.findtext("a:id", namespaces=NS)
        assert entry.findtext("a:updated", namespaces=NS)
        assert entry.find("a:link", NS).get("href").startswith(f"{SITE_URL}/")
    return {entry.findtext("a:title", namespaces=NS): entry for entry in entries}


@pytest.mark.django_db
@pytest.mark.parametrize("feed", FEEDS)
def test_every_feed_is_valid_atom_with_absolute_links(content, client, feed):
    entries = parse_atom(client.get(FEEDS[feed]))
    assert entries
    assert "testserver" not in client.get(FEEDS[feed]).text


@pytest.mark.django_db
@pytest.mark.parametrize("feed", FEEDS)
@pytest.mark.parametrize("persona", [None, "member_client", "expert_client", "curator_client"])
def test_no_feed_shows_private_draft_or_deleted_items_whoever_asks(content, client, feed, persona, request):
    who = request.getfixturevalue(persona) if persona else client
    assert SECRET not in who.get(FEEDS[feed]).text.lower()


@pytest.mark.django_db
def test_the_casussen_feed_has_the_public_casussen_with_their_author_and_tags(content, client):
    entries = parse_atom(client.get(FEEDS["casussen"]))
    assert set(entries) == {content["casus"].title, content["open_casus"].title}
    entry = entries[content["casus"].title]
    assert entry.findtext("a:author/a:name", namespaces=NS) == "Mila Member"
    assert entry.find("a:category", NS).get("term") == "licenties"
    assert entry.find("a:link", NS).get("href") == f"{SITE_URL}{content['casus'].get_absolute_url()}"


@pytest.mark.django_db
def test_the_kennisbank_feed_names_member_and_imported_authors(content, client):
    entries = parse_atom(client.get(FEEDS["kennisbank"]))
    assert list(entries) == ["De EUPL kiezen"]
    assert entries["De EUPL kiezen"].findtext("a:author/a:name", namespaces=NS) == "Mila Member, Jan Jansen"


@pytest.mark.django_db
def test_the_tag_feed_mixes_casussen_and_articles_with_that_tag_newest_first(content, client):
    make_casus(content["casus"].author, "Geen licentievraag", tags=("inkoop",))
    entries = parse_atom(client.get(FEEDS["tag"]))
    assert list(entries) == ["De EUPL kiezen", content["open_casus"].title, content["casus"].title]
    assert parse_atom(client.get("/feeds/tag/inkoop/")).keys() == {"Geen licentievraag"}


@pytest.mark.django_db
def test_the_forum_category_feed_has_its_live_topics(content, client):
    assert list(parse_atom(client.get(FEEDS["forum-categorie"]))) == ["Ervaringen met de EUPL"]


@pytest.mark.django_db
def test_an_unknown_tag_or_category_feed_is_404(client):
    assert client.get("/feeds/tag/bestaat-niet/").status_code == 404
    assert client.get("/forum/categorie/bestaat-niet/feed/").status_code == 404


def add_rows(content, count):
    author = content["casus"].author
    for number in range(count):
        make_casus(author, f"Extra casus {number}")
        make_article(content["section"], slug=f"extra-{number}", title=f"Extra artikel {number}", tags=("licenties",),
                     authors=[author])
        verbs.start_topic(category=content["category"], by=author, title=f"Extra {number}", body="Tekst.",
                          tags=["licenties"])


@pytest.mark.django_db
@pytest.mark.parametrize("extra", [0, 25])
@pytest.mark.parametrize(("feed", "queries"), [
    ("casussen", 2),         # casussen with author and profile; their tags
    ("kennisbank", 3),       # articles with section; their tags; their member authors with profiles
    ("tag", 9),              # the tag; has a part an item with it (404 if none; stops at the first);
                             # casussen (+ tags); articles (+ tags, authors); signals (+ tags)
    ("forum-categorie", 3),  # the category; topics with author and profile; their tags
])
def test_feed_query_counts_are_constant(content, client, extra, feed, queries, django_assert_num_queries):
    add_rows(content, extra)
    with django_assert_num_queries(queries):
        assert client.get(FEEDS[feed]).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "feed"), [
    ("/", "/casussen/feed/"),
    ("/", "/kennisbank/feed/"),
    ("/casussen/", "/casussen/feed/"),
    ("/casussen/tag/licenties/", "/feeds/tag/licenties/"),
    ("/kennisbank/", "/kennisbank/feed/"),
    ("/kennisbank/tag/licenties/", "/feeds/tag/licenties/"),
    ("/forum/", "/forum/categorie/licenties/feed/"),
    ("/forum/categorie/licenties/", "/forum/categorie/licenties/feed/"),
])
def test_pages_link_their_feeds(content, client, url, feed):
    from .conftest import head_of

    links = [link for link in head_of(client.get(url)).links if link.get("rel") == "alternate" and "type" in link]
    assert {"type": "application/atom+xml", "href": feed} in [
        {"type": link["type"], "href": link["href"]} for link in links
    ]


@pytest.mark.django_db
def test_detail_pages_link_their_feeds(content, client):
    from .conftest import head_of

    def feeds(url):
        return {link["href"] for link in head_of(client.get(url)).links if link.get("type")}

    assert "/casussen/feed/" in feeds(content["casus"].get_absolute_url())
    assert "/kennisbank/feed/" in feeds(content["article"].get_absolute_url())
    assert "/forum/categorie/licenties/feed/" in feeds(content["topic"].get_absolute_url())
