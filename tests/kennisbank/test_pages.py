"""The public pages: home by section, section, article, lists by kind and tag, recently updated."""

import pytest
from django.urls import reverse

from kennisbank.models import Article
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(section):
    """licenties (index article) > eupl; articles sharing tags; one draft everywhere a visitor might look."""
    eupl = make_section("eupl", "EUPL", parent=section)
    intro = make_article(section, slug="licenties-intro", title="Over licenties", body="Waarom licenties ertoe doen.")
    section.index_article = intro
    section.save()
    main = make_article(eupl, slug="eupl-kiezen", title="De EUPL kiezen", tags=["eupl", "licenties"],
                        body="## Waarom\n\nOmdat.\n\n## Hoe\n\nZo.", kind=Article.Kind.STEP_BY_STEP,
                        summary="Een stappenplan.", author_names="Marc van Andel, Johan Groenen")
    related = make_article(section, slug="licenties-vergelijken", title="Licenties vergelijken", tags=["eupl"])
    draft = make_article(section, slug="geheim-concept", title="Geheim concept", tags=["eupl", "licenties"],
                         status=Article.Status.DRAFT, kind=Article.Kind.STEP_BY_STEP)
    return {"section": section, "eupl": eupl, "intro": intro, "main": main, "related": related, "draft": draft}


def test_an_article_page_has_title_toc_breadcrumbs_licence_and_attribution(client, tree):
    response = client.get("/kennisbank/licenties/eupl/eupl-kiezen/")
    assert response.status_code == 200
    html = response.text
    assert html.count("<h1") == 1 and "De EUPL kiezen" in html
    assert '<a href="#waarom">Waarom</a>' in html and '<a href="#hoe">Hoe</a>' in html
    assert 'href="/kennisbank/licenties/">Licenties</a>' in html
    assert 'href="/kennisbank/licenties/eupl/">EUPL</a>' in html
    assert 'rel="license">CC BY 4.0</a>' in html and "Marc van Andel, Johan Groenen" in html
    assert "Licenties vergelijken" in html  # related through the shared tag
    assert "Geheim concept" not in html
    assert "Bewerken" not in html


def test_a_section_page_shows_its_index_article_children_and_articles(client, tree):
    html = client.get("/kennisbank/licenties/").text
    assert "Waarom licenties ertoe doen." in html
    assert 'href="/kennisbank/licenties/eupl/"' in html and "Licenties vergelijken" in html
    assert "Geheim concept" not in html


def test_the_index_article_url_redirects_to_its_section(client, tree):
    response = client.get("/kennisbank/licenties/licenties-intro/")
    assert response.status_code == 301 and response.url == "/kennisbank/licenties/"


def test_home_lists_sections_with_their_articles_and_recent_ones(client, tree):
    html = client.get(reverse("kennisbank:home")).text
    assert 'href="/kennisbank/licenties/">Licenties</a>' in html and "Licenties vergelijken" in html
    assert "Geheim concept" not in html


@pytest.mark.parametrize("url", [
    "/kennisbank/soort/stappenplan/", "/kennisbank/tag/eupl/", "/kennisbank/recent/", "/kennisbank/",
    "/kennisbank/licenties/", "/kennisbank/licenties/eupl/eupl-kiezen/",
])
def test_drafts_never_reach_visitors_or_members(client, member_client, curator_client, tree, url):
    for c in (client, member_client):
        response = c.get(url)
        assert response.status_code == 200 and "Geheim concept" not in response.text
    assert "Geheim concept" in curator_client.get(url).text


def test_a_draft_page_is_404_for_visitors_and_members_and_shown_to_curators(client, member_client, curator_client,
                                                                             tree):
    url = "/kennisbank/licenties/geheim-concept/"
    assert client.get(url).status_code == 404
    assert member_client.get(url).status_code == 404
    response = curator_client.get(url)
    assert response.status_code == 200 and "alleen curatoren zien dit artikel" in response.text


def test_lists_by_kind_tag_and_recent_show_the_right_articles(client, tree):
    assert "De EUPL kiezen" in client.get("/kennisbank/soort/stappenplan/").text
    assert "Licenties vergelijken" not in client.get("/kennisbank/soort/stappenplan/").text
    tag_page = client.get("/kennisbank/tag/licenties/").text
    assert "De EUPL kiezen" in tag_page and "Licenties vergelijken" not in tag_page


@pytest.mark.parametrize("url", ["/kennisbank/soort/onbekend/", "/kennisbank/tag/bestaat-niet/",
                                 "/kennisbank/bestaat-niet/", "/kennisbank/licenties/bestaat-niet/"])
def test_unknown_things_are_404(client, tree, url):
    assert client.get(url).status_code == 404


def test_pages_refuse_post(client, tree):
    assert client.post("/kennisbank/").status_code == 405
    assert client.post("/kennisbank/licenties/eupl/eupl-kiezen/").status_code == 405


def test_list_pages_paginate(client, section):
    for n in range(25):
        make_article(section, slug=f"artikel-{n:02d}")
    page_two = client.get("/kennisbank/recent/?pagina=2")
    assert page_two.status_code == 200 and "Pagina 2 van 2" in page_two.text


# --- query counts: the same for 3 and 30 articles ----------------------------------------------------------

def fill(section, count):
    other = make_section("achtergrond", "Achtergrond")
    for n in range(count):
        make_article(section if n % 2 else other, slug=f"artikel-{n:02d}", tags=["eupl", f"tag-{n % 3}"],
                     kind=Article.Kind.STEP_BY_STEP, author_names="Anna")


@pytest.mark.parametrize("count", [3, 30])
def test_query_counts_do_not_grow_with_the_data(client, section, count, django_assert_num_queries):
    fill(section, count)
    child = make_section("eupl", "EUPL", parent=section)
    article = make_article(child, slug="eupl-kiezen", tags=["eupl"])
    # home: top-level sections, their articles, recently updated
    with django_assert_num_queries(3):
        assert client.get("/kennisbank/").status_code == 200
    # top-level section: section (+ index article), breadcrumbs, child sections, articles
    with django_assert_num_queries(4):
        assert client.get("/kennisbank/licenties/").status_code == 200
    # nested section: article lookup (misses), section, breadcrumbs, child sections, articles
    with django_assert_num_queries(5):
        assert client.get("/kennisbank/licenties/eupl/").status_code == 200
    # article: article + section, tags, related (one query), authors + profiles, breadcrumbs,
    # the casussen it came from
    with django_assert_num_queries(6):
        assert client.get(article.get_absolute_url()).status_code == 200
    # by kind and recent: count, page
    with django_assert_num_queries(2):
        assert client.get("/kennisbank/soort/stappenplan/").status_code == 200
    with django_assert_num_queries(2):
        assert client.get("/kennisbank/recent/").status_code == 200
    # by tag: tag, count, page
    with django_assert_num_queries(3):
        assert client.get("/kennisbank/tag/eupl/").status_code == 200


def test_curator_article_page_costs_two_queries_more_for_session_and_user_with_profile(curator_client, tree,
                                                                                      django_assert_num_queries):
    # session, user with profile (account menu in base.html), then the six of a visitor
    with django_assert_num_queries(8):
        assert curator_client.get("/kennisbank/licenties/eupl/eupl-kiezen/").status_code == 200


def test_feed_sitemap_and_search_index_leave_drafts_out(client, tree):
    from kennisbank.search_index import article_entry
    from kennisbank.sitemaps import ArticleSitemap

    feed = client.get("/kennisbank/feed/")
    assert feed.status_code == 200 and "De EUPL kiezen" in feed.text and "Geheim concept" not in feed.text
    assert tree["draft"] not in list(ArticleSitemap().items())
    assert article_entry(tree["draft"]) is None
    assert article_entry(tree["main"])["url"] == "/kennisbank/licenties/eupl/eupl-kiezen/"


def test_feed_query_count(client, section, django_assert_num_queries):
    for n in range(5):
        make_article(section, slug=f"artikel-{n}")
    # The newest published articles with their sections; their tags; their member authors with profiles.
    with django_assert_num_queries(3):
        assert client.get("/kennisbank/feed/").status_code == 200


def test_related_articles_are_shared_but_drafts_stay_with_curators(tree, curator_client, member_client, settings):
    settings.CONTENT_CACHE_SECONDS = 600  # the shared cache on (locmem: one process)
    url = "/kennisbank/licenties/eupl/eupl-kiezen/"
    assert "Geheim concept" in curator_client.get(url).text  # a draft sharing tags: for curators
    html = member_client.get(url).text
    assert "Licenties vergelijken" in html and "Geheim concept" not in html
    assert "Geheim concept" not in member_client.get(url).text


def test_members_share_one_rendering_of_an_article_with_their_own_menu(tree, member_client, other_member_client,
                                                                      settings, django_assert_num_queries):
    settings.CONTENT_CACHE_SECONDS = 600
    url = tree["main"].get_absolute_url()
    first = member_client.get(url)
    assert first["X-Shared-Page"] == "miss" and "Mila Member" in first.text
    # session, user with profile, the article, whether they wrote one of its casussen outside their audiences
    with django_assert_num_queries(4):
        second = other_member_client.get(url)
    assert second["X-Shared-Page"] == "hit"
    assert "Olaf Other" in second.text and "Mila Member" not in second.text
    assert first.text.count("csrfmiddlewaretoken") == second.text.count("csrfmiddlewaretoken")


def test_a_casus_the_article_came_from_shows_as_each_viewer_may_see_it(tree, member, member_client,
                                                                       other_member_client, settings):
    from casussen.models import Casus  # noqa: PLC0415 (the tests may join what the apps keep apart)
    from tests.factories import make_casus  # noqa: PLC0415

    settings.CONTENT_CACHE_SECONDS = 600
    casus = make_casus(member, "Onze eigen EUPL-vraag", visibility=Casus.Visibility.EXPERTS)
    Casus.objects.filter(pk=casus.pk).update(article=tree["main"])
    url = tree["main"].get_absolute_url()
    assert "Onze eigen EUPL-vraag" not in other_member_client.get(url).text  # experts only: not for Olaf
    own = member_client.get(url)
    assert own["X-Shared-Page"] == "miss" and "Onze eigen EUPL-vraag" in own.text  # its author's own page
    assert "Onze eigen EUPL-vraag" not in other_member_client.get(url).text


def test_curators_share_a_rendering_with_drafts_and_edit_links_that_members_never_get(tree, curator_client,
                                                                                     member_client, settings):
    settings.CONTENT_CACHE_SECONDS = 600
    url = tree["main"].get_absolute_url()
    edit = reverse("kennisbank:article_edit", args=[tree["main"].slug])
    assert edit in curator_client.get(url).text
    html = member_client.get(url).text
    assert edit not in html and "Geheim concept" not in html


def test_the_home_is_shared_by_members_until_the_kennisbank_changes(settings, tree, curator_client, member_client,
                                                                    other_member_client, django_assert_num_queries):
    settings.CONTENT_CACHE_SECONDS = 600
    assert "Geheim concept" in curator_client.get("/kennisbank/").text  # curators see drafts: their own page
    first = member_client.get("/kennisbank/").text
    assert "Licenties vergelijken" in first and "Geheim concept" not in first
    # 1 session, 2 user with profile; the page from the cache, with this member's own menu.
    with django_assert_num_queries(2):
        second = other_member_client.get("/kennisbank/").text
    assert "Licenties vergelijken" in second and "Geheim concept" not in second
    assert "Olaf Other" in second and "Mila Member" not in second
    make_article(tree["section"], slug="nieuw", title="Een nieuw artikel")
    assert "Een nieuw artikel" in other_member_client.get("/kennisbank/").text
