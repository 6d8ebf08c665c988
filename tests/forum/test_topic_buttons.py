"""The topic page shows what forum.permissions (and moderation's report rule) allow, also when the page
comes from the shared cache: the template restates no rule."""

import pytest
from django.test import Client
from django.urls import reverse

from forum import verbs
from tests.conftest import make_user

from .conftest import make_reply

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def shared_cache_on(settings):
    settings.CONTENT_CACHE_SECONDS = 600  # the shared cache on (locmem: one process)


def report_url(label, pk):
    return reverse("moderation:report", args=[label, pk])


def test_members_report_what_others_wrote_never_their_own(member_client, other_member_client, topic, reply):
    third = Client()
    third.force_login(make_user("derde@example.org", name="Dirk Derde"))
    for client, own, others in [(member_client, ("forum.topic", topic.pk), ("forum.reply", reply.pk)),
                                (other_member_client, ("forum.reply", reply.pk), ("forum.topic", topic.pk))]:
        page = client.get(topic.get_absolute_url()).text
        assert report_url(*others) in page and report_url(*own) not in page
    page = third.get(topic.get_absolute_url()).text
    assert report_url("forum.topic", topic.pk) in page and report_url("forum.reply", reply.pk) in page


def test_a_visitor_sees_no_follow_report_edit_or_moderation_buttons(client, topic, reply):
    page = client.get(topic.get_absolute_url()).text
    for url in (reverse("forum:topic_follow", args=[topic.pk]), reverse("forum:topic_edit", args=[topic.pk]),
                reverse("forum:reply_edit", args=[reply.pk]), reverse("forum:topic_lock", args=[topic.pk]),
                report_url("forum.reply", reply.pk)):
        assert url not in page


def test_a_lock_takes_the_authors_edit_links_away_but_not_a_curators(member_client, curator_client, curator,
                                                                     topic):
    reply = make_reply(topic.author, topic, body="Ik ook")
    edit_topic, edit_reply = reverse("forum:topic_edit", args=[topic.pk]), reverse("forum:reply_edit", args=[reply.pk])
    assert edit_topic in member_client.get(topic.get_absolute_url()).text
    verbs.set_locked(topic=topic, by=curator, locked=True)
    page = member_client.get(topic.get_absolute_url()).text
    assert edit_topic not in page and edit_reply not in page
    page = curator_client.get(topic.get_absolute_url()).text
    assert edit_topic in page and edit_reply in page
