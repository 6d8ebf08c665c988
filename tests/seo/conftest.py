"""Demo-like content for the SEO tests: public and published items, and for each part something that must
never reach a sitemap, feed or JSON-LD (its title or slug contains "geheim")."""

from html.parser import HTMLParser

import pytest

from casussen import verbs as casus_verbs
from casussen.models import Casus
from directory.models import Initiative, Organisation
from forum import verbs as forum_verbs
from kennisbank.models import Article
from tests.factories import (
    make_answer,
    make_article,
    make_casus,
    make_category,
    make_reply,
    make_section,
    make_topic,
)

SITE_URL = "https://ospo.example.nl"
SECRET = "geheim"


@pytest.fixture(autouse=True)
def _site_url(settings):
    # Not the test client's host, so a test shows the URLs come from SITE_URL.
    settings.SITE_URL = SITE_URL


def casus_body(title):
    """A casus text that names its casus and has an ampersand (a description must escape it exactly once)."""
    return f"{title}: wij willen onze app publiceren & zoeken een licentie."


def article_body(title, slug):
    """An article text: a heading with its title, then a line that names its slug."""
    return f"# {title}\n\nUitleg over {slug}."


@pytest.fixture
def content(member, other_member, expert, curator):
    """One of each page type, with a private or unpublished twin that must stay hidden."""
    c = {}
    c["organisation"] = Organisation.objects.create(name="Gemeente Utrecht", slug="gemeente-utrecht",
                                                    kind="municipality", is_published=True,
                                                    website="https://www.utrecht.nl")
    Organisation.objects.create(name="Geheime Dienst", slug="geheime-dienst", kind="agency", is_published=False)
    c["initiative"] = Initiative.objects.create(name="Developer Overheid", slug="developer-overheid",
                                                kind="community", is_published=True)
    Initiative.objects.create(name="Geheim Initiatief", slug="geheim-initiatief", kind="community",
                              is_published=False)
    c["expert"] = expert

    title = "Welke licentie kiezen we voor onze app?"
    casus = make_casus(member, title, body=casus_body(title))
    accepted = make_answer(casus, expert, "Kies de **EUPL-1.2**: gemaakt voor overheden.")
    make_answer(casus, expert, "MIT kan ook, maar heeft geen copyleft.")
    casus_verbs.accept_answer(casus=casus, answer=accepted, by=member)
    c["casus"] = Casus.objects.get(pk=casus.pk)
    title = "Hoe publiceren we code op GitHub?"
    c["open_casus"] = make_casus(other_member, title, body=casus_body(title))
    title = "Geheim voor leden: inkoop"
    c["members_casus"] = make_casus(member, title, body=casus_body(title), visibility=Casus.Visibility.MEMBERS)
    title = "Geheim voor experts: beveiligingslek"
    c["experts_casus"] = make_casus(member, title, body=casus_body(title), visibility=Casus.Visibility.EXPERTS)
    title = "Geheim en verwijderd"
    deleted = make_casus(member, title, body=casus_body(title))
    casus_verbs.delete_casus(casus=deleted, by=member)

    c["section"] = section = make_section("licenties", "Licenties")
    c["subsection"] = make_section("eupl", "De EUPL", parent=section)
    c["article"] = make_article(
        c["subsection"], slug="eupl-kiezen", title="De EUPL kiezen", body=article_body("De EUPL kiezen", "eupl-kiezen"),
        tags=("licenties",), authors=[member], summary="Waarom de EUPL past bij de overheid, en hoe je haar toepast.",
        author_names="Jan Jansen", kind=Article.Kind.STEP_BY_STEP,
    )
    make_article(section, slug="geheim-concept", title="Geheim concept", status=Article.Status.DRAFT,
                 body=article_body("Geheim concept", "geheim-concept"), tags=("licenties",))

    c["category"] = make_category("Licenties", description="Over licenties.")
    c["topic"] = make_topic(member, c["category"], "Ervaringen met de EUPL", body="Wie gebruikt de EUPL al?",
                            tags=["licenties"])
    make_reply(other_member, c["topic"], body="Wij, sinds 2020.")
    gone = make_topic(member, c["category"], "Geheim onderwerp", body="Weg ermee.", tags=())
    forum_verbs.delete_topic(topic=gone, by=curator)
    return c


class HeadParser(HTMLParser):
    """The SEO-relevant parts of a page: <title>, meta name/property, link rel, JSON-LD scripts."""

    def __init__(self):
        super().__init__()
        self.title, self.meta, self.links, self.json_ld = "", {}, [], []
        self._in = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self._in = "title"
        elif tag == "meta" and ("name" in attrs or "property" in attrs):
            self.meta[attrs.get("name") or attrs["property"]] = attrs.get("content", "")
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in = "json_ld"
            self.json_ld.append("")

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "json_ld":
            self.json_ld[-1] += data


def head_of(response):
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser
