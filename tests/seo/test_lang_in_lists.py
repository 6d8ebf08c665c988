"""Lists show titles of things written in another language than the interface with lang="…" (WCAG 3.1.2):
a Dutch casus in the English interface is lang="nl", in the Dutch one it needs nothing, and the other way round
(docs/i18n.md, "The language of what people write")."""

import re

import pytest

from directory.models import Organisation
from tests.factories import make_article, make_casus, make_category, make_topic


def title_tags(html, title):
    """The opening tags around `title`'s text in `html`: the element that carries it and its link."""
    match = re.search(rf"(<[^<>]+>\s*)(<a [^<>]+>){re.escape(title)}</a>|(<a [^<>]+>){re.escape(title)}</a>", html)
    assert match, title
    return "".join(part for part in match.groups() if part)


@pytest.fixture
def written(member, curator):
    organisation = Organisation.objects.create(name="Gemeente Utrecht", slug="gemeente-utrecht",
                                               kind="municipality", is_published=True)
    dutch = make_casus(member, "Welke licentie kiezen we voor onze app?", tags=["licenties"],
                       organisation=organisation)
    english = make_casus(member, "Which licence should our app use?", tags=["licenties"], language="en",
                         organisation=organisation)
    category = make_category("Licenties")
    make_topic(member, category, "Ervaringen met de EUPL", body="Wie gebruikt de EUPL al?")
    make_topic(member, category, "Experiences with the EUPL", body="Who uses the EUPL?", language="en")
    make_article(slug="licentie-kiezen", title="Een licentie kiezen", body="Over de licentie.", tags=["licenties"],
                 summary="Zo kies je een licentie.")
    make_article(slug="choosing-a-licence", title="Choosing a licence", body="About the licence.",
                 tags=["licenties"], summary="How to choose a licence.", language="en")
    return {"dutch": dutch, "english": english, "organisation": organisation, "category": category}


LISTS = {
    "casus list": lambda w: "/casussen/",
    "casus tag page": lambda w: "/casussen/tag/licenties/",
    "casussen of an organisation": lambda w: "/casussen/organisatie/gemeente-utrecht/",
    "organisation page": lambda w: w["organisation"].get_absolute_url(),
    "home page": lambda w: "/",
}
TITLES = ("Welke licentie kiezen we voor onze app?", "Which licence should our app use?")


@pytest.mark.django_db
@pytest.mark.parametrize("page", LISTS)
def test_casus_titles_in_lists_carry_their_language_when_it_is_not_the_interface_s(client, written, page):
    url = LISTS[page](written)
    dutch_ui, english_ui = client.get(url).text, client.get(f"/en{url}").text
    assert 'lang="' not in title_tags(dutch_ui, TITLES[0])
    assert 'lang="en"' in title_tags(dutch_ui, TITLES[1])
    assert 'lang="nl"' in title_tags(english_ui, TITLES[0])
    assert 'lang="' not in title_tags(english_ui, TITLES[1])


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "dutch", "english"), [
    ("/forum/", "Experiences with the EUPL", None),  # the latest topic per category
    ("/forum/categorie/licenties/", "Ervaringen met de EUPL", "Experiences with the EUPL"),
    ("/kennisbank/", "Een licentie kiezen", "Choosing a licence"),
    ("/kennisbank/tag/licenties/", "Een licentie kiezen", "Choosing a licence"),
    ("/kennisbank/soort/achtergrond/", "Een licentie kiezen", "Choosing a licence"),
    ("/zoeken/?q=licentie", "Een licentie kiezen", "Choosing a licence"),
    ("/zoeken/?q=licentie", "Welke licentie kiezen we voor onze app?", "Which licence should our app use?"),
])
def test_topic_and_article_titles_in_lists_and_search_results_carry_their_language(client, written, url, dutch,
                                                                                     english):
    dutch_ui, english_ui = client.get(url).text, client.get(f"/en{url}").text
    if english:
        assert 'lang="en"' in title_tags(dutch_ui, english) and 'lang="' not in title_tags(english_ui, english)
        assert 'lang="' not in title_tags(dutch_ui, dutch) and 'lang="nl"' in title_tags(english_ui, dutch)
    else:  # one title on the page: the newest topic, in English
        assert 'lang="en"' in title_tags(dutch_ui, dutch) and 'lang="' not in title_tags(english_ui, dutch)


@pytest.mark.django_db
def test_an_article_summary_in_a_list_carries_its_language_too(client, written):
    assert '<p lang="nl">Zo kies je een licentie.</p>' in client.get("/en/kennisbank/recent/").text
    assert '<p lang="en">How to choose a licence.</p>' in client.get("/kennisbank/recent/").text
