"""Moderation fixtures: one of each reportable thing, spam or rude, written by `expert`, `member` or
`other_member` (the `casus` they hang on and the forum `category` are shared, in tests/conftest.py)."""

import pytest

from casussen import verbs as casus_verbs
from ospo_nl.moderation import verbs as moderation
from tests.factories import make_answer, make_reply, make_topic


@pytest.fixture
def spam_answer(casus, expert):
    return make_answer(casus, expert, body="Koop nu goedkope horloges op spam.example!")


@pytest.fixture
def comment(casus, other_member):
    return casus_verbs.comment(casus=casus, by=other_member, body="Onzin, lees zelf maar.")


@pytest.fixture
def topic(other_member, category):
    return make_topic(other_member, category, "Goedkope horloges", body="Spam spam.")


@pytest.fixture
def reply(other_member, member, category):
    topic = make_topic(member, category, "EUPL of MIT?", body="Wat kiezen jullie?")
    return make_reply(other_member, topic, body="Bezoek spam.example voor korting.")


@pytest.fixture
def expert_profile(expert):
    return expert.profile


@pytest.fixture
def reported(member, spam_answer):
    """An open report by `member` on the expert's spam answer."""
    return moderation.report(target=spam_answer, by=member, reason="spam", note="Reclame voor horloges.")
