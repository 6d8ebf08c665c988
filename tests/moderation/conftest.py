"""Moderation fixtures: one of each reportable thing, written by `member` or `other_member`."""

import pytest

from casussen import verbs as casus_verbs
from forum import verbs
from forum.models import Category
from ospo_nl.moderation import verbs as moderation


@pytest.fixture
def casus(member):
    return casus_verbs.post_casus(by=member, title="Welke licentie kiezen we?", body="Wij willen publiceren.",
                                tags=("licenties",))


@pytest.fixture
def answer(casus, expert):
    return casus_verbs.post_answer(casus=casus, by=expert, body="Koop nu goedkope horloges op spam.example!")


@pytest.fixture
def comment(casus, other_member):
    return casus_verbs.comment(casus=casus, by=other_member, body="Onzin, lees zelf maar.")


@pytest.fixture
def category(db):
    return Category.objects.create(name="Licenties", slug="licenties", order=1)


@pytest.fixture
def topic(other_member, category):
    return verbs.start_topic(category=category, by=other_member, title="Goedkope horloges", body="Spam spam.")


@pytest.fixture
def reply(other_member, member, category):
    topic = verbs.start_topic(category=category, by=member, title="EUPL of MIT?", body="Wat kiezen jullie?")
    return verbs.post_reply(topic=topic, by=other_member, body="Bezoek spam.example voor korting.")


@pytest.fixture
def expert_profile(expert):
    return expert.profile


@pytest.fixture
def reported(member, answer):
    """An open report by `member` on the expert's answer."""
    return moderation.report(target=answer, by=member, reason="spam", note="Reclame voor horloges.")
