import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_home_renders_for_a_visitor_in_dutch(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert 'lang="nl"' in response.text
    assert "Naar de inhoud" in response.text  # skip link
    assert 'href="/toegankelijkheid/"' in response.text


@pytest.mark.django_db
def test_home_is_english_under_en(client):
    response = client.get("/en/")
    assert 'lang="en"' in response.text
    assert 'href="/en/toegankelijkheid/"' in response.text


@pytest.mark.django_db
def test_home_sends_a_strict_content_security_policy(client):
    response = client.get(reverse("home"))
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp


def test_post_to_home_is_405(client):
    assert client.post(reverse("home")).status_code == 405


@pytest.mark.django_db
def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.text


@pytest.mark.django_db
def test_accessibility_statement_page(client):
    response = client.get(reverse("accessibility"))
    assert response.status_code == 200
    assert "WCAG 2.1" in response.text


def test_robots_txt_blocks_admin_accounts_and_search(client):
    text = client.get("/robots.txt").text
    for path in ("/admin/", "/account/", "/zoeken/", "/en/admin/", "/en/account/", "/en/zoeken/"):
        assert f"Disallow: {path}" in text
    assert "Sitemap: " in text


@pytest.mark.django_db
def test_home_query_count_is_pinned(client, django_assert_num_queries):
    # One query per part's "what is new" list: directory, casussen, forum, kennisbank, and the network's
    # upcoming meetings and signals.
    from ospo_nl.core.registries import home_sections

    assert len(home_sections) == 6
    with django_assert_num_queries(6):
        client.get(reverse("home"))
