"""The permission rules on their own, per role."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from forum import permissions
from tests.helpers import allowed

pytestmark = pytest.mark.django_db


def test_a_visitor_may_not_start_a_topic_or_reply(category, topic):
    with pytest.raises(PermissionDenied):
        permissions.check_start_topic(AnonymousUser(), category)
    with pytest.raises(PermissionDenied):
        permissions.check_post_reply(AnonymousUser(), topic)


def test_members_experts_and_curators_may_start_topics_and_reply(member, expert, curator, category, topic):
    for user in (member, expert, curator):
        assert allowed(permissions.check_start_topic, user, category) is True
        assert allowed(permissions.check_post_reply, user, topic) is True


def test_an_inactive_account_may_not_post(member, category):
    member.is_active = False
    with pytest.raises(PermissionDenied):
        permissions.check_start_topic(member, category)


def test_nobody_may_reply_to_a_locked_topic_and_the_message_says_why(member, curator, topic):
    topic.is_locked = True
    for user in (member, curator):
        with pytest.raises(PermissionDenied, match="gesloten"):
            permissions.check_post_reply(user, topic)


def test_the_author_may_edit_their_own_topic_and_reply(member, other_member, topic, reply):
    assert allowed(permissions.check_edit_topic, member, topic) is True
    assert allowed(permissions.check_edit_reply, other_member, reply) is True


def test_another_member_or_expert_may_not_edit_someone_elses_post(other_member, expert, topic, reply, member):
    for user in (other_member, expert):
        with pytest.raises(PermissionDenied):
            permissions.check_edit_topic(user, topic)
    with pytest.raises(PermissionDenied):
        permissions.check_edit_reply(member, reply)


def test_the_author_may_not_edit_in_a_locked_topic_but_a_curator_may(member, curator, topic):
    topic.is_locked = True
    with pytest.raises(PermissionDenied):
        permissions.check_edit_topic(member, topic)
    assert allowed(permissions.check_edit_topic, curator, topic) is True


def test_a_curator_may_edit_any_post(curator, topic, reply):
    assert allowed(permissions.check_edit_topic, curator, topic) is True
    assert allowed(permissions.check_edit_reply, curator, reply) is True


def test_only_curators_moderate(member, expert, curator, admin_user, topic, reply):
    for user in (AnonymousUser(), member, expert):
        with pytest.raises(PermissionDenied):
            permissions.check_moderate_topic(user, topic)
        with pytest.raises(PermissionDenied):
            permissions.check_delete_reply(user, reply)
    for user in (curator, admin_user):
        assert allowed(permissions.check_moderate_topic, user, topic) is True
        assert allowed(permissions.check_delete_reply, user, reply) is True


def test_members_may_follow_and_visitors_may_not(member, topic):
    assert allowed(permissions.check_follow_topic, member, topic) is True
    with pytest.raises(PermissionDenied):
        permissions.check_follow_topic(AnonymousUser(), topic)
