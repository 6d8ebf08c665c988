import pytest
from django.urls import reverse

from forum import verbs
from ospo_nl.core.revisions import revisions_of

pytestmark = pytest.mark.django_db


def topic_url(topic):
    return reverse("forum:topic_edit", args=[topic.pk])


def reply_url(reply):
    return reverse("forum:reply_edit", args=[reply.pk])


def test_the_author_edits_their_topic_and_a_revision_is_kept(member_client, topic):
    response = member_client.get(topic_url(topic))
    assert response.status_code == 200 and topic.body in response.text and "eupl" in response.text
    response = member_client.post(topic_url(topic), {"title": "Welke licentie, EUPL of MIT?", "body": "Nieuw",
                                                     "tags": "eupl"})
    topic.refresh_from_db()
    assert response.status_code == 302 and response.url == topic.get_absolute_url()
    assert (topic.title, topic.body) == ("Welke licentie, EUPL of MIT?", "Nieuw")
    assert len(revisions_of(topic)) == 2


def test_a_curator_edits_any_topic(curator_client, topic):
    response = curator_client.post(topic_url(topic), {"title": "Door curator verbeterd", "body": "Netjes"})
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.title == "Door curator verbeterd"


def test_another_member_gets_403_and_nothing_changes(other_member_client, topic):
    response = other_member_client.post(topic_url(topic), {"title": "Gekaapt onderwerp", "body": "x"})
    assert response.status_code == 403
    topic.refresh_from_db()
    assert topic.title == "Welke licentie kiezen jullie?"
    assert other_member_client.get(topic_url(topic)).status_code == 403


def test_a_visitor_is_sent_to_log_in(client, topic):
    assert client.post(topic_url(topic), {"title": "x", "body": "x"}).url.startswith(reverse("account_login"))


def test_bad_input_keeps_the_text_and_changes_nothing(member_client, topic):
    response = member_client.post(topic_url(topic), {"title": "", "body": "Mijn herschreven tekst"})
    assert response.status_code == 400
    assert "Geef je onderwerp een titel." in response.text and "Mijn herschreven tekst" in response.text
    topic.refresh_from_db()
    assert topic.body == "Wij twijfelen tussen EUPL en MIT."


def test_editing_a_deleted_topic_is_404_and_wrong_method_405(member_client, curator, topic):
    assert member_client.delete(topic_url(topic)).status_code == 405
    verbs.delete_topic(topic=topic, by=curator)
    assert member_client.get(topic_url(topic)).status_code == 404


def test_the_author_edits_their_reply(other_member_client, reply):
    response = other_member_client.post(reply_url(reply), {"body": "Beter geformuleerd"})
    assert response.status_code == 302 and response.url == reply.get_absolute_url()
    reply.refresh_from_db()
    assert reply.body == "Beter geformuleerd"
    assert len(revisions_of(reply)) == 2


def test_the_author_of_a_reply_may_not_edit_it_once_the_topic_is_locked(other_member_client, curator, topic, reply):
    verbs.set_locked(topic=topic, by=curator, locked=True)
    response = other_member_client.post(reply_url(reply), {"body": "Te laat"})
    assert response.status_code == 403 and "gesloten" in response.text
    reply.refresh_from_db()
    assert reply.body != "Te laat"


def test_someone_else_may_not_edit_a_reply(member_client, expert_client, reply):
    for client in (member_client, expert_client):
        assert client.post(reply_url(reply), {"body": "Niet van mij"}).status_code == 403
    reply.refresh_from_db()
    assert reply.body.startswith("Bij ons werkt")


def test_a_curator_edits_any_reply_and_bad_input_is_400(curator_client, reply):
    assert curator_client.post(reply_url(reply), {"body": ""}).status_code == 400
    assert curator_client.post(reply_url(reply), {"body": "Gemodereerd"}).status_code == 302
    reply.refresh_from_db()
    assert reply.body == "Gemodereerd"


def test_editing_a_deleted_or_unknown_reply_is_404(other_member_client, curator, reply):
    verbs.delete_reply(reply=reply, by=curator)
    assert other_member_client.get(reply_url(reply)).status_code == 404
    assert other_member_client.get("/forum/reactie/999999/bewerken/").status_code == 404


def test_a_visitor_editing_a_reply_is_sent_to_log_in(client, reply):
    assert client.post(reply_url(reply), {"body": "x"}).url.startswith(reverse("account_login"))
