import io

import pytest

from kennisbank import demo
from kennisbank.home import latest_articles
from kennisbank.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_the_demo_imports_and_publishes_the_corpus_and_is_idempotent(corpus):
    # kennisbank.demo on its own: load_demo also runs the other parts' demos, which are not ours to test.
    out = io.StringIO()
    demo.load(out)
    assert Article.objects.published().count() == 22
    demo.load(out)
    assert "0 created, 0 updated, 22 unchanged" in out.getvalue()
    assert Article.objects.count() == 22


def test_the_demo_skips_with_a_message_when_the_corpus_is_missing(monkeypatch, tmp_path):
    monkeypatch.setattr(demo, "corpus_dir", lambda: tmp_path / "nergens")
    out = io.StringIO()
    demo.load(out)
    assert "corpus not found" in out.getvalue() and Article.objects.count() == 0


def test_the_home_section_lists_published_articles_in_one_query(section, member, django_assert_num_queries):
    make_article(section, slug="zichtbaar", title="Zichtbaar")
    make_article(section, slug="concept", title="Concept", status=Article.Status.DRAFT)
    with django_assert_num_queries(1):
        result = latest_articles(member)
    assert [item["label"] for item in result["items"]] == ["Zichtbaar"]
    assert result["items"][0]["url"] == "/kennisbank/licenties/zichtbaar/"


def test_the_home_shows_the_first_articles_of_a_big_section_and_links_to_all_of_them(client, section):
    from kennisbank.views import SECTION_PREVIEW  # noqa: PLC0415

    for n in range(SECTION_PREVIEW + 2):
        make_article(section, slug=f"artikel-{n:02}", title=f"Artikel {n:02}")
    html = client.get("/kennisbank/").text
    assert "Artikel 09" in html and "Artikel 10" not in html.split('id="recent-heading"')[0]
    assert f"Alle {SECTION_PREVIEW + 2} artikelen in {section.title}" in html
    assert f"All {SECTION_PREVIEW + 2} articles in {section.title}" in client.get("/en/kennisbank/").text
