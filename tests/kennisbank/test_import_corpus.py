"""Importing the real OSPO-NL kennisbank (MkDocs, no front matter) from ../shared/corpora."""

import re

import pytest
from django.core.management import call_command

from kennisbank.importer import import_markdown
from kennisbank.models import Article, Section
from ospo_nl.core.models import Revision

pytestmark = pytest.mark.django_db


def test_the_corpus_gives_one_article_per_page_in_sections_as_the_folders(corpus):
    report = import_markdown(corpus)
    assert len(report.created) == 22 and not report.errors and not report.broken_links
    assert Article.objects.count() == 22
    assert Article.objects.published().count() == 22
    assert set(Section.objects.values_list("path", flat=True)) == {
        "algemeen", "best-practices", "bronnen", "community", "nieuw-project"}
    folder_of = dict(Article.objects.values_list("source_path", "section__path"))
    assert folder_of["docs/best-practices/DCO.md"] == "best-practices"
    assert folder_of["docs/nieuw-project/CONTRIBUTING.md"] == "nieuw-project"
    assert folder_of["docs/README.md"] == "algemeen"


def test_titles_come_from_the_first_heading_which_leaves_the_body(corpus):
    import_markdown(corpus)
    dco = Article.objects.get(source_path="docs/best-practices/DCO.md")
    assert dco.title == "Developer Certificate of Origin (DCO)"
    assert not dco.body.startswith("#")
    assert Article.objects.get(source_path="docs/bronnen/nederlands-overzicht.md").title == "Nederlands overzicht"
    assert Article.objects.get(source_path="docs/nieuw-project/index.md").title == "Nieuw Open Source Project"


def test_index_pages_become_their_sections_page_and_name_it(corpus):
    import_markdown(corpus)
    section = Section.objects.select_related("index_article").get(path="nieuw-project")
    assert section.title == "Nieuw Open Source Project"
    assert section.index_article.source_path == "docs/nieuw-project/index.md"


def test_authors_dates_and_commit_come_from_git_metadata(corpus):
    import_markdown(corpus)
    article = Article.objects.get(source_path="docs/bronnen/nederlands-overzicht.md")
    assert article.author_name_list == ["Marc van Andel", "Thieu Caris", "Bram Withaar"]
    assert article.source_commit == "51c8d1f"
    assert article.published_at.isoformat().startswith("2023-05-08T09:59:15")
    assert article.content_updated_at.date().isoformat() == "2023-12-15"


def test_no_internal_link_is_broken(corpus, client):
    import_markdown(corpus)
    hrefs = set()
    for html in Article.objects.values_list("body_html", flat=True):
        hrefs |= set(re.findall(r'(?:href|src)="([^"]+)"', html))
    internal = {h.split("#")[0] for h in hrefs if not re.match(r"^[a-z]+:", h) and not h.startswith("#")}
    assert not {h for h in internal if ".md" in h}, "relative .md links must be rewritten"
    pages = {h for h in internal if h.startswith("/kennisbank/")}
    assert len(pages) >= 15
    for href in sorted(pages):
        assert client.get(href, follow=True).status_code == 200, href
    from django.core.files.storage import default_storage

    images = {h for h in internal if h.startswith("/media/")}
    assert images and all(default_storage.exists(h.removeprefix("/media/")) for h in images)


def test_mkdocs_icons_and_emoji_shortcodes_are_removed_cleanly(corpus):
    import_markdown(corpus)
    overview = Article.objects.get(source_path="docs/bronnen/nederlands-overzicht.md")
    assert ":material-" not in overview.body
    assert '<a href="https://github.com/MinBZK" rel="nofollow ugc noopener">GitHub</a>' in overview.body_html
    readme = Article.objects.get(source_path="docs/README.md")
    assert ":smile:" in readme.body and ":smile:" not in readme.body_html and "😄" in readme.body_html


def test_a_second_import_changes_nothing(corpus):
    import_markdown(corpus)
    revisions = Revision.objects.count()
    before = dict(Article.objects.values_list("slug", "updated_at"))
    report = import_markdown(corpus)
    assert (len(report.created), len(report.updated), len(report.unchanged)) == (0, 0, 22)
    assert Revision.objects.count() == revisions
    assert dict(Article.objects.values_list("slug", "updated_at")) == before


def test_a_dry_run_reports_and_writes_nothing(corpus):
    report = import_markdown(corpus, dry_run=True)
    assert len(report.created) == 22
    assert Article.objects.count() == 0 and Section.objects.count() == 0


def test_the_command_prints_counts(corpus, capsys):
    call_command("import_markdown", str(corpus), "--dry-run")
    out = capsys.readouterr().out
    assert ("[dry-run] 22 created, 0 updated, 0 unchanged, 0 renamed, 0 unpublished, 0 conflicts, "
            "5 sections created, 0 refused") in out
    call_command("import_markdown", str(corpus), "--section", "ospo-nl")
    assert Section.objects.get(path="ospo-nl/community").parent.slug == "ospo-nl"


def test_the_corpus_has_no_raw_syntax_and_every_link_image_works_with_debug_off(corpus, client, settings):
    from .importing import assert_every_internal_link_works, assert_no_raw_syntax

    report = import_markdown(corpus)
    assert not report.refused and not report.broken_links
    assert_no_raw_syntax()
    pages, media = assert_every_internal_link_works(client, settings)
    assert len(pages) >= 15 and media


def test_the_corpus_licence_authors_and_original_page_are_shown(corpus, client):
    from .importing import licence_paragraph

    import_markdown(corpus, attribution="OSPO-NL community")
    article = Article.objects.get(source_path="docs/bronnen/nederlands-overzicht.md")
    assert article.licence == "CC BY 4.0" and article.language == "nl"
    assert article.source_url == "https://github.com/ospo-nl/kennisbank/blob/51c8d1f/docs/bronnen/nederlands-overzicht.md"
    licence = licence_paragraph(client.get(article.get_absolute_url()).text)
    assert 'href="https://creativecommons.org/licenses/by/4.0/deed.nl" rel="license">CC BY 4.0</a>' in licence
    assert "Marc van Andel, Thieu Caris, Bram Withaar, OSPO-NL community." in licence
    assert 'href="https://github.com/ospo-nl/kennisbank/blob/51c8d1f/docs/bronnen/nederlands-overzicht.md"' in licence


def test_git_history_of_an_enclosing_checkout_is_not_used(tmp_path):
    import subprocess

    repo = tmp_path / "repo"
    folder = repo / "import" / "gids"
    folder.mkdir(parents=True)
    (folder / "pagina.md").write_text("# Pagina\n", "utf-8")
    env = {"GIT_AUTHOR_NAME": "Omhullend", "GIT_AUTHOR_EMAIL": "o@example.org", "GIT_COMMITTER_NAME": "Omhullend",
           "GIT_COMMITTER_EMAIL": "o@example.org", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "x"]):
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)
    import_markdown(repo / "import")
    assert Article.objects.get().author_names == ""
