"""Forum fixtures: two categories and a topic started by `member`, made through the verbs."""

import pytest

from forum import verbs
from forum.models import Category


@pytest.fixture
def category(db):
    return Category.objects.create(name="Licenties", slug="licenties", description="Over *EUPL* en meer.", order=1)


@pytest.fixture
def other_category(db):
    return Category.objects.create(name="Inkoop", slug="inkoop", order=2)


def make_topic(author, category, title="Welke licentie kiezen jullie?", body="Wij twijfelen tussen EUPL en MIT.",
               tags=()):
    return verbs.start_topic(category=category, by=author, title=title, body=body, tags=tags)


def make_reply(author, topic, body="Wij kozen de EUPL."):
    return verbs.post_reply(topic=topic, by=author, body=body)


@pytest.fixture
def topic(member, category):
    return make_topic(member, category, tags=["licenties", "eupl"])


@pytest.fixture
def reply(other_member, topic):
    return make_reply(other_member, topic, body="Bij ons werkt de **EUPL** goed.\nZeker voor gemeenten.")
