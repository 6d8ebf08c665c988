import pytest
from django.urls import reverse

from forum import verbs
from tests.factories import make_reply, make_topic

pytestmark = pytest.mark.django_db


def url(category, page=None):
    return reverse("forum:category", args=[category.slug]) + (f"?pagina={page}" if page else "")


def test_pinned_topics_come_first_then_by_last_activity(client, member, other_member, curator, category):
    pinned = make_topic(member, category, title="Lees dit eerst: spelregels")
    older = make_topic(member, category, title="Ouder onderwerp over licenties")
    newer = make_topic(member, category, title="Nieuwer onderwerp over licenties")
    verbs.set_pinned(topic=pinned, by=curator, pinned=True)
    make_reply(other_member, older)  # now the most recently active
    text = client.get(url(category)).text
    assert text.index(pinned.title) < text.index(older.title) < text.index(newer.title)
    assert "vastgezet" in text


def test_topics_are_paginated(client, member, category):
    for i in range(30):
        make_topic(member, category, title=f"Onderwerp nummer {i:02d}")
    first = client.get(url(category)).text
    second = client.get(url(category, 2)).text
    assert "Onderwerp nummer 29" in first and "Onderwerp nummer 04" not in first
    assert "Onderwerp nummer 04" in second and 'rel="prev"' in second


def test_an_unknown_category_is_404(client, db):
    assert client.get("/forum/categorie/bestaat-niet/").status_code == 404


def test_a_visitor_is_invited_to_log_in_and_a_member_to_start_a_topic(client, member_client, category):
    assert "Log in om een onderwerp te starten" in client.get(url(category)).text
    assert reverse("forum:topic_create", args=[category.slug]) in member_client.get(url(category)).text


@pytest.mark.parametrize("n", [3, 30])
def test_category_page_query_count_does_not_grow(client, member_client, other_member, category, n,
                                                 django_assert_num_queries):
    for i in range(n):
        topic = make_topic(other_member, category, title=f"Onderwerp nummer {i}")
        make_reply(other_member, topic)
    # 1 category, 2 count for the paginator, 3 topics with authors and last replies
    with django_assert_num_queries(3):
        client.get(url(category))
    # + session, user with profile (for the header; the "new" flag is in the topics query)
    with django_assert_num_queries(5):
        member_client.get(url(category))


def test_topics_with_replies_since_the_last_visit_are_marked_new(member, member_client, other_member, category):
    topic = make_topic(member, category)
    member_client.get(topic.get_absolute_url())
    assert "forum-topic--unread" not in member_client.get(url(category)).text
    reply = make_reply(other_member, topic)
    text = member_client.get(url(category)).text
    assert "forum-topic--unread" in text
    first_new = reverse("forum:topic_first_unread", args=[topic.pk])
    assert first_new in text
    assert member_client.get(first_new).url == reply.get_absolute_url()


def test_a_visitor_sees_nothing_marked_new(client, member, category):
    make_topic(member, category)
    assert "forum-topic--unread" not in client.get(url(category)).text


def test_post_to_a_category_page_is_405(client, category):
    assert client.post(url(category)).status_code == 405
