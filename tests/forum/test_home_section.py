import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from forum import verbs
from forum.home import latest_topics
from tests.factories import make_topic

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_the_latest_topics_but_not_deleted_ones(client, member, curator, category):
    make_topic(member, category, title="Zichtbaar onderwerp over licenties")
    gone = make_topic(member, category, title="Verwijderd onderwerp over licenties")
    verbs.delete_topic(topic=gone, by=curator)
    text = client.get(reverse("home")).text
    assert "Nieuw op het forum" in text
    assert "Zichtbaar onderwerp" in text and "Verwijderd onderwerp" not in text


def test_the_home_section_costs_one_query(member, category, django_assert_num_queries):
    for i in range(8):
        make_topic(member, category, title=f"Onderwerp nummer {i}")
    with django_assert_num_queries(1):
        section = latest_topics(AnonymousUser())
    assert [item["label"] for item in section["items"]][:2] == ["Onderwerp nummer 7", "Onderwerp nummer 6"]
    assert len(section["items"]) == 5
