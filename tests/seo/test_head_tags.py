"""Every public page type: <title>, meta description, canonical URL on SITE_URL, OpenGraph tags; noindex where a
page is not for search engines (search results, account pages, forms, errors)."""

import pytest

from tests.factories import make_casus

from .conftest import SITE_URL, head_of

PUBLIC_PAGES = {
    "home": lambda c: "/",
    "casus list": lambda c: "/casussen/",
    "casus": lambda c: c["casus"].get_absolute_url(),
    "casussen by tag": lambda c: "/casussen/tag/licenties/",
    "forum": lambda c: "/forum/",
    "forum category": lambda c: c["category"].get_absolute_url(),
    "forum topic": lambda c: c["topic"].get_absolute_url(),
    "kennisbank": lambda c: "/kennisbank/",
    "kennisbank section": lambda c: c["section"].get_absolute_url(),
    "kennisbank subsection": lambda c: c["subsection"].get_absolute_url(),
    "article": lambda c: c["article"].get_absolute_url(),
    "articles by kind": lambda c: "/kennisbank/soort/stappenplan/",
    "articles by tag": lambda c: "/kennisbank/tag/licenties/",
    "recent articles": lambda c: "/kennisbank/recent/",
    "organisations": lambda c: "/organisaties/",
    "organisation": lambda c: c["organisation"].get_absolute_url(),
    "initiatives": lambda c: "/initiatieven/",
    "initiative": lambda c: c["initiative"].get_absolute_url(),
    "experts": lambda c: "/experts/",
    "expert": lambda c: c["expert"].profile.get_absolute_url(),
    "accessibility": lambda c: "/toegankelijkheid/",
    "privacy": lambda c: "/privacy/",
}


@pytest.mark.django_db
@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_every_public_page_has_title_description_canonical_and_opengraph(content, client, page):
    url = PUBLIC_PAGES[page](content)
    response = client.get(url)
    assert response.status_code == 200
    head = head_of(response)
    assert head.title.endswith(" · OSPO-NL") and len(head.title) > len(" · OSPO-NL") + 2
    description = head.meta["description"]
    assert 20 <= len(description) <= 160
    assert "<" not in description and "&amp;" not in description  # plain text, escaped once
    canonical = [link["href"] for link in head.links if link.get("rel") == "canonical"]
    assert canonical == [f"{SITE_URL}{url}"]
    assert head.meta["og:url"] == canonical[0]
    assert head.meta["og:title"] and head.meta["og:description"] == description
    assert head.meta["og:type"] in {"website", "article", "profile"}
    assert "robots" not in head.meta


@pytest.mark.django_db
@pytest.mark.parametrize(("page", "og_type"), [("article", "article"), ("casus", "article"), ("home", "website")])
def test_articles_are_og_type_article(content, client, page, og_type):
    assert head_of(client.get(PUBLIC_PAGES[page](content))).meta["og:type"] == og_type


@pytest.mark.django_db
def test_a_long_body_gives_a_description_of_at_most_160_plain_characters(content, client):
    casus = make_casus(content["casus"].author, "Lange vraag")
    body_html = "<p>" + "Een <strong>heel</strong> lange zin &amp; meer. " * 20 + "</p>"
    type(casus).objects.filter(pk=casus.pk).update(body_html=body_html)  # stored as if rendered
    description = head_of(client.get(casus.get_absolute_url())).meta["description"]
    assert len(description) <= 160 and description.endswith("…")
    assert description.startswith("Een heel lange zin & meer.")


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "canonical"), [
    ("?sorteer=nieuwste&status=alle", "/casussen/"),
    ("?pagina=1", "/casussen/"),
    ("?pagina=2&sorteer=stemmen", "/casussen/?pagina=2"),
    ("?pagina=abc", "/casussen/"),
])
def test_list_pages_are_canonical_without_sorting_but_with_the_page_number(content, client, query, canonical):
    head = head_of(client.get(f"/casussen/{query}"))
    assert [link["href"] for link in head.links if link.get("rel") == "canonical"] == [f"{SITE_URL}{canonical}"]


@pytest.mark.django_db
def test_canonical_urls_use_site_url_not_the_request_host(content, client):
    response = client.get("/kennisbank/", HTTP_HOST="localhost")
    assert f'<link rel="canonical" href="{SITE_URL}/kennisbank/">' in response.text


NOINDEX_ANONYMOUS = ["/zoeken/?q=licentie", "/account/login/", "/account/signup/", "/bestaat-niet/"]
NOINDEX_MEMBER = [
    "/casussen/vragen/", "/forum/categorie/licenties/nieuw/", "/account/profiel/", "/meldingen/", "/volgend/",
    "/meldingen/instellingen/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", NOINDEX_ANONYMOUS)
def test_search_account_and_error_pages_are_noindex(content, client, url):
    assert "noindex" in head_of(client.get(url)).meta.get("robots", "")


@pytest.mark.django_db
@pytest.mark.parametrize("url", NOINDEX_MEMBER)
def test_forms_and_personal_pages_are_noindex(content, member_client, url):
    response = member_client.get(url)
    assert response.status_code == 200
    assert "noindex" in head_of(response).meta.get("robots", "")


@pytest.mark.django_db
def test_edit_forms_history_and_403_are_noindex(content, member_client, client):
    topic = content["topic"]
    for url in (f"/forum/onderwerp/{topic.pk}/acties/bewerken/", f"/forum/onderwerp/{topic.pk}/acties/reageren/",
                f"/forum/onderwerp/{topic.pk}/acties/geschiedenis/",
                f"{content['casus'].get_absolute_url()}geschiedenis/"):
        response = member_client.get(url)
        assert response.status_code == 200, url
        assert "noindex" in head_of(response).meta.get("robots", ""), url


@pytest.mark.django_db
def test_robots_txt_keeps_crawlers_out_of_admin_accounts_and_search_and_names_the_sitemap(client):
    text = client.get("/robots.txt").text
    for path in ("/admin/", "/account/", "/zoeken/"):
        assert f"Disallow: {path}" in text
    assert f"Sitemap: {SITE_URL}/sitemap.xml" in text
