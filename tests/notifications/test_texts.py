"""Notifications and the moderation log name the casus or topic, who and what, never internal numbers
("Je bent genoemd: Reactie 22 op 3", "reactie: Reactie 2 op 2")."""

import re

import pytest
from django.utils import translation

from casussen import verbs as casus_verbs
from ospo_nl.core.labels import label, label_with_author
from ospo_nl.moderation import verbs as moderation
from ospo_nl.moderation.models import ModerationAction
from ospo_nl.notifications.models import Notification
from tests.factories import make_answer, make_casus, make_reply, make_topic

pytestmark = pytest.mark.django_db

NUMBERS = re.compile(r"#\d|\b\d+ op \d+\b|Reactie \d")


def mention_title(user):
    return Notification.objects.get(recipient=user, event=Notification.Event.MENTION).title


def test_a_mention_in_a_forum_reply_names_who_and_the_topic(member, other_member, category):
    topic = make_topic(member, category, "Ervaringen met Nextcloud")
    make_reply(member, topic, body="@[Olaf Other] hoe deden jullie dit?")
    title = mention_title(other_member)
    assert title == "Mila Member noemde je in een reactie op “Ervaringen met Nextcloud”"
    assert not NUMBERS.search(title)


def test_a_mention_in_a_casus_comment_and_in_an_answer_names_the_casus(member, expert, other_member):
    casus = make_casus(member, "Welke licentie kiezen we?")
    casus_verbs.comment(casus=casus, by=member, body="Kan @[Eva Expert] hiernaar kijken?")
    assert mention_title(expert) == "Mila Member noemde je in een reactie op “Welke licentie kiezen we?”"
    make_answer(casus, expert, body="Vraag het ook @[Olaf Other].")
    assert mention_title(other_member) == "Eva Expert noemde je in een antwoord op “Welke licentie kiezen we?”"


def test_a_mention_in_a_casus_itself_names_the_casus(member, other_member):
    make_casus(member, "Open source aanbesteden", body="Zie @[Olaf Other]")
    assert mention_title(other_member) == "Mila Member noemde je in een casus “Open source aanbesteden”"


def test_the_moderation_log_names_what_on_which_topic_and_by_whom(curator, curator_client, member, other_member,
                                                                  category, django_assert_max_num_queries):
    topic = make_topic(member, category, "Ervaringen met Nextcloud")
    reply = make_reply(other_member, topic)
    moderation.report(target=reply, by=member, reason="spam")
    moderation.perform(action="hide", target=reply, by=curator, reason="Reclame")
    moderation.perform(action="warn", target=other_member, by=curator, reason="Reclame")
    labels = list(ModerationAction.objects.order_by("pk").values_list("target_label", flat=True))
    assert labels == ["reactie op “Ervaringen met Nextcloud”, door Olaf Other", "lid Olaf Other"]
    with django_assert_max_num_queries(8):
        html = curator_client.get("/moderatie/logboek/").content.decode()
    assert "Reactie op “Ervaringen met Nextcloud”, door Olaf Other" in html
    assert not NUMBERS.search(re.sub(r"<[^>]+>", "", html[html.index("<table"):html.index("</table>")]))


def test_the_reporter_is_told_what_became_of_which_post(curator, member, other_member, category):
    topic = make_topic(member, category, "Ervaringen met Nextcloud")
    reply = make_reply(other_member, topic)
    moderation.report(target=reply, by=member, reason="spam")
    moderation.perform(action="hide", target=reply, by=curator, reason="Reclame")
    title = Notification.objects.get(recipient=member, event=Notification.Event.REPORT_OUTCOME).title
    assert "reactie op “Ervaringen met Nextcloud”, door Olaf Other" in title


def test_labels_in_english(member, expert, category):
    topic = make_topic(member, category, "Nextcloud")
    reply = make_reply(member, topic)
    with translation.override("en"):
        assert label(topic) == "topic “Nextcloud”"
        assert label_with_author(reply) == "reply to “Nextcloud”, by Mila Member"
        assert str(make_answer(make_casus(member, "Licence"), expert)) == "answer to “Licence”"


def test_a_profile_is_labelled_by_kind_and_name(expert):
    assert label(expert.profile) == "profiel “Eva Expert”"
