"""Demo-like content for the SEO tests: public and published items, and for each part something that must
never reach a sitemap, feed or JSON-LD (its title or slug contains "geheim")."""

from html.parser import HTMLParser

import pytest

from casussen import verbs as casus_verbs
from casussen.models import Casus
from directory.models import Initiative, Organisation
from forum import verbs
from forum.models import Category
from kennisbank.models import Article, Section
from kennisbank.verbs import save_article

SITE_URL = "https://ospo.example.nl"
SECRET = "geheim"


@pytest.fixture(autouse=True)
def _site_url(settings):
    # Not the test client's host, so a test shows the URLs come from SITE_URL.
    settings.SITE_URL = SITE_URL


def make_casus(author, title, *, visibility=Casus.Visibility.PUBLIC, tags=("licenties",)):
    return casus_verbs.post_casus(
        by=author, title=title, body=f"{title}: wij willen onze app publiceren & zoeken een licentie.",
        visibility=visibility, tags=tags,
    )


def make_article(section, slug, title, *, status=Article.Status.PUBLISHED, tags=("licenties",), authors=(), **fields):
    article = Article(section=section, slug=slug, title=title, status=status, body=f"# {title}\n\nUitleg over {slug}.",
                      **fields)
    save_article(article, by=None)
    article.tags.set(list(tags))
    article.authors.set(authors)
    return article


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

    casus = make_casus(member, "Welke licentie kiezen we voor onze app?")
    accepted = casus_verbs.post_answer(casus=casus, by=expert, body="Kies de **EUPL-1.2**: gemaakt voor overheden.")
    casus_verbs.post_answer(casus=casus, by=expert, body="MIT kan ook, maar heeft geen copyleft.")
    casus_verbs.accept_answer(casus=casus, answer=accepted, by=member)
    c["casus"] = Casus.objects.get(pk=casus.pk)
    c["open_casus"] = make_casus(other_member, "Hoe publiceren we code op GitHub?")
    c["members_casus"] = make_casus(member, "Geheim voor leden: inkoop", visibility=Casus.Visibility.MEMBERS)
    c["experts_casus"] = make_casus(member, "Geheim voor experts: beveiligingslek", visibility=Casus.Visibility.EXPERTS)
    deleted = make_casus(member, "Geheim en verwijderd")
    casus_verbs.delete_casus(casus=deleted, by=member)

    c["section"] = section = Section.objects.create(slug="licenties", title="Licenties")
    c["subsection"] = Section.objects.create(slug="eupl", title="De EUPL", parent=section)
    c["article"] = make_article(c["subsection"], "eupl-kiezen", "De EUPL kiezen", authors=[member],
                                summary="Waarom de EUPL past bij de overheid, en hoe je haar toepast.",
                                author_names="Jan Jansen", kind=Article.Kind.STEP_BY_STEP)
    make_article(section, "geheim-concept", "Geheim concept", status=Article.Status.DRAFT)

    c["category"] = Category.objects.create(name="Licenties", slug="licenties", description="Over licenties.")
    c["topic"] = verbs.start_topic(category=c["category"], by=member, title="Ervaringen met de EUPL",
                                   body="Wie gebruikt de EUPL al?", tags=["licenties"])
    verbs.post_reply(topic=c["topic"], by=other_member, body="Wij, sinds 2020.")
    gone = verbs.start_topic(category=c["category"], by=member, title="Geheim onderwerp", body="Weg ermee.", tags=())
    verbs.delete_topic(topic=gone, by=curator)
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
