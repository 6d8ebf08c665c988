"""Events in the lower layers' pages through the registries: search, sitemap, Atom feed, home page, JSON-LD,
the account download; drafts in none of them."""

import json
import re
import xml.etree.ElementTree as ET
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from network import demo, verbs
from network.home import latest_signals, upcoming_events
from network.models import Event, Registration, Signal
from ospo_nl.core.account_data import export_data
from ospo_nl.core.registries import home_sections
from ospo_nl.search.index import search

from .conftest import make_event, make_signal

ATOM = "{http://www.w3.org/2005/Atom}"


def json_ld(html):
    return [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


@pytest.mark.django_db
def test_a_published_event_is_found_and_a_draft_is_not(curator):
    make_event("Bijeenkomst over het manifest van Utrecht")
    make_event("Concept over de manifestatie", published=False)
    assert [e.title for e in search("manifest", user=curator).entries] == ["Bijeenkomst over het manifest van Utrecht"]


@pytest.mark.django_db
def test_publishing_later_puts_it_in_search(curator):
    draft = make_event("Zomerbijeenkomst", published=False)
    assert search("zomerbijeenkomst", user=None).entries == []
    verbs.edit_event(event=draft, by=curator, changes={"is_published": True})
    assert search("zomerbijeenkomst", user=None).entries[0].kind == "event"


@pytest.mark.django_db
def test_sitemap_feed_and_home_show_published_events_only(client):
    make_event("Openbare bijeenkomst")
    make_event("Verborgen concept", published=False)
    make_event("Al geweest", days=-20)
    sitemap = client.get("/sitemap-bijeenkomsten.xml").text
    assert "/bijeenkomsten/openbare-bijeenkomst/" in sitemap and "verborgen-concept" not in sitemap
    assert "sitemap-bijeenkomsten.xml" in client.get("/sitemap.xml").text
    root = ET.fromstring(client.get(reverse("network:event_feed")).content)
    titles = [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]
    assert any(t.startswith("Openbare bijeenkomst (") for t in titles) and not any("concept" in t for t in titles)
    home = client.get(reverse("home")).text
    assert "Openbare bijeenkomst" in home and "Verborgen concept" not in home and "Al geweest" not in home


@pytest.mark.django_db
def test_the_event_page_carries_schema_org_event_in_dutch_time(client, member):
    event = make_event("Netwerkbijeenkomst", capacity=10, online_url="https://meet.example.org/x")
    verbs.register_for_event(event=event, by=member)
    blocks = json_ld(client.get(event.get_absolute_url()).text)
    assert sorted(block["@type"] for block in blocks) == ["BreadcrumbList", "Event"]
    (data,) = [block for block in blocks if block["@type"] == "Event"]
    assert data["name"] == "Netwerkbijeenkomst"
    assert data["startDate"].endswith(("+01:00", "+02:00")) and "T19:00:00" in data["startDate"]
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["location"][0]["name"] == "Den Haag"
    # The attendees' link stays on the page for attendees; structured data points at the page.
    assert data["location"][1]["url"].endswith(event.get_absolute_url())
    assert (data["maximumAttendeeCapacity"], data["remainingAttendeeCapacity"]) == (10, 9)


@pytest.mark.django_db
def test_a_draft_has_no_structured_data_even_for_a_curator(curator_client):
    draft = make_event("Concept", published=False)
    assert json_ld(curator_client.get(draft.get_absolute_url()).text) == []


@pytest.mark.django_db
def test_the_home_page_sections_are_registered_and_cost_one_query_each(expert, django_assert_num_queries):
    make_event("Eén")
    make_signal(expert)
    assert upcoming_events in list(home_sections) and latest_signals in list(home_sections)
    for section in (upcoming_events, latest_signals):
        with django_assert_num_queries(1):
            assert len(section(None)["items"]) == 1


@pytest.mark.django_db
def test_the_account_download_has_registrations_and_signals(member, expert, event):
    verbs.register_for_event(event=event, by=member)
    make_signal(expert, "Gedeeld door Eva")
    assert [r["event"] for r in export_data(member)["event_registrations"]] == [event.title]
    assert [s["title"] for s in export_data(expert)["signals"]] == ["Gedeeld door Eva"]
    assert export_data(member)["signals"] == []


@pytest.mark.django_db
def test_demo_content_loads_twice_without_duplicates(client):
    call_command("load_demo", stdout=StringIO())
    counts = (Event.objects.count(), Registration.objects.count(), Signal.objects.count())
    demo.load(StringIO())
    assert (Event.objects.count(), Registration.objects.count(), Signal.objects.count()) == counts
    assert counts[0] == len(demo.EVENTS) and counts[2] == len(demo.SIGNALS)
    assert Event.objects.upcoming().exists() and Event.objects.past().exists()
    full = Event.objects.get(slug="netwerkbijeenkomst-het-manifest")
    assert full.registrations.filter(status="waiting").count() == 1
    past = Event.objects.past().first()
    assert past.links.count() == 2 and "Afspraken" in client.get(past.get_absolute_url()).text
    assert client.get(reverse("network:signal_list")).text.count('class="casus-row"') == len(demo.SIGNALS)
