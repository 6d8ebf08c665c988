"""Both languages findable (docs/i18n.md): Dutch at the plain URLs, English under /en/, the URL alone deciding;
hreflang alternates (with x-default, the Dutch page) in every page's head and in the sitemaps; a plain-link
language switch to the same page; og:locale per URL; content marked with its own language (WCAG 3.1.2)."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from casussen.models import Casus
from forum.models import Topic
from ospo_nl.search.models import SearchEntry
from tests.factories import make_casus, make_topic

from .conftest import SITE_URL, head_of
from .test_head_tags import PUBLIC_PAGES

PAGES = PUBLIC_PAGES | {"search": lambda c: "/zoeken/?q=eupl"}


def hreflang(response):
    return {link["hreflang"]: link["href"] for link in head_of(response).links
            if link.get("rel") == "alternate" and "hreflang" in link}


def canonical(response):
    return [link["href"] for link in head_of(response).links if link.get("rel") == "canonical"]


def language_switch(response):
    """The header's switch: [(hreflang, href)] of its links."""
    text = response.text
    part = text[text.index('class="language-switch"'):]
    part = part[:part.index("</p>")]
    return [(chunk.split('hreflang="')[1].split('"')[0], chunk.split('href="')[1].split('"')[0])
            for chunk in part.split("<a ")[1:]]


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES)
def test_hreflang_pairs_are_reciprocal_and_resolve(content, client, page):
    dutch_url = PAGES[page](content)
    dutch = client.get(dutch_url)
    assert dutch.status_code == 200
    links = hreflang(dutch)
    path = dutch_url.split("?")[0]
    assert links == {"nl": f"{SITE_URL}{path}", "en": f"{SITE_URL}/en{path}", "x-default": f"{SITE_URL}{path}"}
    if page != "search":  # the search page's canonical keeps no query; its alternates follow the canonical
        assert links["nl"] == canonical(dutch)[0]
    english = client.get(links["en"].removeprefix(SITE_URL))
    assert english.status_code == 200
    assert 'lang="en"' in english.text.split(">", 2)[1]  # <html lang="en">
    assert hreflang(english) == links  # reciprocal: the English page names the same pair
    assert canonical(english) == [links["en"]]


@pytest.mark.django_db
def test_a_paginated_page_names_its_own_page_in_the_other_language(content, client):
    response = client.get(content["topic"].get_absolute_url() + "?pagina=1")
    assert hreflang(response)["en"] == f"{SITE_URL}/en{content['topic'].get_absolute_url()}"


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "locale", "alternate"), [("/", "nl_NL", "en_GB"), ("/en/", "en_GB", "nl_NL")])
def test_og_locale_follows_the_url_with_the_other_as_alternate(client, url, locale, alternate):
    text = client.get(url).text
    assert f'<meta property="og:locale" content="{locale}">' in text
    assert f'<meta property="og:locale:alternate" content="{alternate}">' in text
    assert text.count('property="og:locale:alternate"') == 1


@pytest.mark.django_db
@pytest.mark.parametrize("headers", [{"HTTP_ACCEPT_LANGUAGE": "en"}, {"HTTP_COOKIE": "django_language=en"}])
def test_a_plain_url_is_dutch_whatever_the_browser_asks_and_is_not_redirected(content, client, headers):
    for url in ("/", content["casus"].get_absolute_url(), "/account/login/"):
        response = client.get(url, **headers)
        assert response.status_code == 200, url  # no redirect by Accept-Language: one URL, one language
        assert response["Content-Language"] == "nl"
        assert '<html lang="nl">' in response.text


@pytest.mark.django_db
def test_en_pages_are_english_and_nl_has_no_prefix_of_its_own(content, client):
    response = client.get("/en" + content["casus"].get_absolute_url())
    assert response["Content-Language"] == "en" and ">Knowledge base<" in response.text
    assert 'href="/en/kennisbank/"' in response.text  # the menu stays in English
    assert client.get("/nl" + content["casus"].get_absolute_url()).status_code == 404
    # The header's links are reversed once per language ({% site_url %}): the Dutch page after it has its own.
    dutch = client.get(content["casus"].get_absolute_url()).text
    assert 'href="/kennisbank/"' in dutch and 'href="/en/kennisbank/"' not in dutch
    assert f'href="/en{content["casus"].get_absolute_url()}" hreflang="en"' in dutch  # the switch, per URL


@pytest.mark.django_db
def test_machinery_urls_have_one_address_for_both_languages(client):
    for url in ("/robots.txt", "/sitemap.xml"):
        assert client.get(url).status_code == 200
        assert client.get("/en" + url).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["casus", "forum topic", "article", "organisation", "expert"])
def test_the_language_switch_is_a_link_to_the_same_page_in_the_other_language(content, client, page):
    url = PAGES[page](content)
    assert language_switch(client.get(url)) == [("en", f"/en{url}")]
    assert language_switch(client.get(f"/en{url}")) == [("nl", url)]
    assert client.get(f"/en{url}").status_code == 200


@pytest.mark.django_db
def test_the_language_switch_keeps_the_query_and_works_on_member_pages(member_client):
    assert language_switch(member_client.get("/casussen/?sorteer=nieuw")) == [("en", "/en/casussen/?sorteer=nieuw")]
    assert language_switch(member_client.get("/en/account/profiel/")) == [("nl", "/account/profiel/")]


@pytest.mark.django_db
def test_on_a_missing_page_the_switch_leads_to_the_other_home_page(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert language_switch(response) == [("en", "/en/")]
    assert hreflang(response) == {}


@pytest.mark.django_db
def test_sitemaps_list_every_page_in_both_languages_with_alternates(content, client):
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring(client.get("/sitemap-casussen.xml").content)
    entries = {url.findtext("sm:loc", namespaces=ns): {link.get("hreflang"): link.get("href")
                                                       for link in url.findall("xhtml:link", ns)}
               for url in root.findall("sm:url", ns)}
    path = content["casus"].get_absolute_url()
    pair = {"nl": f"{SITE_URL}{path}", "en": f"{SITE_URL}/en{path}", "x-default": f"{SITE_URL}{path}"}
    assert entries[pair["nl"]] == pair and entries[pair["en"]] == pair
    assert all(set(links) == {"nl", "en", "x-default"} for links in entries.values())
    pages = ET.fromstring(client.get("/sitemap-paginas.xml").content)
    assert f"{SITE_URL}/en/" in {url.findtext("sm:loc", namespaces=ns) for url in pages.findall("sm:url", ns)}


# Language of parts (WCAG 3.1.2) -----------------------------------------------------------------------------

@pytest.mark.django_db
def test_dutch_content_is_marked_nl_in_the_english_interface_only(content, client):
    casus = content["casus"]
    english = client.get(f"/en{casus.get_absolute_url()}").text
    assert f'<h1 class="utrecht-heading-1" lang="nl">{casus.title}</h1>' in english
    assert english.count('<div class="prose" lang="nl">') >= 3  # the question and both answers
    dutch = client.get(casus.get_absolute_url()).text
    assert f'<h1 class="utrecht-heading-1">{casus.title}</h1>' in dutch and 'lang="nl">' not in dutch.split(">", 2)[2]

    topic = client.get(f"/en{content['topic'].get_absolute_url()}").text
    assert 'lang="nl">Ervaringen met de EUPL</h1>' in topic
    assert topic.count('class="forum-post__body prose" lang="nl"') == 2  # the opening post and its reply

    article = client.get(f"/en{content['article'].get_absolute_url()}").text
    assert 'lang="nl">De EUPL kiezen</h1>' in article and '<div class="article-body" lang="nl"' in article
    assert '<article class="kennisbank-article">' in article  # the interface's labels stay English


@pytest.mark.django_db
def test_english_content_is_marked_en_in_the_dutch_interface(member, category, client):
    topic = make_topic(member, category, "How do you run an OSPO?", body="We are just starting.", language="en")
    text = client.get(topic.get_absolute_url()).text
    assert 'lang="en">How do you run an OSPO?</h1>' in text
    assert 'lang="en"' not in client.get(f"/en{topic.get_absolute_url()}").text.split("</header>", 1)[1]


# Choosing the language of a post ----------------------------------------------------------------------------

def casus_data(**overrides):
    return {"title": "How do we publish our code?", "body": "We had an app built.", "tried": "",
            "desired_outcome": "", "organisation": "", "phase": "publishing", "visibility": "public",
            "tag_string": "", **overrides}


@pytest.mark.django_db
def test_a_casus_is_dutch_unless_its_author_chooses_english(member_client):
    form = member_client.get(reverse("casussen:ask"), {"titel": "Hoe publiceren we?"}).text
    assert '<select name="language"' in form and '<option value="nl" selected>' in form
    member_client.post(reverse("casussen:ask"), casus_data(title="Zonder taal"))
    member_client.post(reverse("casussen:ask"), casus_data(language="en"))
    assert dict(Casus.objects.values_list("title", "language")) == {
        "Zonder taal": "nl", "How do we publish our code?": "en"}


@pytest.mark.django_db
def test_an_unknown_language_is_refused_with_a_message(member_client):
    response = member_client.post(reverse("casussen:ask"), casus_data(language="fr"))
    assert response.status_code == 400
    assert "Selecteer een geldige keuze" in response.text
    assert not Casus.objects.exists()


@pytest.mark.django_db
def test_the_author_changes_a_casus_language_when_editing(member, member_client):
    casus = make_casus(member, "Welke licentie?")
    data = casus_data(title=casus.title, language="en")
    data["version"] = member_client.get(reverse("casussen:edit", args=[casus.slug])).context["form"]["version"].value()
    assert member_client.post(reverse("casussen:edit", args=[casus.slug]), data).status_code == 302
    casus.refresh_from_db()
    assert casus.language == "en"


@pytest.mark.django_db
def test_a_topic_takes_its_language_from_the_form_and_keeps_it_when_edited(member_client, category):
    url = reverse("forum:topic_create", args=[category.slug])
    member_client.post(url, {"title": "Running an OSPO", "body": "Tips?", "language": "en"})
    topic = Topic.objects.get()
    assert topic.language == "en"
    edit = reverse("forum:topic_edit", args=[topic.pk])
    version = member_client.get(edit).context["form"]["version"].value()
    member_client.post(edit, {"title": "Running an OSPO", "body": "Any tips?", "version": version})
    topic.refresh_from_db()
    assert (topic.body, topic.language) == ("Any tips?", "en")  # left out of the form: unchanged
    assert member_client.post(url, {"title": "Een OSPO", "body": "Tips?", "language": "xx"}).status_code == 400


@pytest.mark.django_db
def test_a_topic_made_into_a_casus_keeps_its_language(member, category, curator_client):
    topic = make_topic(member, category, "Running an OSPO", body="Tips?", language="en")
    curator_client.post(reverse("topic_to_casus", args=[topic.pk]))
    assert Casus.objects.get(title="Running an OSPO").language == "en"


# Stored links stay Dutch; pages show them in their own language ---------------------------------------------

@pytest.mark.django_db
def test_search_entries_store_the_dutch_path_and_english_results_link_english_pages(member, member_client):
    member_client.post("/en" + reverse("casussen:ask"), casus_data(title="Publishing code under the EUPL"))
    casus = Casus.objects.get()
    assert SearchEntry.objects.get(object_id=casus.pk, kind="casus").url == casus.get_absolute_url()
    results = member_client.get("/en/zoeken/", {"q": "EUPL"}).text
    assert f'href="/en{casus.get_absolute_url()}"' in results
    suggestions = member_client.get("/en/zoeken/suggesties/", {"q": "Publishing code"}).json()["results"]
    assert suggestions[0]["url"] == f"/en{casus.get_absolute_url()}"
