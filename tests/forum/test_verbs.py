"""The forum verbs keep counters, revisions, following and notifications right."""

import pytest
from django.core.exceptions import PermissionDenied

from forum import verbs
from forum.models import Reply, Topic
from ospo_nl.core.following import is_following
from ospo_nl.core.revisions import revisions_of
from ospo_nl.notifications.models import Notification
from tests.factories import make_reply, make_topic

pytestmark = pytest.mark.django_db


def test_starting_a_topic_keeps_a_revision_tags_and_makes_the_author_follow(member, category):
    topic = make_topic(member, category, tags=["eupl", "licenties"])
    assert topic.last_activity_at == topic.created_at
    assert topic.reply_count == 0
    assert sorted(topic.tags.names()) == ["eupl", "licenties"]
    assert is_following(member, topic)
    [revision] = revisions_of(topic)
    assert revision.data == {"title": topic.title, "body": topic.body}


def test_a_reply_updates_the_counters_and_notifies_followers_but_not_its_author(member, other_member, expert, topic):
    verbs.follow_topic(topic=topic, by=expert)
    reply = make_reply(other_member, topic)
    topic.refresh_from_db()
    assert topic.reply_count == 1
    assert topic.last_reply == reply
    assert topic.last_activity_at == reply.created_at
    recipients = set(Notification.objects.filter(event=Notification.Event.REPLY).values_list("recipient", flat=True))
    assert recipients == {member.pk, expert.pk}
    notification = Notification.objects.filter(recipient=member).get()
    assert notification.url == f"/forum/reactie/{reply.pk}/"
    assert is_following(other_member, topic)


def test_an_unfollower_is_not_notified(member, other_member, topic):
    verbs.unfollow_topic(topic=topic, by=member)
    make_reply(other_member, topic)
    assert not Notification.objects.filter(recipient=member).exists()


def test_replying_to_a_locked_topic_raises_and_changes_nothing(member, curator, topic):
    verbs.set_locked(topic=topic, by=curator, locked=True)
    with pytest.raises(PermissionDenied):
        make_reply(member, topic)
    assert not Reply.objects.exists()
    topic.refresh_from_db()
    assert topic.reply_count == 0


def test_deleting_the_last_reply_steps_back_to_the_previous_one(member, other_member, curator, topic):
    first = make_reply(other_member, topic, body="Eerste")
    last = make_reply(member, topic, body="Tweede")
    verbs.delete_reply(reply=last, by=curator)
    topic.refresh_from_db()
    assert topic.reply_count == 1
    assert topic.last_reply == first
    assert topic.last_activity_at == first.created_at
    last.refresh_from_db()
    assert last.is_deleted and last.deleted_by == curator and last.body == "Tweede"  # kept, not lost


def test_deleting_the_only_reply_falls_back_to_the_topic_and_twice_counts_once(other_member, curator, topic):
    reply = make_reply(other_member, topic)
    verbs.delete_reply(reply=reply, by=curator)
    verbs.delete_reply(reply=reply, by=curator)
    topic.refresh_from_db()
    assert (topic.reply_count, topic.last_reply, topic.last_activity_at) == (0, None, topic.created_at)


def test_editing_keeps_every_version_and_does_not_undo_a_concurrent_reply(member, other_member, topic):
    stale = Topic.objects.get(pk=topic.pk)
    make_reply(other_member, topic)
    edited = verbs.edit_topic(topic=stale, by=member, title="Welke licentie: EUPL?", body="Nieuw", tags=["eupl"])
    assert edited.reply_count == 1
    assert edited.slug == "welke-licentie-eupl"
    assert [r.data["body"] for r in revisions_of(edited)] == ["Nieuw", topic.body]
    assert list(edited.tags.names()) == ["eupl"]


def test_editing_a_reply_keeps_a_revision(other_member, reply):
    verbs.edit_reply(reply=reply, by=other_member, body="Aangepast")
    reply.refresh_from_db()
    assert reply.body == "Aangepast"
    assert [r.data["body"] for r in revisions_of(reply)][0] == "Aangepast"
    assert len(revisions_of(reply)) == 2


def test_pin_lock_and_move(curator, topic, other_category):
    verbs.set_pinned(topic=topic, by=curator, pinned=True)
    verbs.set_locked(topic=topic, by=curator, locked=True)
    verbs.move_topic(topic=topic, by=curator, category=other_category)
    topic.refresh_from_db()
    assert (topic.is_pinned, topic.is_locked, topic.category) == (True, True, other_category)


def test_a_quote_is_markdown_with_attribution(reply):
    quote = reply.as_quote()
    assert quote.startswith(f"Olaf Other schreef ([reactie](/forum/reactie/{reply.pk}/)):")
    assert "> Bij ons werkt de **EUPL** goed.\n> Zeker voor gemeenten." in quote


def test_stored_html_is_sanitized(member, category):
    topic = make_topic(member, category, body='<script>alert(1)</script>[x](javascript:alert(1)) <b onclick="x">b</b>')
    reply = make_reply(member, topic, body='<img src=x onerror=alert(1)> [site](https://example.org)')
    for html in (topic.body_html, reply.body_html):
        assert "<script" not in html and "onerror" not in html and "onclick" not in html
        assert "javascript:" not in html
    assert 'rel="nofollow ugc noopener"' in reply.body_html
