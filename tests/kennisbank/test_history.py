"""Curators see an article's history, a diff between two revisions, and restore one."""

import pytest
from django.urls import reverse

from kennisbank.verbs import save_article
from ospo_nl.core.revisions import revisions_of
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(section, curator):
    article = make_article(section, slug="eupl-kiezen", title="De EUPL kiezen", body="Eerste versie.", by=curator)
    article.body = "Tweede versie met <script>alert(1)</script>."
    save_article(article, by=curator, message="tweede")
    return article


def revisions(article):
    return list(revisions_of(article))  # newest first


def test_a_curator_sees_the_history(curator_client, article):
    response = curator_client.get(reverse("kennisbank:article_history", args=[article.slug]))
    assert response.status_code == 200
    assert "tweede" in response.text and "Carla Curator" in response.text


def test_the_diff_shows_removed_and_added_lines_escaped(curator_client, article):
    new, old = revisions(article)
    response = curator_client.get(reverse("kennisbank:article_diff", args=[article.slug]),
                                  {"van": old.pk, "naar": new.pk})
    assert response.status_code == 200
    assert '<del>Eerste</del> versie' in response.text  # side by side, word level (test_comparison.py)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "<script>alert" not in response.text


def test_a_diff_without_two_versions_is_400_and_a_foreign_revision_404(curator_client, article, section):
    other = make_article(section, slug="ander")
    url = reverse("kennisbank:article_diff", args=[article.slug])
    assert curator_client.get(url, {"van": "x"}).status_code == 400
    foreign = revisions(other)[0]
    assert curator_client.get(url, {"van": foreign.pk, "naar": revisions(article)[0].pk}).status_code == 404


def test_a_curator_restores_an_earlier_revision(curator_client, curator, article):
    old = revisions(article)[1]
    response = curator_client.post(reverse("kennisbank:article_restore", args=[article.slug, old.pk]))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == "Eerste versie." and article.body_html == "<p>Eerste versie.</p>"
    latest = revisions(article)[0]
    assert len(revisions(article)) == 3 and latest.author == curator and latest.message.startswith("Hersteld")


def test_restore_needs_post(curator_client, article):
    old = revisions(article)[1]
    assert curator_client.get(reverse("kennisbank:article_restore", args=[article.slug, old.pk])).status_code == 405


def test_anonymous_is_sent_to_login(client, article):
    old = revisions(article)[1]
    for response in (client.get(reverse("kennisbank:article_history", args=[article.slug])),
                     client.post(reverse("kennisbank:article_restore", args=[article.slug, old.pk]))):
        assert response.status_code == 302 and "/account/login/" in response.url
    article.refresh_from_db()
    assert article.body.startswith("Tweede")


def test_members_and_experts_get_403(member_client, expert_client, article):
    old, new = revisions(article)[1], revisions(article)[0]
    for c in (member_client, expert_client):
        assert c.get(reverse("kennisbank:article_history", args=[article.slug])).status_code == 403
        assert c.get(reverse("kennisbank:article_diff", args=[article.slug]),
                     {"van": old.pk, "naar": new.pk}).status_code == 403
        assert c.post(reverse("kennisbank:article_restore", args=[article.slug, old.pk])).status_code == 403
    article.refresh_from_db()
    assert article.body.startswith("Tweede")


def test_a_revision_of_another_article_cannot_be_restored(curator_client, article, section):
    other = make_article(section, slug="ander", body="Iets anders.")
    foreign = revisions(other)[0]
    response = curator_client.post(reverse("kennisbank:article_restore", args=[article.slug, foreign.pk]))
    assert response.status_code == 404
    article.refresh_from_db()
    assert article.body.startswith("Tweede")


@pytest.mark.parametrize("extra", [0, 20])
def test_history_and_diff_query_counts(curator_client, curator, article, extra, django_assert_num_queries):
    for n in range(extra):
        article.body = f"Versie {n}"
        save_article(article, by=curator)
    # session, user with profile (menu), article + section, count, revisions + authors + profiles;
    # the content type is cached by the time of the request (as after a process's first request)
    with django_assert_num_queries(5):
        assert curator_client.get(reverse("kennisbank:article_history", args=[article.slug])).status_code == 200
    new, old = revisions(article)[0], revisions(article)[1]
    # session, user with profile (menu), article + section, the two revisions
    with django_assert_num_queries(4):
        curator_client.get(reverse("kennisbank:article_diff", args=[article.slug]), {"van": old.pk, "naar": new.pk})
