"""Bad input in any list, search or slug parameter: 400 or ignored, never a 500 (ospo_nl.core.request_guard)."""

import pytest

from tests.factories import make_article, make_casus, make_topic

pytestmark = pytest.mark.django_db

# Every list and search page with the parameters it reads.
LIST_PAGES = [
    ("/zoeken/", ["q", "soort", "tag", "pagina"]),
    ("/zoeken/suggesties/", ["q"]),
    ("/casussen/", ["sorteer", "status", "fase", "tag", "organisatie", "pagina"]),
    ("/casussen/onbeantwoord/", ["alle", "sorteer", "status", "pagina"]),
    ("/casussen/tag/licenties/", ["sorteer", "status", "pagina"]),
    ("/forum/", ["pagina"]),
    ("/forum/categorie/licenties/", ["pagina"]),
    ("/kennisbank/", ["pagina"]),
    ("/kennisbank/recent/", ["pagina"]),
    ("/kennisbank/tag/licenties/", ["pagina"]),
    ("/organisaties/", ["q", "soort", "tag", "pagina"]),
    ("/initiatieven/", ["q", "soort", "tag", "pagina"]),
    ("/experts/", ["q", "tag", "pagina"]),
    ("/bijeenkomsten/", ["pagina"]),
    ("/signalen/", ["tag", "pagina"]),
    ("/sitemap-casussen.xml", ["p"]),
]
CASES = [(url, param) for url, params in LIST_PAGES for param in params]

# Paths with a NUL or a control character in a slug or path segment.
BAD_PATHS = [
    "/kennisbank/%00/", "/kennisbank/tag/%00/", "/kennisbank/licenties/%00/", "/casussen/%00/",
    "/casussen/tag/%00/", "/casussen/tag/%00/feed/", "/feeds/tag/%00/", "/forum/categorie/%00/",
    "/organisaties/%00/", "/initiatieven/%00/", "/bijeenkomsten/%00/", "/signalen/%00/", "/zoeken/%00",
    "/kennisbank/a%01b/",
]

# Values that are not NUL but still nonsense: ignored (200) or refused (400/404), never 500.
ODD_VALUES = ["'); drop table x; --", "x" * 5000, "%ff", "é🙂", "-1", "1e999", "../../etc/passwd", " "]


@pytest.fixture
def content(member, category):
    make_casus(member, "Welke licentie kiezen we?")
    make_topic(member, category)
    make_article(title="Licentie kiezen", tags=["licenties"])


@pytest.mark.parametrize(("url", "param"), CASES)
def test_a_nul_byte_in_any_parameter_is_a_400(client, content, url, param):
    response = client.get(url, {param: "a\x00b"})
    assert response.status_code == 400, (url, param)


@pytest.mark.parametrize(("url", "param"), CASES)
def test_a_nul_byte_in_a_parameter_name_is_a_400(client, content, url, param):
    assert client.get(url, {"a\x00": "1"}).status_code == 400


@pytest.mark.parametrize(("url", "param"), CASES)
def test_odd_values_in_any_parameter_never_break_the_page(client, content, url, param):
    for value in ODD_VALUES:
        status = client.get(url, {param: value}).status_code
        assert status in (200, 400, 404), (url, param, value, status)


@pytest.mark.parametrize("path", BAD_PATHS)
def test_a_nul_or_control_character_in_the_path_is_a_400(client, content, path):
    assert client.get(path).status_code == 400


@pytest.mark.parametrize(("url", "param"), CASES)
def test_a_member_gets_the_same_400_and_odd_values_are_fine(expert_client, content, url, param):
    assert expert_client.get(url, {param: "\x00"}).status_code == 400
    for value in ODD_VALUES:
        assert expert_client.get(url, {param: value}).status_code in (200, 400, 404), (url, param, value)


def test_tabs_and_line_breaks_in_a_search_are_fine(client, content):
    assert client.get("/zoeken/", {"q": "licentie\tkiezen\nwe"}).status_code == 200
