"""A confidential casus (members or experts only) reaches none of the network's pages, feeds, calendar files,
digests or search entries outside its audience, also when a meeting's report discussed it."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from casussen import verbs as casus_verbs
from casussen.models import Casus
from network import verbs
from ospo_nl.notifications.mail import send_digests
from ospo_nl.search.index import search

from .conftest import make_event, make_signal

SECRET = "Vertrouwelijk datalek bij waterschap Zeeland"


@pytest.fixture
def world(member, expert, curator):
    secret = casus_verbs.post_casus(by=member, title=SECRET, body="Details die niemand buiten de experts mag lezen.",
                                    visibility=Casus.Visibility.EXPERTS, tags=("beveiliging",))
    members_only = casus_verbs.post_casus(by=member, title="Ledencasus over een aanbesteding", body="Tekst",
                                          visibility=Casus.Visibility.MEMBERS, tags=("beveiliging",))
    past = make_event("Geweest: veilig publiceren", starts_at=timezone.now() - timedelta(days=2))
    verbs.write_report(event=past, by=curator, report="We bespraken twee casussen.", targets=[secret, members_only])
    upcoming = make_event("Komt: veilig publiceren", days=3)
    make_signal(expert, "Rapport over beveiliging", tags=["beveiliging"])
    return secret, members_only, past, upcoming


def pages(past, upcoming):
    return [
        reverse("network:event_list"), reverse("network:event_archive"), past.get_absolute_url(),
        upcoming.get_absolute_url(), reverse("network:event_feed"), reverse("network:calendar"),
        reverse("network:event_ical", args=[past.slug]), reverse("network:signal_list"),
        reverse("network:signal_feed"), reverse("network:signal_list") + "?tag=beveiliging",
        reverse("tag_feed", args=["beveiliging"]), "/sitemap-bijeenkomsten.xml", "/sitemap-signalen.xml",
        reverse("home"),
    ]


@pytest.mark.django_db
def test_no_new_page_feed_or_calendar_shows_the_experts_only_casus_to_a_visitor_or_member(world, client,
                                                                                         other_member_client):
    secret, members_only, past, upcoming = world
    for who, c in (("visitor", client), ("member", other_member_client)):
        for path in pages(past, upcoming):
            response = c.get(path)
            assert response.status_code == 200, (who, path)
            body = response.content.decode()
            assert SECRET not in body and secret.slug not in body, (who, path)
            if who == "visitor":
                assert "Ledencasus" not in body and members_only.slug not in body, path


@pytest.mark.django_db
def test_the_audience_sees_what_it_may(world, expert_client, other_member_client):
    secret, members_only, past, _upcoming = world
    assert SECRET in expert_client.get(past.get_absolute_url()).text
    assert "Ledencasus" in other_member_client.get(past.get_absolute_url()).text


@pytest.mark.django_db
def test_the_events_search_entry_carries_nothing_of_the_casussen_it_discussed(world):
    _secret, _members_only, past, _upcoming = world
    assert [e.url for e in search("datalek", user=None).entries] == []
    assert [e.url for e in search("veilig publiceren", user=None).entries if "datalek" in e.body] == []


@pytest.mark.django_db
def test_no_digest_names_it(world, other_member):
    send_digests("daily")
    to_member = [m for m in mail.outbox if m.to == [other_member.email]]
    assert to_member, "the member gets a digest (the new signal)"
    for message in mail.outbox:
        assert SECRET not in message.body and SECRET not in message.subject


@pytest.mark.django_db
def test_a_signal_may_not_point_to_a_page_of_this_site(world, expert_client, settings):
    secret = world[0]
    response = expert_client.post(reverse("network:signal_create"), {
        "kind": "news", "title": "Zie deze casus", "url": settings.SITE_URL + secret.get_absolute_url(),
        "source": "OSPO-NL", "commentary": "x"})
    assert response.status_code == 400 and "buiten OSPO-NL" in response.text


@pytest.mark.django_db
def test_a_casus_that_turns_private_later_leaves_the_report(member, curator, client):
    casus = casus_verbs.post_casus(by=member, title="Eerst openbaar, later niet", body="Tekst")
    past = make_event("Geweest", starts_at=timezone.now() - timedelta(days=2))
    verbs.write_report(event=past, by=curator, report="Verslag.", targets=[casus])
    assert "Eerst openbaar" in client.get(past.get_absolute_url()).text
    casus_verbs.edit_casus(casus=casus, by=member, changes={"visibility": Casus.Visibility.EXPERTS})
    assert "Eerst openbaar" not in Client().get(past.get_absolute_url()).text
