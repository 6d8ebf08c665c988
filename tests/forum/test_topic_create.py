import pytest
from django.urls import reverse

from forum.models import Topic

pytestmark = pytest.mark.django_db


def url(category):
    return reverse("forum:topic_create", args=[category.slug])


def test_a_member_starts_a_topic_and_follows_it(member, member_client, category):
    response = member_client.post(url(category), {
        "title": "Hoe organiseren jullie een OSPO?", "body": "Wij beginnen net. **Tips?**", "tags": "ospo, beleid",
    })
    topic = Topic.objects.get()
    assert response.status_code == 302 and response.url == topic.get_absolute_url()
    assert (topic.author, topic.category) == (member, category)
    assert "<strong>Tips?</strong>" in topic.body_html
    assert sorted(topic.tags.names()) == ["beleid", "ospo"]
    page = member_client.get(response.url).text
    assert "Je onderwerp is geplaatst." in page and "Niet meer volgen" in page


def test_the_form_page_renders_with_labelled_fields(member_client, category):
    response = member_client.get(url(category))
    assert response.status_code == 200
    assert '<label class="utrecht-form-label" for="id_title">' in response.text


def test_a_visitor_is_sent_to_log_in(client, category):
    response = client.post(url(category), {"title": "Een vraag", "body": "Tekst"})
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))
    assert not Topic.objects.exists()


def test_an_unknown_category_is_404(member_client, db):
    response = member_client.post("/forum/categorie/bestaat-niet/nieuw/", {"title": "Vraag", "body": "x"})
    assert response.status_code == 404


def test_wrong_method_is_405(member_client, category):
    assert member_client.put(url(category)).status_code == 405


def test_bad_input_shows_a_clear_message_and_keeps_what_was_typed(member_client, category):
    response = member_client.post(url(category), {"title": "", "body": "Mijn lange verhaal blijft bewaard."})
    assert response.status_code == 400
    assert "Geef je onderwerp een titel." in response.text
    assert "Mijn lange verhaal blijft bewaard." in response.text
    response = member_client.post(url(category), {"title": "?!?!?!", "body": ""})
    assert response.status_code == 400
    assert "Schrijf eerst je bericht." in response.text and "letters of cijfers" in response.text
    assert not Topic.objects.exists()


def test_the_owner_cannot_be_taken_from_post(member, other_member, member_client, category):
    member_client.post(url(category), {"title": "Een eerlijke vraag", "body": "x", "author": other_member.pk})
    assert Topic.objects.get().author == member
