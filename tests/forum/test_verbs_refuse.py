"""Every forum verb checks its own permission, on the row it locked: called directly by the wrong person it
raises and changes nothing (forum.permissions has the rules; the views no longer ask before the POST-only
verbs)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from forum import verbs
from forum.models import Reply, Topic
from ospo_nl.core.following import is_following
from ospo_nl.core.models import Follow
from ospo_nl.core.revisions import revisions_of

from .conftest import make_topic

pytestmark = pytest.mark.django_db


def state(topic):
    topic.refresh_from_db()
    return (topic.title, topic.body, topic.is_pinned, topic.is_locked, topic.category_id, topic.deleted_at,
            topic.reply_count, topic.last_reply_id)


def test_a_visitor_cannot_start_a_topic(category):
    with pytest.raises(PermissionDenied):
        make_topic(AnonymousUser(), category)
    assert not Topic.objects.exists()


def test_a_visitor_cannot_reply(topic):
    before = state(topic)
    with pytest.raises(PermissionDenied):
        verbs.post_reply(topic=topic, by=AnonymousUser(), body="Anoniem")
    assert not Reply.objects.exists()
    assert state(topic) == before


def test_a_reply_is_refused_on_the_locked_row_even_when_the_callers_copy_is_stale(member, curator, topic):
    stale = Topic.objects.get(pk=topic.pk)
    verbs.set_locked(topic=topic, by=curator, locked=True)
    assert not stale.is_locked
    with pytest.raises(PermissionDenied):
        verbs.post_reply(topic=stale, by=member, body="Net te laat")
    assert not Reply.objects.exists()


def test_another_member_cannot_edit_a_topic(other_member, expert, topic):
    before = state(topic)
    for who in (other_member, expert, AnonymousUser()):
        with pytest.raises(PermissionDenied):
            verbs.edit_topic(topic=topic, by=who, title="Gekaapt", body="x")
    assert state(topic) == before
    assert len(revisions_of(topic)) == 1


def test_the_author_cannot_edit_a_topic_once_it_is_locked(member, curator, topic):
    stale = Topic.objects.get(pk=topic.pk)
    verbs.set_locked(topic=topic, by=curator, locked=True)
    with pytest.raises(PermissionDenied):
        verbs.edit_topic(topic=stale, by=member, title="Te laat", body="x")
    topic.refresh_from_db()
    assert topic.title == "Welke licentie kiezen jullie?"


def test_someone_else_cannot_edit_a_reply(member, expert, reply):
    for who in (member, expert, AnonymousUser()):
        with pytest.raises(PermissionDenied):
            verbs.edit_reply(reply=reply, by=who, body="Niet van mij")
    reply.refresh_from_db()
    assert reply.body.startswith("Bij ons werkt")
    assert len(revisions_of(reply)) == 1


def test_the_author_of_a_reply_cannot_edit_it_once_the_topic_is_locked_whatever_their_copy_says(
        other_member, curator, topic, reply):
    stale = Reply.objects.select_related("topic").get(pk=reply.pk)
    verbs.set_locked(topic=topic, by=curator, locked=True)
    assert not stale.topic.is_locked
    with pytest.raises(PermissionDenied):
        verbs.edit_reply(reply=stale, by=other_member, body="Te laat")
    reply.refresh_from_db()
    assert reply.body.startswith("Bij ons werkt")


@pytest.mark.parametrize("act", [
    lambda topic, by, other: verbs.delete_topic(topic=topic, by=by),
    lambda topic, by, other: verbs.set_pinned(topic=topic, by=by, pinned=True),
    lambda topic, by, other: verbs.set_locked(topic=topic, by=by, locked=True),
    lambda topic, by, other: verbs.move_topic(topic=topic, by=by, category=other),
], ids=["delete", "pin", "lock", "move"])
def test_only_curators_moderate_a_topic(member, other_member, expert, topic, other_category, act):
    before = state(topic)
    for who in (member, other_member, expert, AnonymousUser()):  # `member` wrote it
        with pytest.raises(PermissionDenied):
            act(topic, who, other_category)
    assert state(topic) == before


def test_only_curators_delete_a_reply_even_one_already_deleted(other_member, member, curator, topic, reply):
    before = state(topic)
    for who in (other_member, member, AnonymousUser()):  # `other_member` wrote it
        with pytest.raises(PermissionDenied):
            verbs.delete_reply(reply=reply, by=who)
    reply.refresh_from_db()
    assert not reply.is_deleted
    assert state(topic) == before
    verbs.delete_reply(reply=reply, by=curator)
    with pytest.raises(PermissionDenied):
        verbs.delete_reply(reply=reply, by=other_member)


def test_a_deletion_shows_on_the_instance_the_caller_passed(curator, topic, reply):
    verbs.delete_reply(reply=reply, by=curator)
    assert reply.is_deleted and reply.deleted_by == curator
    verbs.delete_topic(topic=topic, by=curator)
    assert topic.is_deleted and topic.deleted_by == curator


def test_a_visitor_cannot_follow_or_unfollow(member, topic):
    before = Follow.objects.count()
    for act in (verbs.follow_topic, verbs.unfollow_topic):
        with pytest.raises(PermissionDenied):
            act(topic=topic, by=AnonymousUser())
    assert Follow.objects.count() == before
    assert is_following(member, topic)
