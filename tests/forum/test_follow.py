import pytest
from django.urls import reverse

from forum import verbs
from ospo_nl.core.following import is_following

pytestmark = pytest.mark.django_db


def test_a_member_follows_and_unfollows_a_topic(other_member, other_member_client, topic):
    response = other_member_client.post(reverse("forum:topic_follow", args=[topic.pk]))
    assert response.status_code == 302 and response.url == topic.get_absolute_url()
    assert is_following(other_member, topic)
    other_member_client.post(reverse("forum:topic_unfollow", args=[topic.pk]))
    assert not is_following(other_member, topic)


@pytest.mark.parametrize("action", ["topic_follow", "topic_unfollow"])
def test_get_is_405_a_visitor_logs_in_and_a_deleted_topic_is_404(client, member_client, curator, topic, action):
    url = reverse(f"forum:{action}", args=[topic.pk])
    assert member_client.get(url).status_code == 405
    assert client.post(url).url.startswith(reverse("account_login"))
    verbs.delete_topic(topic=topic, by=curator)
    assert member_client.post(url).status_code == 404
