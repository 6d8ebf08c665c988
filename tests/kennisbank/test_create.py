"""Curators write a new article on the site (kennisbank.views.article_create): it starts as a revision with
them as its author, and nobody else may reach the form."""

import pytest
from django.urls import reverse

from kennisbank.models import Article, Section
from ospo_nl.core.revisions import revisions_of
from tests.factories import make_article

pytestmark = pytest.mark.django_db
URL = reverse("kennisbank:article_create")


def form_data(section, **changes):
    data = {"title": "Een OSPO beginnen", "kind": Article.Kind.BACKGROUND, "section": section.pk, "order": 0,
            "summary": "", "body": "## Eerste stap\n\nBegin klein.", "tags": "ospo", "status": "draft",
            "last_reviewed_at": "", "image_caption": "", "licence": "CC BY 4.0", "message": "eerste versie"}
    return {**data, **changes}


def test_a_curator_writes_a_draft_and_is_its_author(curator_client, curator, section):
    response = curator_client.post(URL, form_data(section))
    article = Article.objects.get(title="Een OSPO beginnen")
    assert response.status_code == 302 and response.url == article.get_absolute_url()
    assert article.slug == "een-ospo-beginnen" and article.status == Article.Status.DRAFT
    assert '<h2 id="eerste-stap">Eerste stap</h2>' in article.body_html
    assert list(article.authors.all()) == [curator] and list(article.tags.names()) == ["ospo"]
    assert revisions_of(article).get().message == "eerste versie"
    assert "Begin klein." in curator_client.get(article.get_absolute_url()).text


def test_the_slug_is_free_in_the_whole_kennisbank_and_in_its_section(curator_client, section):
    make_article(section, slug="een-ospo-beginnen", title="Ouder artikel")
    Section.objects.create(parent=section, slug="een-ospo-beginnen-2", title="Subsectie")
    curator_client.post(URL, form_data(section))
    assert Article.objects.get(title="Een OSPO beginnen").slug == "een-ospo-beginnen-3"


def test_bad_input_re_renders_with_400_keeps_the_input_and_saves_nothing(curator_client, section):
    response = curator_client.post(URL, form_data(section, title="", body="Mijn nieuwe tekst"))
    assert response.status_code == 400
    assert "Mijn nieuwe tekst" in response.text and "error-summary" in response.text
    assert not Article.objects.filter(body="Mijn nieuwe tekst").exists()


def test_only_curators_reach_the_form(client, member_client, expert_client, section):
    assert client.get(URL).status_code == 302  # to the login page
    for other in (member_client, expert_client):
        assert other.get(URL).status_code == 403
        assert other.post(URL, form_data(section)).status_code == 403
    assert not Article.objects.filter(title="Een OSPO beginnen").exists()


def test_the_kennisbank_home_links_the_form_for_curators_only(curator_client, member_client):
    assert URL in curator_client.get(reverse("kennisbank:home")).text
    assert URL not in member_client.get(reverse("kennisbank:home")).text


def test_the_form_query_count(curator_client, section, django_assert_num_queries):
    # session, user with profile (menu), section choices
    with django_assert_num_queries(3):
        assert curator_client.get(URL).status_code == 200
