"""Feedback loops: the author hears when an expert claims or is assigned their casus; a reporter hears what
became of their report."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from casussen import verbs as casus_verbs
from casussen.models import Casus
from ospo_nl.moderation import verbs as moderation
from ospo_nl.notifications.models import Notification, NotificationSettings

from .conftest import make_casus


@pytest.mark.django_db
def test_the_author_is_told_when_an_expert_claims_the_casus(member, expert):
    casus = make_casus(member)
    Notification.objects.all().delete()
    casus_verbs.claim_casus(casus=casus, by=expert)
    told = Notification.objects.get(recipient=member)
    assert (told.event, told.actor, told.url) == (Notification.Event.CLAIMED, expert, casus.get_absolute_url())


@pytest.mark.django_db
def test_the_author_is_told_when_a_curator_assigns_it_and_the_expert_too(member, expert, curator):
    casus = make_casus(member)
    Notification.objects.all().delete()
    casus_verbs.assign_casus(casus=casus, expert=expert, by=curator)
    assert set(Notification.objects.values_list("recipient__email", "event")) == {
        ("member@example.org", "claimed"), ("expert@example.org", "assigned")}


@pytest.mark.django_db
def test_an_expert_claiming_their_own_casus_is_not_told(expert):
    casus = make_casus(expert, visibility=Casus.Visibility.PUBLIC)
    Notification.objects.all().delete()
    casus_verbs.claim_casus(casus=casus, by=expert)
    assert not Notification.objects.filter(event="claimed").exists()


@pytest.mark.django_db
def test_a_refused_claim_tells_nobody(member, other_member):
    casus = make_casus(member)
    Notification.objects.all().delete()
    with pytest.raises(PermissionDenied):
        casus_verbs.claim_casus(casus=casus, by=other_member)
    assert not Notification.objects.exists()


@pytest.mark.django_db
def test_each_reporter_hears_the_outcome_in_their_language(member, other_member, expert, curator):
    casus = make_casus(member, "Spamvraag")
    NotificationSettings.objects.create(user=other_member, language="en")
    moderation.report(target=casus, by=expert, reason="spam")
    moderation.report(target=casus, by=other_member, reason="spam")
    moderation.hide(target=casus, by=curator, reason="Reclame")
    titles = dict(Notification.objects.filter(event="report_outcome").values_list("recipient__email", "title"))
    assert titles == {"expert@example.org": "afgehandeld: casus “Spamvraag”, door Mila Member",
                      "other@example.org": "dealt with: casus “Spamvraag”, by Mila Member"}
    assert Notification.objects.filter(event="report_outcome").first().url == reverse("notifications:list")


@pytest.mark.django_db
def test_a_dismissed_report_is_told_as_dismissed(member, expert, curator):
    casus = make_casus(member)
    moderation.report(target=casus, by=expert, reason="off-topic")
    moderation.dismiss(target=casus, by=curator)
    assert Notification.objects.get(event="report_outcome", recipient=expert).title.startswith("afgewezen: ")
