"""Curators edit articles on the site; every save keeps a revision."""

import pytest
from django.urls import reverse

from kennisbank.models import Article
from ospo_nl.core.edit_conflicts import version_of
from ospo_nl.core.revisions import revisions_of
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(section):
    return make_article(section, slug="eupl-kiezen", title="De EUPL kiezen", body="Oud.")


def form_data(article, **changes):
    data = {"title": article.title, "kind": article.kind, "section": article.section_id, "order": 0,
            "summary": "", "body": article.body, "tags": "eupl", "status": article.status,
            "last_reviewed_at": "", "image_caption": "", "licence": "CC BY 4.0", "message": "",
            "version": version_of(article)}
    return {**data, **changes}


def url(article):
    return reverse("kennisbank:article_edit", args=[article.slug])


def test_a_curator_edits_an_article_and_a_revision_is_kept(curator_client, curator, article):
    response = curator_client.post(url(article), form_data(article, body="## Nieuw\n\nBeter.", message="bijgewerkt"))
    assert response.status_code == 302 and response.url == article.get_absolute_url()
    article.refresh_from_db()
    assert '<h2 id="nieuw">Nieuw</h2>' in article.body_html and article.toc[0]["id"] == "nieuw"
    assert list(article.tags.names()) == ["eupl"]
    latest = revisions_of(article).first()
    assert latest.author == curator and latest.message == "bijgewerkt" and latest.data["body"].startswith("## Nieuw")


def test_the_form_shows_for_a_curator_with_a_preview(curator_client, article):
    response = curator_client.get(url(article))
    assert response.status_code == 200 and "<p>Oud.</p>" in response.text


def test_bad_input_re_renders_with_400_and_keeps_the_input(curator_client, article):
    response = curator_client.post(url(article), form_data(article, title="", body="Mijn nieuwe tekst"))
    assert response.status_code == 400
    assert "Mijn nieuwe tekst" in response.text and "error-summary" in response.text
    article.refresh_from_db()
    assert article.body == "Oud."


def test_an_oversized_or_wrong_image_is_refused(curator_client, article):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile("script.svg", b"<svg onload=alert(1)>", content_type="image/svg+xml")
    response = curator_client.post(url(article), {**form_data(article), "image": bad})
    assert response.status_code == 400
    article.refresh_from_db()
    assert not article.image


def test_anonymous_is_sent_to_login(client, article):
    response = client.post(url(article), form_data(article, body="Gekaapt"))
    assert response.status_code == 302 and "/account/login/" in response.url
    article.refresh_from_db()
    assert article.body == "Oud."


def test_a_member_or_expert_gets_403(member_client, expert_client, article):
    for c in (member_client, expert_client):
        assert c.get(url(article)).status_code == 403
        assert c.post(url(article), form_data(article, body="Gekaapt")).status_code == 403
    article.refresh_from_db()
    assert article.body == "Oud."


def test_a_member_gets_404_for_a_draft(member_client, section):
    draft = make_article(section, slug="concept", status=Article.Status.DRAFT)
    assert member_client.post(url(draft), form_data(draft)).status_code == 404


def test_unknown_article_is_404_and_other_methods_405(curator_client, article):
    assert curator_client.get(reverse("kennisbank:article_edit", args=["bestaat-niet"])).status_code == 404
    assert curator_client.put(url(article)).status_code == 405


def test_edit_form_query_count(curator_client, article, django_assert_num_queries):
    # session, user with profile (menu), article + section, newest revision (the form's version), tags of the
    # instance, section choices
    with django_assert_num_queries(6):
        assert curator_client.get(url(article)).status_code == 200


def test_two_curators_editing_at_once_lose_nothing(curator_client, admin_client_, article):
    # Both open the form on the same version.
    version = curator_client.get(url(article)).context["form"].initial["version"]
    assert version == admin_client_.get(url(article)).context["form"].initial["version"]
    first = admin_client_.post(url(article), form_data(article, body="Eerste versie.", version=version))
    assert first.status_code == 302
    stale = curator_client.post(url(article), form_data(article, body="Tweede versie.", version=version))
    # Nothing saved: both versions and the difference are shown, the second curator's text stays in the form.
    assert stale.status_code == 409
    article.refresh_from_db()
    assert article.body == "Eerste versie."
    text = stale.text
    assert "Iemand anders heeft dit intussen opgeslagen" in text
    assert "<del>Eerste</del> versie." in text and "<ins>Tweede</ins> versie." in text
    assert "Tweede versie.</textarea>" in text
    # Saving again from the form as shown takes the second version, knowingly.
    again = stale.context["form"].data
    assert curator_client.post(url(article), again).status_code == 302
    article.refresh_from_db()
    assert article.body == "Tweede versie."
    assert [r.data["body"] for r in revisions_of(article)][:2] == ["Tweede versie.", "Eerste versie."]
