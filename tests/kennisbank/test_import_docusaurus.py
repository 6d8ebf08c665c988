"""A Docusaurus site (tests/kennisbank/fixtures/docusaurus-site, written from Docusaurus' own documentation of
its Markdown and MDX features) comes in whole: no raw syntax, every link and asset working, the sidebar's order,
blog dates and authors, the site's licence."""

import pytest
from django.utils import timezone

from kennisbank.importer import import_markdown
from kennisbank.models import Article, Section

from .importing import FIXTURES, assert_every_internal_link_works, assert_no_raw_syntax

pytestmark = pytest.mark.django_db
SITE = FIXTURES / "docusaurus-site"


@pytest.fixture
def report():
    return import_markdown(SITE)


def article(path):
    return Article.objects.select_related("section").get(source_path=path)


def test_every_page_comes_in_without_raw_syntax_and_nothing_is_broken(report):
    assert not report.refused and not report.broken_links
    assert len(report.created) == 12
    assert_no_raw_syntax()


def test_every_internal_link_image_and_attachment_works_with_debug_off(report, client, settings):
    pages, media = assert_every_internal_link_works(client, settings)
    assert {m.rsplit("-", 1)[-1] for m in media} == {"logo.png", "schema.png", "plan.pdf", "begroting.ods",
                                                     "cover.png"}
    assert "/kennisbank/open-source-gids/tutorial-basics/markdown-features/" in pages  # an absolute site route


def test_admonitions_keep_their_titles_and_nest(report):
    html = article("docs/intro.md").body_html
    assert '<div class="admonition tip">\n<p class="admonition-title">Mijn tip</p>' in html
    assert '<p class="admonition-title">Opmerking</p>' in html  # :::note without a title, in the page's language
    assert '<p class="admonition-title">Let goed op</p>' in html  # the v2 `:::warning Title` form
    assert ('<div class="admonition info">\n<p class="admonition-title">Buitenste blok</p>\n'
            '<div class="admonition danger">') in html


def test_tabs_become_headed_panels_and_components_are_mapped_or_reported(report):
    html = article("docs/tutorial-basics/01-create-a-page.mdx").body_html
    assert "<summary>Linux</summary>" in html and "<summary>Windows</summary>" in html
    assert "<summary>Appel</summary>" in html and "<summary>Peer</summary>" in html  # labels from values={[…]}
    assert "<details>\n<summary>Meer weten?</summary>\n<p>Hier staat <strong>meer</strong> uitleg.</p>" in html
    assert "Dit is <mark>belangrijk</mark> om te weten." in html
    assert '<a href="https://eupl.eu" rel="nofollow ugc noopener">De EUPL</a></strong> — De Europese' in html
    assert '<a href="https://github.com/marcdevries" rel="nofollow ugc noopener">Marc de Vries</a>' in html
    assert "<code>&lt;Tabs&gt;</code>" in html  # code is left alone
    assert "Dit commentaar" not in html and "backgroundColor" not in html
    notes = [what for path, _line, what in report.notes if path == "docs/tutorial-basics/01-create-a-page.mdx"]
    assert "component: <UnknownWidget> not known: its tags were left out, its text kept" in notes
    assert "<p>Tekst in een onbekend onderdeel.</p>" in html


def test_code_fences_with_attributes_diagrams_task_lists_and_anchors(report):
    intro = article("docs/intro.md").body_html
    assert '<span class="filename">docusaurus.config.js</span>' in intro and '<span class="hll">' in intro
    assert "highlight-next-line" not in intro
    page = article("docs/tutorial-basics/01-create-a-page.mdx").body_html
    assert '<pre class="mermaid"><code>graph TD;' in page
    assert '<label><input type="checkbox" disabled checked> klaar</label>' in page
    assert '<h3 id="eigen-anker">Een eigen anker</h3>' in page
    assert 'href="/kennisbank/open-source-gids/intro/#stappen"' in page  # ../intro.md#stappen


def test_nested_lists_at_two_and_three_spaces_stay_nested(report):
    html = article("docs/intro.md").body_html
    assert "<li>Maak een repository<ul>\n<li>kies een naam<ul>\n<li>kort en duidelijk</li>" in html
    assert "<li>Kies een licentie<ul>\n<li>de EUPL</li>" in html


def test_sections_and_order_follow_the_sidebar(report):
    root = Section.objects.get(path="open-source-gids")
    assert root.title == "Open Source Gids"
    children = list(root.children.order_by("order", "title").values_list("slug", "title"))
    assert children == [("tutorial-basics", "Basis"), ("nummers", "Op nummer"), ("blog", "Blog"),
                        ("community", "Community")]
    numbers = Article.objects.filter(section__path="open-source-gids/nummers").order_by("order")
    assert [a.title for a in numbers] == ["Een", "Twee", "Tien"]  # number prefixes, not 1, 10, 2
    basics = Article.objects.filter(section__path="open-source-gids/tutorial-basics").order_by("order")
    assert [(a.slug, a.title) for a in basics] == [("create-a-page", "Een pagina maken"),
                                                   ("markdown-features", "Markdown-functies")]


def test_front_matter_draft_unlisted_slug_and_language(report):
    assert article("docs/concept.md").status == Article.Status.DRAFT
    unlisted = article("docs/tutorial-basics/02-markdown-features.md")
    assert unlisted.is_published and not unlisted.listed
    assert article("community/meedoen.md").slug == "doe-mee"
    assert article("docs/english.md").language == "en" and article("docs/intro.md").language == "nl"
    assert article("docs/intro.md").summary == "Hoe je open source publiceert."
    assert sorted(article("docs/intro.md").tags.names()) == ["licenties", "publiceren"]


def test_blog_posts_are_news_with_dates_from_the_path_and_names_from_authors_yml(report):
    first = article("blog/2025/06/11-eerste-bericht.md")
    assert (first.kind, first.slug, timezone.localdate(first.published_at).isoformat()) == (
        Article.Kind.NEWS, "eerste-bericht", "2025-06-11")
    assert first.author_name_list == ["Marc de Vries", "Jan Jansen"]
    assert "truncate" not in first.body_html
    second = article("blog/2024-03-01-tweede/index.md")
    assert timezone.localdate(second.published_at).isoformat() == "2024-03-01"
    assert second.author_name_list == ["Externe Auteur"] and second.image.read().startswith(b"\x89PNG")
    assert 'href="/kennisbank/open-source-gids/blog/tweede/"' in first.body_html  # /blog/2024/03/01/tweede


def test_the_licence_and_the_original_page_are_shown(report, client):
    intro = article("docs/intro.md")
    assert intro.licence == "EUPL-1.2" and intro.source_url == "https://gids.example.org/docs/intro"
    page = client.get(intro.get_absolute_url()).text
    assert 'rel="license">EUPL-1.2</a>' in page and "OSPO-NL community" not in page
    assert '<a href="https://gids.example.org/docs/intro" rel="nofollow noopener">Oorspronkelijke pagina</a>' in page


def test_a_second_import_reports_all_unchanged(report):
    again = import_markdown(SITE)
    assert (again.created, again.updated, len(again.unchanged)) == ([], [], 12)
