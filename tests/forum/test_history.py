import pytest
from django.urls import reverse

from forum import verbs

pytestmark = pytest.mark.django_db


def test_an_edited_reply_links_to_its_history_with_every_version(client, other_member, reply):
    verbs.edit_reply(reply=reply, by=other_member, body="Tweede <versie>")
    url = reverse("forum:reply_history", args=[reply.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert "Tweede &lt;versie&gt;" in response.text and "Bij ons werkt de **EUPL** goed." in response.text
    assert response.text.index("Tweede") < response.text.index("Bij ons werkt")


def test_the_topic_history_shows_titles(client, member, topic):
    verbs.edit_topic(topic=topic, by=member, title="Een betere titel", body="x")
    text = client.get(reverse("forum:topic_history", args=[topic.pk])).text
    assert "Een betere titel" in text and "Welke licentie kiezen jullie?" in text


def test_the_history_of_a_deleted_post_is_404(client, curator, reply):
    verbs.delete_reply(reply=reply, by=curator)
    assert client.get(reverse("forum:reply_history", args=[reply.pk])).status_code == 404


@pytest.mark.parametrize("n", [3, 30])
def test_history_query_count_does_not_grow(client, other_member, reply, n, django_assert_num_queries):
    for i in range(n):
        verbs.edit_reply(reply=reply, by=other_member, body=f"Versie {i}")
    # 1 reply with topic and category, 2 revisions with authors (content type cached)
    with django_assert_num_queries(2):
        assert client.get(reverse("forum:reply_history", args=[reply.pk])).status_code == 200


def test_post_to_history_is_405(client, topic):
    assert client.post(reverse("forum:topic_history", args=[topic.pk])).status_code == 405
