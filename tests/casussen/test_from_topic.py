"""A curator turns a forum topic that is really a concrete question into a casus."""

import pytest
from django.urls import reverse

from casussen.models import Casus
from tests.factories import make_category, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic(member):
    return make_topic(member, make_category("Licenties"), title="Mag onze gemeente GPL-code hergebruiken?",
                      tags=["licenties"])


def _url(topic):
    return reverse("topic_to_casus", args=[topic.pk])


def test_curator_turns_a_topic_into_a_casus_and_the_topic_points_to_it(topic, member, curator_client):
    response = curator_client.post(_url(topic))
    casus = Casus.objects.get()
    assert response.status_code == 302
    assert response.url == casus.get_absolute_url()
    assert (casus.title, casus.author, casus.body) == (topic.title, member, topic.body)
    assert list(casus.tags.names()) == ["licenties"]
    assert casus.visibility == Casus.Visibility.PUBLIC
    topic.refresh_from_db()
    assert topic.is_locked
    assert casus.get_absolute_url() in topic.replies.get().body_html


def test_a_locked_topic_can_be_converted_too(topic, curator_client):
    topic.is_locked = True
    topic.save()
    assert curator_client.post(_url(topic)).status_code == 302
    topic.refresh_from_db()
    assert topic.is_locked and topic.reply_count == 1


@pytest.mark.parametrize("persona", ["member_client", "expert_client"])
def test_only_curators_convert(persona, request, topic):
    response = request.getfixturevalue(persona).post(_url(topic))
    assert response.status_code == 403
    assert not Casus.objects.exists()


def test_visitor_is_sent_to_login(client, topic):
    response = client.post(_url(topic))
    assert response.status_code == 302 and "/account/login/" in response.url


def test_get_is_405(curator_client, topic):
    assert curator_client.get(_url(topic)).status_code == 405


def test_unknown_topic_is_404(curator_client):
    assert curator_client.post(reverse("topic_to_casus", args=[999])).status_code == 404


def test_a_topic_whose_author_left_is_refused_with_a_message(topic, member, curator_client):
    member.is_active = False
    member.save()
    response = curator_client.post(_url(topic))
    assert response.status_code == 403
    assert "geen actieve auteur" in response.text
    assert not Casus.objects.exists()


def test_the_button_is_shown_to_curators_only(topic, curator_client, member_client):
    assert _url(topic) in curator_client.get(topic.get_absolute_url()).text
    assert _url(topic) not in member_client.get(topic.get_absolute_url()).text
