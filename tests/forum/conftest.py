"""Forum fixtures: a second category and a topic started by `member`, with a reply, made through the verbs
(the category "Licenties" is shared, in tests/conftest.py)."""

import pytest

from tests.factories import make_category, make_reply, make_topic


@pytest.fixture
def other_category(db):
    return make_category("Inkoop", order=2)


@pytest.fixture
def topic(member, category):
    return make_topic(member, category, tags=["licenties", "eupl"])


@pytest.fixture
def reply(other_member, topic):
    return make_reply(other_member, topic, body="Bij ons werkt de **EUPL** goed.\nZeker voor gemeenten.")
