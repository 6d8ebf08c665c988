"""Curators edit in Django admin: a preview of the rendered Markdown, and a revision per save."""

import pytest
from django.urls import reverse

from ospo_nl.core.revisions import revisions_of
from tests.factories import make_article
from tests.helpers import admin_form_data

pytestmark = pytest.mark.django_db


def test_the_change_page_shows_the_rendered_preview(admin_client_, section):
    article = make_article(section, slug="eupl", body="## Kop\n\n<script>x()</script>*nadruk*")
    response = admin_client_.get(reverse("admin:kennisbank_article_change", args=[article.pk]))
    assert response.status_code == 200
    assert '<div class="article-body"><h2 id="kop">Kop</h2>' in response.text
    assert "<script>x()" not in response.text


def test_saving_in_admin_keeps_a_revision(admin_client_, admin_user, section):
    article = make_article(section, slug="eupl", title="EUPL", body="Oud.")
    data = {"title": "EUPL", "slug": "eupl", "kind": "background", "section": section.pk, "order": 0,
            "status": "published", "published_at_0": "2026-01-02", "published_at_1": "10:00:00",
            "summary": "", "body": "Nieuw.", "tags": "", "author_names": "", "last_reviewed_at": "",
            "image_caption": "", "image_source": "", "licence": "CC BY 4.0",
            "language": "nl", "listed": "on", "source_url": ""}
    response = admin_client_.post(reverse("admin:kennisbank_article_change", args=[article.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    latest = revisions_of(article).first()
    assert latest.data["body"] == "Nieuw." and latest.author == admin_user and latest.message == "Bewerkt in beheer"


def test_the_article_list_in_admin(admin_client_, section):
    make_article(section, slug="eupl")
    assert admin_client_.get(reverse("admin:kennisbank_article_changelist")).status_code == 200
    assert admin_client_.get(reverse("admin:kennisbank_section_changelist")).status_code == 200


def test_an_article_slug_that_a_child_section_uses_is_a_form_error(admin_client_, section):
    from kennisbank.models import Article, Section

    Section.objects.create(parent=section, title="EUPL", slug="eupl")
    data = {"title": "EUPL", "slug": "eupl", "kind": "background", "section": section.pk, "order": 0,
            "status": "draft", "summary": "", "body": "Tekst.", "tags": "", "author_names": "",
            "last_reviewed_at": "", "image_caption": "", "image_source": "", "licence": "CC BY 4.0",
            "language": "nl", "listed": "on", "source_url": ""}
    response = admin_client_.post(reverse("admin:kennisbank_article_add"), data)
    assert response.status_code == 200
    assert "Er is al een subsectie met deze slug in deze sectie." in response.text
    assert not Article.objects.filter(slug="eupl").exists()


def test_a_section_slug_that_an_article_uses_is_a_form_error(admin_client_, section):
    from kennisbank.models import Section

    make_article(section, slug="eupl")
    response = admin_client_.post(reverse("admin:kennisbank_section_add"),
                                  {"parent": section.pk, "title": "EUPL", "slug": "eupl", "order": 0})
    assert response.status_code == 200
    assert "Er staat al een artikel met deze slug in de bovenliggende sectie." in response.text
    assert not Section.objects.filter(slug="eupl").exists()


def test_a_stale_save_in_admin_is_refused_with_both_versions_and_keeps_the_text(admin_client_, curator_client,
                                                                                section):
    from kennisbank.models import Article

    article = make_article(section, slug="eupl", title="EUPL", body="Oud.")
    url = reverse("admin:kennisbank_article_change", args=[article.pk])
    opened = admin_client_.get(url)
    assert 'name="version"' in opened.text
    assert curator_client.post(url, admin_form_data(curator_client.get(url), body="Door de curator.")).status_code \
        == 302
    response = admin_client_.post(url, admin_form_data(opened, body="Door de beheerder."))
    assert response.status_code == 409
    assert "Iemand anders heeft dit intussen opgeslagen" in response.text
    assert "comparison__table" in response.text and "<del>" in response.text and "<ins>" in response.text
    assert "Door de beheerder.</textarea>" in response.text
    assert Article.objects.get(pk=article.pk).body == "Door de curator."
    # Saving the form as shown takes the administrator's text, knowingly; one revision per save.
    assert admin_client_.post(url, response.context["adminform"].form.data).status_code == 302
    assert [r.data["body"] for r in revisions_of(article)][:2] == ["Door de beheerder.", "Door de curator."]
