import pytest
from django.urls import reverse

from forum.models import Category
from tests.factories import make_reply, make_topic

pytestmark = pytest.mark.django_db
URL = reverse("forum:home")


def _fill(author, categories, n):
    for i in range(n):
        topic = make_topic(author, categories[i % len(categories)], title=f"Onderwerp nummer {i}")
        if i % 2:
            make_reply(author, topic)


def test_the_forum_home_lists_categories_with_their_latest_topic(client, member, category, other_category):
    make_topic(member, category, title="Oudere vraag over licenties")
    latest = make_topic(member, category, title="Nieuwste vraag over de EUPL")
    response = client.get(URL)
    assert response.status_code == 200
    text = response.text
    assert text.index("Licenties") < text.index("Inkoop")  # curated order
    assert latest.title in text and "Oudere vraag" not in text
    assert "Nog geen onderwerpen" in text  # Inkoop is empty
    assert "<h1" in text and "<title>Forum" in text


def test_a_deleted_topic_is_not_the_latest_activity(client, member, curator, category):
    from forum import verbs

    make_topic(member, category, title="Zichtbare vraag over licenties")
    gone = make_topic(member, category, title="Verwijderde vraag over licenties")
    verbs.delete_topic(topic=gone, by=curator)
    text = client.get(URL).text
    assert "Zichtbare vraag" in text and "Verwijderde vraag" not in text


@pytest.mark.parametrize("n", [3, 30])
def test_forum_home_query_count_does_not_grow_for_a_visitor(client, member, n, django_assert_num_queries):
    categories = [Category.objects.create(name=f"Categorie {i}", slug=f"categorie-{i}", order=i) for i in range(3)]
    _fill(member, categories, n)
    # 1 categories with topic count and latest topic id, 2 those latest topics with authors and last replies
    with django_assert_num_queries(2):
        assert client.get(URL).status_code == 200


@pytest.mark.parametrize("n", [3, 30])
def test_forum_home_query_count_does_not_grow_for_a_member(member_client, other_member, n,
                                                            django_assert_num_queries):
    categories = [Category.objects.create(name=f"Categorie {i}", slug=f"categorie-{i}", order=i) for i in range(3)]
    _fill(other_member, categories, n)
    # 1 session, 2 user with profile (for the header), 3 categories (with "anything new"), 4 latest topics
    with django_assert_num_queries(4):
        assert member_client.get(URL).status_code == 200


def test_a_category_with_activity_since_the_members_last_visit_is_marked_new(member_client, other_member, category):
    make_topic(other_member, category)
    assert "nieuw" in member_client.get(URL).text


def test_post_to_the_forum_home_is_405(client):
    assert client.post(URL).status_code == 405
