"""Hiding, unhiding and deleting posts keeps the thread counters right (one rule: live posts count)."""

from io import StringIO

import pytest
from django.core.management import call_command

from casussen import verbs as casus_verbs
from ospo_nl.moderation import verbs as moderation

pytestmark = pytest.mark.django_db


def test_hiding_an_answer_takes_it_out_of_the_casus_counts_and_unhiding_puts_it_back(casus, spam_answer, member,
                                                                                      curator):
    casus_verbs.vote(answer=spam_answer, by=member, value=1)
    casus.refresh_from_db()
    assert (casus.answer_count, casus.score) == (1, 1)

    moderation.hide(target=spam_answer, by=curator, reason="spam")
    casus.refresh_from_db()
    assert (casus.answer_count, casus.score) == (0, 0)

    moderation.unhide(target=spam_answer, by=curator)
    casus.refresh_from_db()
    assert (casus.answer_count, casus.score) == (1, 1)


def test_the_recount_command_agrees_with_the_verbs_about_hidden_answers(casus, spam_answer, curator):
    moderation.hide(target=spam_answer, by=curator, reason="spam")
    out = StringIO()
    call_command("recount_casussen", "--dry-run", stdout=out)
    assert "0 casus counters" in out.getvalue()


def test_hiding_and_deleting_replies_keeps_the_topic_counters(reply, curator):
    topic = reply.topic
    moderation.hide(target=reply, by=curator, reason="spam")
    topic.refresh_from_db()
    assert (topic.reply_count, topic.last_reply_id) == (0, None)
    moderation.unhide(target=reply, by=curator)
    topic.refresh_from_db()
    assert (topic.reply_count, topic.last_reply_id) == (1, reply.pk)
    moderation.delete(target=reply, by=curator, reason="spam")
    topic.refresh_from_db()
    assert topic.reply_count == 0
