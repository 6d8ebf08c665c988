from datetime import date, timedelta

import pytest
from django.db import IntegrityError, transaction

from kennisbank.models import Article, Section
from ospo_nl.core.revisions import revisions_of
from tests.factories import make_article, make_section


@pytest.mark.django_db
def test_published_and_visible_to_hide_drafts_from_everyone_but_curators(section, member, curator):
    published = make_article(section, slug="eupl-kiezen")
    draft = make_article(section, slug="nog-niet-af", status=Article.Status.DRAFT)
    assert list(Article.objects.published()) == [published]
    assert set(Article.objects.visible_to(member)) == {published}
    assert set(Article.objects.visible_to(None)) == {published}
    assert set(Article.objects.visible_to(curator)) == {published, draft}
    assert draft.is_visible_to(curator) and not draft.is_visible_to(member)


@pytest.mark.django_db
def test_saving_renders_the_body_and_stores_a_plain_table_of_contents(section):
    body = "## Stap 1 & <b>2</b>\n\ntekst\n\n### Detail\n\n| a | b |\n|---|---|\n| 1 | 2 |"
    article = make_article(section, slug="stappen", body=body)
    assert '<h2 id="stap-1-2">' in article.body_html
    assert "<table>" in article.body_html
    assert article.toc == [{"id": "stap-1-2", "name": "Stap 1 & 2", "children": [
        {"id": "detail", "name": "Detail", "children": []}]}]


@pytest.mark.django_db
def test_review_due_is_a_year_after_the_last_review_or_publication(section):
    article = make_article(section, slug="review")
    from django.utils import timezone

    assert article.review_due == timezone.localdate(article.published_at) + timedelta(days=365)
    article.last_reviewed_at = date(2026, 1, 10)
    article.save()
    assert article.review_due == date(2027, 1, 10)
    draft = make_article(section, slug="concept", status=Article.Status.DRAFT)
    assert draft.review_due is None and draft.published_at is None


@pytest.mark.django_db
def test_every_save_keeps_a_revision_snapshot_after_the_save(section, curator):
    article = make_article(section, slug="revisies", body="eerste", by=curator)
    article.body = "tweede"
    from kennisbank.verbs import save_article

    save_article(article, by=curator, message="verbeterd")
    revisions = list(revisions_of(article))
    assert [r.data["body"] for r in revisions] == ["tweede", "eerste"]
    assert revisions[0].message == "verbeterd" and revisions[0].author == curator


@pytest.mark.django_db
def test_urls_follow_the_section_tree_and_an_index_article_lives_at_its_section(section):
    child = make_section("eupl", "EUPL", parent=section)
    article = make_article(child, slug="compatibiliteit")
    assert child.path == "licenties/eupl"
    assert article.get_absolute_url() == "/kennisbank/licenties/eupl/compatibiliteit/"
    child.index_article = article
    child.save()
    article.section.refresh_from_db()
    assert article.get_absolute_url() == "/kennisbank/licenties/eupl/"


@pytest.mark.django_db
def test_a_published_article_without_date_is_refused_by_the_database(section):
    article = make_article(section, slug="datum")
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(published_at=None)


@pytest.mark.django_db
def test_two_top_level_sections_cannot_share_a_slug(section):
    with pytest.raises(IntegrityError), transaction.atomic():
        Section(slug="licenties", title="Dubbel").save()
