"""A re-import respects the site: conflicts kept for a curator, vanished files unpublished, renames followed."""

import pytest
from django.urls import reverse

from kennisbank.importer import import_markdown
from kennisbank.models import Article, ArticleRedirect, ImportConflict
from kennisbank.verbs import store_article
from ospo_nl.core.revisions import revisions_of

pytestmark = pytest.mark.django_db


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    write(root / "gids" / "stap.md", "---\ntitle: Stap\n---\nOud uit de bron.\n")
    write(root / "gids" / "blijft.md", "---\ntitle: Blijft\nslug: blijft-hier\n---\nZelfde.\n")
    import_markdown(root)
    return root


def edit_on_site(path, body, by=None):
    article = Article.objects.get(source_path=path)
    article.body = body
    store_article(article, by=by, message="op de site")
    return article


def test_a_site_edit_with_an_unchanged_source_is_kept(site):
    edit_on_site("gids/stap.md", "Beter, op de site.")
    report = import_markdown(site)
    assert set(report.unchanged) == {"gids/blijft.md", "gids/stap.md"}
    assert Article.objects.get(source_path="gids/stap.md").body == "Beter, op de site."


def test_a_changed_source_without_a_site_edit_updates(site):
    write(site / "gids" / "stap.md", "---\ntitle: Stap\n---\nNieuw uit de bron.\n")
    report = import_markdown(site)
    assert report.updated == ["gids/stap.md"] and not report.conflicts
    assert Article.objects.get(source_path="gids/stap.md").body == "Nieuw uit de bron.\n"


def test_edited_on_the_site_and_changed_in_the_source_is_a_conflict_a_curator_resolves(site, curator_client, curator):
    edit_on_site("gids/stap.md", "Beter, op de site.")
    write(site / "gids" / "stap.md", "---\ntitle: Stap\n---\nNieuw uit de bron.\n")
    report = import_markdown(site)
    assert report.conflicts == ["gids/stap.md"] and not report.updated
    assert "conflict: gids/stap.md: changed in the source and on the site; kept until a curator chooses" \
        in report.lines()
    article = Article.objects.get(source_path="gids/stap.md")
    assert article.body == "Beter, op de site."  # the site's version is kept
    # Kept until resolved: the next import says so again, and changes nothing.
    assert import_markdown(site).conflicts == ["gids/stap.md"]
    assert Article.objects.get(pk=article.pk).body == "Beter, op de site."

    url = reverse("kennisbank:import_conflict", args=[article.slug])
    assert "Importconflict bekijken" in curator_client.get(article.get_absolute_url()).text
    page = curator_client.get(url)
    assert page.status_code == 200
    assert "<del>Beter" in page.text and "<ins>Nieuw" in page.text
    assert curator_client.post(url, {"take": "iets"}).status_code == 400
    response = curator_client.post(url, {"take": "source"})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == "Nieuw uit de bron.\n"
    conflict = ImportConflict.objects.get()
    assert (conflict.taken, conflict.resolved_by) == ("source", curator)
    assert revisions_of(article).first().message == "Importconflict opgelost: de versie uit de bron"
    assert import_markdown(site).unchanged == ["gids/blijft.md", "gids/stap.md"]


def test_keeping_the_site_version_ends_the_conflict_until_the_source_changes_again(site, curator_client):
    edit_on_site("gids/stap.md", "Beter, op de site.")
    write(site / "gids" / "stap.md", "---\ntitle: Stap\n---\nNieuw uit de bron.\n")
    import_markdown(site)
    article = Article.objects.get(source_path="gids/stap.md")
    curator_client.post(reverse("kennisbank:import_conflict", args=[article.slug]), {"take": "site"})
    article.refresh_from_db()
    assert article.body == "Beter, op de site."
    assert not import_markdown(site).conflicts
    write(site / "gids" / "stap.md", "---\ntitle: Stap\n---\nNog nieuwer.\n")
    assert import_markdown(site).conflicts == ["gids/stap.md"]


def test_only_curators_see_and_resolve_conflicts(site, member_client, client):
    edit_on_site("gids/stap.md", "Beter.")
    write(site / "gids" / "stap.md", "---\ntitle: Stap\n---\nNieuw.\n")
    import_markdown(site)
    url = reverse("kennisbank:import_conflict", args=[Article.objects.get(source_path="gids/stap.md").slug])
    assert member_client.post(url, {"take": "source"}).status_code == 403
    assert client.get(url).status_code == 302
    assert Article.objects.get(source_path="gids/stap.md").body == "Beter."


def test_a_vanished_source_file_unpublishes_its_article_and_is_reported(site):
    (site / "gids" / "stap.md").unlink()
    report = import_markdown(site)
    assert report.unpublished == ["gids/stap.md"]
    assert "unpublished: gids/stap.md: the source file is gone" in report.lines()
    article = Article.objects.get(source_path="gids/stap.md")
    assert article.status == Article.Status.DRAFT
    assert import_markdown(site).unpublished == []  # reported once
    write(site / "gids" / "stap.md", "---\ntitle: Stap\n---\nOud uit de bron.\n")
    assert import_markdown(site).updated == ["gids/stap.md"]
    assert Article.objects.get(pk=article.pk).is_published


def test_a_renamed_file_with_the_same_content_updates_its_article(site):
    article = Article.objects.get(source_path="gids/stap.md")
    (site / "gids" / "stap.md").rename(site / "gids" / "eerste-stap.md")  # same content
    report = import_markdown(site)
    assert report.renamed == [("gids/stap.md", "gids/eerste-stap.md")] and not report.created
    assert not report.unpublished
    assert Article.objects.count() == 2
    article.refresh_from_db()
    assert article.source_path == "gids/eerste-stap.md" and article.is_published
    assert import_markdown(site).unchanged == ["gids/blijft.md", "gids/eerste-stap.md"]


def test_a_renamed_and_edited_file_with_the_same_slug_is_the_same_article(site, client):
    article = Article.objects.get(source_path="gids/blijft.md")
    (site / "gids" / "blijft.md").unlink()
    write(site / "handleiding" / "blijft.md", "---\ntitle: Blijft\nslug: blijft-hier\n---\nAnders nu.\n")
    old_url = article.get_absolute_url()
    report = import_markdown(site)
    assert report.renamed == [("gids/blijft.md", "handleiding/blijft.md")]
    article.refresh_from_db()
    assert (article.section.path, article.body) == ("handleiding", "Anders nu.\n")
    assert ArticleRedirect.objects.filter(article=article).exists()
    response = client.get(old_url)
    assert response.status_code == 301 and response.url == article.get_absolute_url()
