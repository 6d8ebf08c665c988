"""The revision comparison: side by side, word level, Dutch labels, escaped; tested on its own and on the
kennisbank's comparison page (curators only)."""

import re

import pytest
from django.urls import reverse

from kennisbank.models import Article
from kennisbank.verbs import save_article
from ospo_nl.core.comparison import compare, compare_words
from ospo_nl.core.revisions import revisions_of
from tests.factories import make_article, make_section

FIELDS = ("title", "body", "status")


def test_changed_words_are_marked_and_the_rest_kept():
    old, new = compare_words("Kies de EUPL voor apps.", "Kies de EUPL-1.2 voor apps.")
    assert (old, new) == ("Kies de EUPL voor apps.", "Kies de EUPL<ins>-1.2</ins> voor apps.")
    old, new = compare_words("een oude zin", "een nieuwe zin")
    assert (old, new) == ("een <del>oude</del> zin", "een <ins>nieuwe</ins> zin")


def test_text_is_escaped_and_only_our_tags_are_markup():
    old, new = compare_words("<b>veilig</b>", '<script>alert("x")</script>')
    assert "<script" not in new and "<b>" not in old
    assert re.sub(r"</?(ins|del)>", "", new) == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
    assert re.sub(r"</?(ins|del)>", "", old) == "&lt;b&gt;veilig&lt;/b&gt;"


def test_only_changed_fields_with_their_dutch_labels_and_choice_labels():
    fields = compare({"title": "A", "body": "x", "status": "draft"}, {"title": "A", "body": "x", "status": "published"},
                     fields=FIELDS, model=Article)
    assert [(f.name, f.label) for f in fields] == [("status", "status")]
    (row,) = fields[0].rows
    assert (row.kind, row.old, row.new) == ("change", "<del>concept</del>", "<ins>gepubliceerd</ins>")


def test_lines_pair_up_and_long_unchanged_stretches_fold():
    before = "\n".join(f"regel {n}" for n in range(1, 21))
    after = before.replace("regel 10", "regel tien") + "\nregel 21"
    (body,) = compare({"body": before}, {"body": after}, fields=["body"])
    kinds = [row.kind for row in body.rows]
    assert kinds == ["fold", "same", "same", "change", "same", "same", "fold", "same", "same", "insert"]
    change = body.rows[3]
    assert (change.old_number, change.new_number) == (10, 10)
    assert change.new == "regel <ins>tien</ins>"
    assert body.rows[0].folded == 7
    assert body.rows[-1].new == "<ins>regel 21</ins>" and body.rows[-1].old == ""


def test_removed_lines_stand_alone_on_the_old_side():
    (body,) = compare({"body": "a\nb\nc"}, {"body": "a\nc"}, fields=["body"])
    assert [(r.kind, r.old, r.new) for r in body.rows] == [("same", "a", "a"), ("delete", "<del>b</del>", ""),
                                                           ("same", "c", "c")]


@pytest.fixture
def article_with_two_versions(curator):
    article = make_article(make_section(), body="Kies een licentie.\n\nDaarna publiceren.")
    save_article(article, by=curator, message="eerste")
    article.body = "Kies de EUPL-1.2.\n\nDaarna publiceren.\n\n<script>alert(1)</script>"
    article.title = "Licentie kiezen"
    save_article(article, by=curator, message="tweede")
    old, new = list(revisions_of(article).order_by("pk"))[-2:]
    return article, old, new


@pytest.mark.django_db
def test_the_comparison_page_is_side_by_side_with_dutch_labels(curator_client, article_with_two_versions,
                                                               django_assert_max_num_queries):
    article, old, new = article_with_two_versions
    url = reverse("kennisbank:article_diff", args=[article.slug])
    with django_assert_max_num_queries(10):
        response = curator_client.get(url, {"van": old.pk, "naar": new.pk})
    assert response.status_code == 200
    html = response.text
    assert '<table class="utrecht-table comparison__table">' in html
    assert ">Titel</h2>" in html and ">Tekst</h2>" in html
    assert "Versie van " in html
    assert "<del>een</del>" in html and "<ins>de</ins>" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    assert "@@" not in html and "[status]" not in html and "[body]" not in html


@pytest.mark.django_db
def test_the_comparison_page_refuses_members_and_bad_input(member_client, curator_client, article_with_two_versions):
    article, old, new = article_with_two_versions
    url = reverse("kennisbank:article_diff", args=[article.slug])
    assert member_client.get(url, {"van": old.pk, "naar": new.pk}).status_code in (403, 404)
    assert curator_client.get(url, {"van": "x", "naar": new.pk}).status_code == 400
    assert curator_client.get(url, {"van": 999999, "naar": new.pk}).status_code == 404
