"""Jekyll: the Standard for Public Code (../shared/corpora, English, CC0) and the Liquid a site uses."""

from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from kennisbank.importer import import_markdown
from kennisbank.models import Article, ArticleRedirect, Section

from .importing import assert_every_internal_link_works, assert_no_raw_syntax, licence_paragraph

pytestmark = pytest.mark.django_db
STANDARD = Path(settings.BASE_DIR).parent / "shared" / "corpora" / "standard-for-public-code"


@pytest.fixture
def standard():
    if not STANDARD.is_dir():
        pytest.skip(f"the Standard for Public Code corpus is not at {STANDARD}")
    # CORPUS.md describes the corpus for us; it is no page of the site. Its two SVG badges are refused.
    return import_markdown(STANDARD, exclude=["CORPUS.md"], skip_errors=True)


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def test_the_standard_comes_in_as_english_cc0_articles_without_raw_syntax(standard):
    assert len(standard.created) == 33 and not standard.broken_links
    assert {reason for _path, _line, reason in standard.refused} == {
        "SVG images are not imported: they can carry script (convert it to PNG)"}
    assert_no_raw_syntax()
    assert set(Article.objects.values_list("language", flat=True)) == {"en"}
    assert set(Article.objects.values_list("licence", flat=True)) == {"CC0 1.0"}


def test_every_internal_link_of_the_standard_works(standard, client, settings):
    pages, _media = assert_every_internal_link_works(client, settings)
    assert "/kennisbank/standard-for-public-code/criteria/code-in-the-open/" in pages


def test_liquid_listing_the_criteria_is_resolved_in_their_order(standard):
    index = Article.objects.get(source_path="criteria/index.md")
    titles = [a.title for a in Article.objects.filter(section__path="standard-for-public-code/criteria",
                                                       index_of__isnull=True).order_by("order")]
    assert titles[:3] == ["Code in the open", "Bundle policy and source code",
                          "Make the codebase reusable and portable"]
    positions = [index.body.find(f"[{title}]") for title in titles]
    assert -1 not in positions and positions == sorted(positions)  # the {% for %} over site.pages, by order:
    assert "{%" not in index.body and "{{" not in index.body


def test_titles_dates_authors_and_redirects_as_in_the_source(standard, client):
    criterion = Article.objects.get(source_path="criteria/code-in-the-open.md")
    assert criterion.title == "Code in the open" and criterion.author_name_list[0] == "Boris van Hoytema"
    assert timezone.localdate(criterion.published_at).isoformat() == "2019-02-27"
    assert criterion.source_url == "https://standard.publiccode.net/criteria/code-in-the-open.html"
    licence = Article.objects.get(source_path="CC0-1.0.md")
    assert "Statement of Purpose" in licence.body  # {% include_relative LICENSE %}, in its code block
    assert ArticleRedirect.objects.filter(path="license.html", article=licence).exists()
    response = client.get("/kennisbank/license.html/")
    assert response.status_code == 301 and response.url == licence.get_absolute_url()
    page = client.get(criterion.get_absolute_url()).text
    assert f'lang="en">{criterion.title}</h1>' in page and '<div class="article-body" lang="en"' in page
    licence = licence_paragraph(page)
    assert 'rel="license">CC0 1.0</a>' in licence and "The Foundation for Public Code" in licence  # REUSE header
    assert "OSPO-NL community" not in licence


def test_a_second_import_of_the_standard_reports_all_unchanged(standard):
    again = import_markdown(STANDARD, exclude=["CORPUS.md"], skip_errors=True)
    assert (again.created, again.updated, len(again.unchanged)) == ([], [], 33)


def test_jekyll_posts_cover_excerpt_permalink_and_unresolved_liquid(tmp_path):
    site = tmp_path / "site"
    write(site / "_config.yml", "title: Ons Blog\nlang: nl\nurl: https://blog.example.org\n")
    write(site / "_includes" / "groet.html", "Hallo vanuit een include.")
    write(site / "assets" / "omslag.png", "")
    (site / "assets" / "omslag.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 16)
    write(site / "_posts" / "2024-05-06-nieuw-beleid.md", (
        "---\nlayout: post\ntitle: Nieuw beleid\ncover: /assets/omslag.png\nexcerpt: Het kort.\n---\n"
        "{% include groet.html %} Op {{ site.title }}. {% seo %}\n"))
    write(site / "over.md", "---\ntitle: Over\npermalink: /over-ons/\norder: 1\n---\nZie [het beleid]"
                            "({% post_url 2024-05-06-nieuw-beleid %}).\n")
    report = import_markdown(site)
    post = Article.objects.get(source_path="_posts/2024-05-06-nieuw-beleid.md")
    assert (post.slug, post.kind, post.summary) == ("nieuw-beleid", Article.Kind.NEWS, "Het kort.")
    assert timezone.localdate(post.published_at).isoformat() == "2024-05-06"
    assert post.image.read().startswith(b"\x89PNG")
    assert Section.objects.get(pk=post.section_id).title == "Nieuws"
    assert "{%" not in post.body and "seo" not in post.body_html
    assert any("{% seo %}" in what for _p, _l, what in report.notes)  # reported with its line
    over = Article.objects.get(source_path="over.md")
    assert over.slug == "over-ons" and f'href="{post.get_absolute_url()}"' in over.body_html
