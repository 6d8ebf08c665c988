"""Paginated lists: each later page has its own title and its own canonical URL (keeping its filters), and a
page past the last one is 404, not a copy of the last page."""

import pytest

from ospo_nl.core.pagination import page_or_404
from tests.directory.conftest import bulk_organisations
from tests.factories import make_article

from .conftest import SITE_URL, head_of


def canonical(response):
    return [link["href"] for link in head_of(response).links if link.get("rel") == "canonical"]


@pytest.fixture
def organisations(db):
    return bulk_organisations(45)  # 3 pages of 20; has_ospo on the even ones: 22 without, 2 pages


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "title", "url"), [
    ("", "Organisaties · OSPO-NL", "/organisaties/"),
    ("?pagina=2", "Organisaties – pagina 2 · OSPO-NL", "/organisaties/?pagina=2"),
    ("?ospo=nee", "Organisaties · OSPO-NL", "/organisaties/"),
    ("?ospo=nee&pagina=2", "Organisaties – pagina 2 · OSPO-NL", "/organisaties/?ospo=nee&pagina=2"),
    ("?pagina=2&sorteer=naam&ospo=nee", "Organisaties – pagina 2 · OSPO-NL", "/organisaties/?ospo=nee&pagina=2"),
])
def test_each_page_of_a_list_has_its_own_title_and_canonical(organisations, client, query, title, url):
    head = head_of(client.get(f"/organisaties/{query}"))
    assert head.title == title
    assert canonical(client.get(f"/organisaties/{query}")) == [f"{SITE_URL}{url}"]


@pytest.mark.django_db
def test_the_recent_articles_page_2_has_its_own_title(client):
    for n in range(21):
        make_article(slug=f"artikel-{n:02d}", title=f"Artikel {n:02d}")
    first, second = head_of(client.get("/kennisbank/recent/")), head_of(client.get("/kennisbank/recent/?pagina=2"))
    assert second.title != first.title and "pagina 2" in second.title
    assert canonical(client.get("/kennisbank/recent/?pagina=2")) == [f"{SITE_URL}/kennisbank/recent/?pagina=2"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/organisaties/?pagina=999", "/organisaties/?ospo=nee&pagina=3",
                                 "/organisaties/?pagina=0", "/casussen/?pagina=999", "/kennisbank/recent/?pagina=2",
                                 "/bijeenkomsten/?pagina=5", "/signalen/?pagina=5", "/initiatieven/?pagina=2",
                                 "/experts/?pagina=2"])
def test_a_page_past_the_last_is_404(organisations, client, url):
    assert client.get(url).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?pagina=1", "?pagina=abc", "?pagina="])
def test_the_first_page_is_there_even_for_an_empty_list_or_a_page_that_is_no_number(client, query):
    assert client.get(f"/organisaties/{query}").status_code == 200


def test_page_or_404_reads_the_page_parameter():
    from django.core.paginator import Paginator
    from django.http import Http404

    paginator = Paginator(list(range(45)), 20)
    assert page_or_404(paginator, None).number == 1
    assert page_or_404(paginator, "x").number == 1
    assert page_or_404(paginator, "3").number == 3
    for number in ("4", "0", "-1"):
        with pytest.raises(Http404):
            page_or_404(paginator, number)


@pytest.mark.django_db
def test_articles_with_the_same_title_in_two_sections_have_different_page_titles(client):
    from tests.factories import make_section

    one = make_article(make_section("licenties", "Licenties"), slug="aan-de-slag", title="Aan de slag")
    two = make_article(make_section("publiceren", "Publiceren"), slug="aan-de-slag-2", title="Aan de slag")
    titles = {head_of(client.get(article.get_absolute_url())).title for article in (one, two)}
    assert titles == {"Aan de slag · Licenties · Kennisbank · OSPO-NL",
                      "Aan de slag · Publiceren · Kennisbank · OSPO-NL"}
