import pytest
from django.urls import reverse

from forum import verbs
from forum.models import Reply
from tests.factories import make_topic

pytestmark = pytest.mark.django_db


def url(topic):
    return reverse("forum:reply_create", args=[topic.pk])


def test_a_member_replies_and_lands_on_their_reply(other_member_client, other_member, topic):
    response = other_member_client.post(url(topic), {"body": "Wij gebruiken *EUPL-1.2*."})
    reply = Reply.objects.get()
    assert response.status_code == 302 and response.url == reply.get_absolute_url()
    assert reply.author == other_member and "<em>EUPL-1.2</em>" in reply.body_html
    topic.refresh_from_db()
    assert topic.reply_count == 1


def test_a_visitor_is_sent_to_log_in(client, topic):
    response = client.post(url(topic), {"body": "Hallo"})
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))
    assert not Reply.objects.exists()


def test_a_locked_topic_refuses_replies_with_403_and_a_clear_message(member_client, curator_client, curator, topic):
    verbs.set_locked(topic=topic, by=curator, locked=True)
    for client in (member_client, curator_client):
        response = client.post(url(topic), {"body": "Toch nog even dit."})
        assert response.status_code == 403
        assert "Dit onderwerp is gesloten: er kunnen geen nieuwe reacties meer bij." in response.text
        assert client.get(url(topic)).status_code == 403
    assert not Reply.objects.exists()


def test_a_deleted_or_unknown_topic_is_404(member_client, curator, topic):
    verbs.delete_topic(topic=topic, by=curator)
    assert member_client.post(url(topic), {"body": "Hallo"}).status_code == 404
    assert member_client.post("/forum/onderwerp/999999/acties/reageren/", {"body": "Hallo"}).status_code == 404


def test_wrong_method_is_405(member_client, topic):
    assert member_client.delete(url(topic)).status_code == 405


def test_an_empty_reply_gets_a_clear_message(member_client, topic):
    response = member_client.post(url(topic), {"body": "   "})
    assert response.status_code == 400
    assert "Schrijf eerst je bericht." in response.text
    assert not Reply.objects.exists()


def test_a_too_long_reply_keeps_the_text_and_explains(member_client, topic):
    body = "lang " * 25_000
    response = member_client.post(url(topic), {"body": body})
    assert response.status_code == 400
    assert "100000" in response.text.replace(".", "")  # the limit, in the field's error message
    assert body.strip()[:200] in response.text


def test_quote_pre_fills_the_form_with_the_quoted_reply_and_attribution(member_client, topic, reply):
    response = member_client.get(f"{url(topic)}?citeer={reply.pk}")
    assert response.status_code == 200
    assert "Olaf Other schreef" in response.text
    assert "&gt; Bij ons werkt de **EUPL** goed." in response.text  # in the textarea, escaped
    assert f"/forum/reactie/{reply.pk}/" in response.text


def test_quoting_a_reply_of_another_topic_a_deleted_one_or_garbage_is_404(member_client, member, curator, category,
                                                                            topic, reply):
    elsewhere = make_topic(member, category, title="Een ander onderwerp")
    assert member_client.get(f"{url(elsewhere)}?citeer={reply.pk}").status_code == 404
    assert member_client.get(f"{url(topic)}?citeer=abc").status_code == 404
    verbs.delete_reply(reply=reply, by=curator)
    assert member_client.get(f"{url(topic)}?citeer={reply.pk}").status_code == 404


def test_an_empty_post_is_a_bad_submission_not_a_form_page(member_client, topic):
    response = member_client.post(url(topic))
    assert response.status_code == 400 and "Schrijf eerst je bericht." in response.text
