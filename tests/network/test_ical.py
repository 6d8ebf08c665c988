"""The iCal file per event and the subscribable calendar: parsed with the `icalendar` library, the times right on
both sides of a daylight-saving change, only published events, nothing of who registered."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from network import verbs

from .conftest import at, make_event

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


@pytest.fixture
def around_dst(db):
    """Two meetings at 19:00 Dutch time: the Thursday before summer time starts (29 March 2037) and the Thursday
    after. In UTC they start at 18:00 and 17:00."""
    before = make_event("Voor de zomertijd", starts_at=at(date(2037, 3, 26)))
    after = make_event("Na de zomertijd", starts_at=at(date(2037, 4, 2)))
    return before, after


@pytest.mark.django_db
def test_the_calendar_parses_and_keeps_19_00_across_the_daylight_saving_change(client, around_dst):
    calendar = parse(client.get(reverse("network:calendar")))
    events = {e["SUMMARY"]: e for e in calendar.walk("VEVENT")}
    before, after = events["Voor de zomertijd"], events["Na de zomertijd"]
    for component in (before, after):
        assert component.start.astimezone(AMSTERDAM).hour == 19
        assert component["DTSTART"].params["TZID"] == "Europe/Amsterdam"
        assert component.end - component.start == timedelta(hours=2)
    assert before.start.astimezone(ZoneInfo("UTC")).hour == 18
    assert after.start.astimezone(ZoneInfo("UTC")).hour == 17
    # The time zone's rules travel with the file, so any calendar app reads them the same.
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    assert calendar["X-WR-TIMEZONE"] == "Europe/Amsterdam"


@pytest.mark.django_db
def test_one_events_file_has_its_place_link_uid_and_sequence(client, curator):
    event = make_event("Manifest, deel 2; en verder", capacity=10)
    calendar = parse(client.get(reverse("network:event_ical", args=[event.slug])))
    (component,) = calendar.walk("VEVENT")
    assert component["SUMMARY"] == "Manifest, deel 2; en verder"  # escaped and read back whole
    assert component["LOCATION"] == "Den Haag"
    assert component["URL"].endswith(event.get_absolute_url())
    assert component["UID"].startswith(f"bijeenkomst-{event.pk}@")
    assert component["SEQUENCE"] == 0
    assert "het manifest" in component["DESCRIPTION"]
    # A new time makes calendars that imported the file replace it: SEQUENCE goes up, the UID stays.
    verbs.edit_event(event=event, by=curator, changes={"starts_at": event.starts_at + timedelta(hours=1),
                                                      "ends_at": event.ends_at + timedelta(hours=1)})
    (moved,) = parse(client.get(reverse("network:event_ical", args=[event.slug]))).walk("VEVENT")
    assert moved["SEQUENCE"] == 1 and moved["UID"] == component["UID"]
    assert moved.start.astimezone(AMSTERDAM).hour == 20


@pytest.mark.django_db
def test_a_draft_is_in_no_calendar_file(client, curator_client):
    draft = make_event("Geheim concept", published=False)
    make_event("Gepubliceerd")
    assert client.get(reverse("network:event_ical", args=[draft.slug])).status_code == 404
    # Not even for a curator: a calendar file is shared further.
    assert curator_client.get(reverse("network:event_ical", args=[draft.slug])).status_code == 404
    summaries = [e["SUMMARY"] for e in parse(curator_client.get(reverse("network:calendar"))).walk("VEVENT")]
    assert summaries == ["Gepubliceerd"]


@pytest.mark.django_db
def test_the_online_link_of_a_meeting_with_registration_stays_out_of_the_public_files(client, member):
    event = make_event("Online overleg", location="", online_url="https://meet.example.org/alleen-deelnemers")
    verbs.register_for_event(event=event, by=member)
    body = client.get(reverse("network:calendar")).content.decode()
    assert "alleen-deelnemers" not in body and "member@example.org" not in body
    assert "LOCATION:Online" in body


@pytest.mark.django_db
def test_the_calendar_keeps_a_year_of_past_meetings(client):
    make_event("Lang geleden", starts_at=timezone.now() - timedelta(days=400))
    make_event("Vorige maand", starts_at=timezone.now() - timedelta(days=30))
    summaries = {e["SUMMARY"] for e in parse(client.get(reverse("network:calendar"))).walk("VEVENT")}
    assert summaries == {"Vorige maand"}


@pytest.mark.django_db
@pytest.mark.parametrize("n", [1, 15])
def test_the_calendar_costs_one_query_whatever_the_number_of_events(client, django_assert_num_queries, n):
    for i in range(n):
        make_event(f"Bijeenkomst {i}", days=i + 1)
    with django_assert_num_queries(1):  # the published events
        parse(client.get(reverse("network:calendar")))
    with django_assert_num_queries(1):  # the event
        parse(client.get(reverse("network:event_ical", args=["bijeenkomst-0"])))


@pytest.mark.django_db
def test_an_empty_calendar_is_still_a_valid_file(client):
    calendar = parse(client.get(reverse("network:calendar")))
    assert calendar.walk("VEVENT") == [] and calendar["VERSION"] == "2.0"


def test_the_dst_fixture_really_straddles_the_change():
    # Guards the test above: if the dates moved, both meetings could fall on the same side.
    assert datetime(2037, 3, 26, 19, tzinfo=AMSTERDAM).utcoffset() != datetime(2037, 4, 2, 19,
                                                                               tzinfo=AMSTERDAM).utcoffset()
