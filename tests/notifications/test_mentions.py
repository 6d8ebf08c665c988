"""`@[Name]` in a post notifies that member, only if they may see the post."""

import pytest

from casussen import verbs as casus_verbs
from casussen.models import Casus
from forum.models import Category
from ospo_nl.notifications.mentions import mentioned_names, mentioned_users
from ospo_nl.notifications.models import Notification
from tests.factories import make_casus, make_reply, make_topic

pytestmark = pytest.mark.django_db


def _mentions(user):
    return Notification.objects.filter(recipient=user, event=Notification.Event.MENTION)


def test_names_in_brackets_are_mentions_without_a_query(django_assert_num_queries):
    text = "Vraag aan @[Eva Expert] en @[ Olaf Other ]; @nobody telt niet"
    assert mentioned_names(text) == ["Eva Expert", "Olaf Other"]
    with django_assert_num_queries(0):
        assert mentioned_users("Geen vermelding hier, mail@example.org") == []


def test_a_comment_mentioning_an_expert_notifies_them_with_a_link(member, expert):
    casus = make_casus(member)
    comment = casus_verbs.comment(casus=casus, by=member, body="Kan @[eva expert] hiernaar kijken?")
    notification = _mentions(expert).get()
    assert notification.url == comment.get_absolute_url()
    assert notification.actor == member


def test_a_forum_reply_mention_notifies_the_member(member, other_member):
    topic = make_topic(member, Category.objects.create(name="Inkoop", slug="inkoop"))
    make_reply(member, topic, body="@[Olaf Other] hoe deden jullie dit?")
    assert _mentions(other_member).count() == 1


def test_a_mention_in_an_experts_only_casus_does_not_reach_a_member_who_may_not_see_it(member, other_member):
    make_casus(member, "Geheim", visibility=Casus.Visibility.EXPERTS, body="Zie @[Olaf Other]")
    assert not _mentions(other_member).exists()


def test_mentioning_yourself_notifies_nobody(member):
    make_casus(member, body="Ik, @[Mila Member], vraag dit.")
    assert not _mentions(member).exists()
