"""Hidden content disappears from lists, pages, search, feeds and sitemaps, and returns when unhidden."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from ospo_nl.moderation import verbs as moderation
from ospo_nl.search.models import SearchEntry


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "https://ospo.example.nl"


def indexed(obj):
    return SearchEntry.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk).exists()


def sitemap(client, section):
    return client.get(reverse("sitemap_section", args=[section])).content.decode()


def test_a_hidden_casus_is_gone_everywhere_and_comes_back(client, member_client, curator, casus, spam_answer):
    public_pages = [reverse("casussen:list"), reverse("casussen:feed")]
    assert all(casus.title in client.get(p).content.decode() for p in public_pages)
    assert casus.slug in sitemap(client, "casussen")
    assert indexed(casus) and indexed(spam_answer)

    moderation.hide(target=casus, by=curator, reason="Spam")

    for c in (client, member_client):
        assert all(casus.title not in c.get(p).content.decode() for p in public_pages)
        assert c.get(casus.get_absolute_url()).status_code == 404
    assert casus.slug not in sitemap(client, "casussen")
    assert not indexed(casus) and not indexed(spam_answer)  # its answers follow the casus
    assert casus.title not in member_client.get(reverse("search"), {"q": "licentie"}).content.decode()

    moderation.unhide(target=casus, by=curator)

    assert all(casus.title in client.get(p).content.decode() for p in public_pages)
    assert client.get(casus.get_absolute_url()).status_code == 200
    assert casus.slug in sitemap(client, "casussen")
    assert indexed(casus) and indexed(spam_answer)


def test_a_hidden_answer_leaves_the_casus_page_and_search(client, curator_client, curator, casus, spam_answer):
    assert "horloges" in client.get(casus.get_absolute_url()).content.decode()
    moderation.hide(target=spam_answer, by=curator, reason="Spam")
    assert "horloges" not in client.get(casus.get_absolute_url()).content.decode()
    assert not indexed(spam_answer)
    # Curators review it in the list of hidden posts, not on the page.
    assert "horloges" in curator_client.get(reverse("moderation:hidden")).content.decode()
    moderation.unhide(target=spam_answer, by=curator)
    assert "horloges" in client.get(casus.get_absolute_url()).content.decode()
    assert indexed(spam_answer)


def test_a_hidden_comment_leaves_the_casus_page(client, curator, casus, comment):
    assert "Onzin" in client.get(casus.get_absolute_url()).content.decode()
    moderation.hide(target=comment, by=curator, reason="Kwetsend")
    assert "Onzin" not in client.get(casus.get_absolute_url()).content.decode()


def test_a_hidden_topic_is_gone_from_the_forum_feed_sitemap_and_search(client, curator, topic, category):
    pages = [reverse("forum:category", args=[category.slug]), reverse("forum:home"),
             reverse("forum:category_feed", args=[category.slug])]
    assert all(topic.title in client.get(p).content.decode() for p in pages)
    moderation.hide(target=topic, by=curator, reason="Spam")
    assert all(topic.title not in client.get(p).content.decode() for p in pages)
    assert client.get(topic.get_absolute_url()).status_code == 404
    assert topic.get_absolute_url() not in sitemap(client, "forum-onderwerpen")
    assert not indexed(topic)
    moderation.unhide(target=topic, by=curator)
    assert all(topic.title in client.get(p).content.decode() for p in pages)
    assert topic.get_absolute_url() in sitemap(client, "forum-onderwerpen")
    assert indexed(topic)


def test_a_hidden_reply_shows_as_a_placeholder_and_leaves_search(client, curator, reply):
    url = reply.topic.get_absolute_url()
    assert "spam.example" in client.get(url).content.decode()
    moderation.hide(target=reply, by=curator, reason="Spam")
    body = client.get(url).content.decode()
    assert "spam.example" not in body and "door de moderatoren verborgen" in body
    assert not indexed(reply)
    moderation.unhide(target=reply, by=curator)
    assert "spam.example" in client.get(url).content.decode()
    assert indexed(reply)


def test_hidden_posts_are_not_visible_to_anyone_by_the_one_rule(member, curator, casus, spam_answer):
    moderation.hide(target=spam_answer, by=curator, reason="Spam")
    assert not spam_answer.is_visible_to(member) and not spam_answer.is_visible_to(curator)
