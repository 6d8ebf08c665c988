"""Curators pin, unpin, lock, unlock, move and delete; nobody else may."""

import pytest
from django.urls import reverse

from forum import verbs
from forum.models import Reply, Topic

pytestmark = pytest.mark.django_db

TOPIC_ACTIONS = ["topic_pin", "topic_unpin", "topic_lock", "topic_unlock", "topic_delete"]


def state(topic):
    topic = Topic.objects.get(pk=topic.pk)
    return topic.is_pinned, topic.is_locked, topic.category_id, topic.deleted_at


@pytest.mark.parametrize("action", TOPIC_ACTIONS)
def test_get_is_405(curator_client, topic, action):
    assert curator_client.get(reverse(f"forum:{action}", args=[topic.pk])).status_code == 405


@pytest.mark.parametrize("action", TOPIC_ACTIONS + ["topic_move"])
def test_a_visitor_is_sent_to_log_in(client, topic, action):
    before = state(topic)
    response = client.post(reverse(f"forum:{action}", args=[topic.pk]))
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))
    assert state(topic) == before


@pytest.mark.parametrize("action", TOPIC_ACTIONS + ["topic_move"])
def test_the_author_a_member_and_an_expert_get_403(member_client, other_member_client, expert_client, topic,
                                                    other_category, action):
    before = state(topic)
    for client in (member_client, other_member_client, expert_client):
        response = client.post(reverse(f"forum:{action}", args=[topic.pk]), {"category": other_category.pk})
        assert response.status_code == 403
        assert "curatoren" in response.text
    assert state(topic) == before


@pytest.mark.parametrize("action", TOPIC_ACTIONS + ["topic_move"])
def test_an_unknown_or_deleted_topic_is_404(curator_client, curator, topic, action):
    assert curator_client.post(reverse(f"forum:{action}", args=[999999])).status_code == 404
    verbs.delete_topic(topic=topic, by=curator)
    assert curator_client.post(reverse(f"forum:{action}", args=[topic.pk])).status_code == 404


def test_a_curator_pins_and_unpins(curator_client, topic):
    response = curator_client.post(reverse("forum:topic_pin", args=[topic.pk]))
    assert response.status_code == 302 and response.url == topic.get_absolute_url()
    topic.refresh_from_db()
    assert topic.is_pinned
    curator_client.post(reverse("forum:topic_unpin", args=[topic.pk]))
    topic.refresh_from_db()
    assert not topic.is_pinned


def test_a_curator_locks_and_unlocks(curator_client, topic):
    curator_client.post(reverse("forum:topic_lock", args=[topic.pk]))
    topic.refresh_from_db()
    assert topic.is_locked
    curator_client.post(reverse("forum:topic_unlock", args=[topic.pk]))
    topic.refresh_from_db()
    assert not topic.is_locked


def test_an_admin_moderates_too(admin_client_, topic):
    assert admin_client_.post(reverse("forum:topic_lock", args=[topic.pk])).status_code == 302
    topic.refresh_from_db()
    assert topic.is_locked


def test_a_curator_moves_a_topic(curator_client, topic, other_category):
    url = reverse("forum:topic_move", args=[topic.pk])
    assert curator_client.get(url).status_code == 200
    response = curator_client.post(url, {"category": other_category.pk})
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.category == other_category
    assert topic.title in curator_client.get(other_category.get_absolute_url()).text


def test_moving_to_an_unknown_category_is_a_clear_400(curator_client, topic, category):
    response = curator_client.post(reverse("forum:topic_move", args=[topic.pk]), {"category": 999999})
    assert response.status_code == 400 and "Kies een bestaande categorie." in response.text
    topic.refresh_from_db()
    assert topic.category == category


def test_a_curator_deletes_a_topic_softly(curator, curator_client, topic, category):
    response = curator_client.post(reverse("forum:topic_delete", args=[topic.pk]))
    assert response.status_code == 302 and response.url == category.get_absolute_url()
    topic.refresh_from_db()
    assert topic.is_deleted and topic.deleted_by == curator and topic.body  # kept
    assert topic.title not in curator_client.get(category.get_absolute_url()).text


def test_a_curator_deletes_a_reply_softly_and_the_count_follows(curator, curator_client, topic, reply):
    url = reverse("forum:reply_delete", args=[reply.pk])
    assert curator_client.get(url).status_code == 405
    response = curator_client.post(url)
    assert response.status_code == 302 and response.url == reply.get_absolute_url()
    reply.refresh_from_db()
    topic.refresh_from_db()
    assert reply.is_deleted and reply.deleted_by == curator
    assert topic.reply_count == 0
    assert curator_client.post(url).status_code == 404


def test_nobody_else_deletes_a_reply(client, member_client, other_member_client, expert_client, reply):
    url = reverse("forum:reply_delete", args=[reply.pk])
    assert client.post(url).url.startswith(reverse("account_login"))
    for c in (member_client, other_member_client, expert_client):
        assert c.post(url).status_code == 403
    assert not Reply.objects.get(pk=reply.pk).is_deleted
