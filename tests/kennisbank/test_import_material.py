"""An MkDocs Material site (tests/kennisbank/fixtures/material-site, written from Material for MkDocs' reference):
nav order, `!!!`/`???` admonitions, `===` tabs, snippets and abbreviations, footnotes, attribute lists,
md_in_html, icons, and `mkdocs.yml` with Material's `!!python/name:` tags."""

import pytest

from kennisbank.importer import import_markdown
from kennisbank.models import Article, Section

from .importing import FIXTURES, assert_every_internal_link_works, assert_no_raw_syntax, licence_paragraph

pytestmark = pytest.mark.django_db
SITE = FIXTURES / "material-site"


@pytest.fixture
def report():
    return import_markdown(SITE)


def html(path):
    return Article.objects.get(source_path=path).body_html


def test_the_site_comes_in_without_raw_syntax_or_broken_links(report, client, settings):
    assert not report.refused and not report.broken_links and len(report.created) == 5
    assert_no_raw_syntax()
    pages, media = assert_every_internal_link_works(client, settings)
    assert "/kennisbank/material-gids/gids/b-stap/" in pages and len(media) == 1


def test_admonitions_details_and_tabs(report):
    body = html("docs/index.md")
    assert '<div class="admonition note">\n<p class="admonition-title">Let op</p>' in body
    assert '<details class="tip">\n<summary>Klik om te openen</summary>' in body
    assert '<details class="warning" open>' in body  # ???+ is open
    assert '<details class="tab-panel" open><summary>Linux</summary>' in body and "<summary>Windows</summary>" in body


def test_snippets_abbreviations_footnotes_attribute_lists_and_md_in_html(report):
    body = html("docs/index.md")
    assert "<p>Dit stukje komt uit een snippet.</p>" in body
    assert '<abbr title="European Union Public Licence">EUPL</abbr>' in body  # auto_append of mkdocs.yml
    assert 'class="footnote"' in body and "De Europese licentie." in body
    assert '<a class="md-button" href="https://github.com/example" rel="nofollow ugc noopener">GitHub</a>' in body
    assert '<div class="grid cards">\n<ul>\n<li><strong>Eerste kaart</strong></li>' in body
    assert '<span class="filename">voorbeeld.py</span>' in body and '<pre class="mermaid">' in body
    assert "<kbd>Ctrl</kbd>" in body and "<mark>gemarkeerd</mark>" in body and "😄" in body


def test_order_and_titles_follow_the_nav(report):
    assert Section.objects.get(path="material-gids").title == "Material Gids"
    guide = Article.objects.filter(section__path="material-gids/gids", index_of__isnull=True).order_by("order")
    assert [a.title for a in guide] == ["Stap B", "Stap A"]  # the nav's order, not the alphabet
    assert Section.objects.get(path="material-gids/gids").index_article.title == "De gids"


def test_attribution_and_original_page_come_from_mkdocs_yml_and_no_licence_is_claimed(report, client):
    article = Article.objects.get(source_path="docs/gids/b-stap.md")
    assert article.source_url == "https://material.example.org/gids/b-stap"
    assert article.licence == "" and article.source.attribution == "Team Open Source"
    licence = licence_paragraph(client.get(article.get_absolute_url()).text)
    assert "geen licentie bekend" in licence and "CC BY" not in licence and "Team Open Source" in licence


def test_a_second_import_reports_all_unchanged(report):
    again = import_markdown(SITE)
    assert (again.created, again.updated, len(again.unchanged)) == ([], [], 5)
