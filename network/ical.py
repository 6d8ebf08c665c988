"""iCalendar (RFC 5545) files for events, made with the `icalendar` library: one event, or the subscribable feed.

Times are written in Europe/Amsterdam with its VTIMEZONE, so a calendar shows 19:00 on both sides of a
daylight-saving change. The files are public (a calendar app has no login): they carry only what a visitor sees
of an event, never who registered, never a report's links, and the online link only where the page shows it to
everyone (an event without registration through OSPO-NL).
"""

from datetime import timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags

from ospo_nl.seo.structured_data import absolute_url

PRODID = "-//OSPO-NL//Bijeenkomsten//NL"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def local_time(moment):
    return timezone.localtime(moment, ZoneInfo(settings.TIME_ZONE))


def online_link_is_public(event):
    """Whether everyone may see the online link: only when registering goes elsewhere (a partner's event)."""
    return bool(event.online_url) and not event.registration_open


def vevent(event):
    url = absolute_url(event.get_absolute_url())
    component = icalendar.Event()
    component.add("uid", f"bijeenkomst-{event.pk}@{urlsplit(settings.SITE_URL).netloc}")
    component.add("dtstamp", event.updated_at)
    component.add("last-modified", event.updated_at)
    component.add("sequence", event.sequence)
    component.add("dtstart", local_time(event.starts_at))
    component.add("dtend", local_time(event.ends_at))
    component.add("summary", event.title)
    online = event.online_url if online_link_is_public(event) else ""
    component.add("location", event.location or online or "Online")
    description = [event.subject, strip_tags(event.agenda_html).strip(), f"{event.organiser}", url]
    component.add("description", "\n\n".join(part for part in description if part))
    component.add("url", url)
    component.add("status", "CONFIRMED")
    component.add("categories", [str(event.get_kind_display())])
    return component


def calendar_file(events, *, name):
    """The bytes of a VCALENDAR with `events` (published ones: the caller decides)."""
    events = list(events)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", str(name))
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    # Calendar apps poll a subscription; twice a day is plenty for a few meetings a year.
    calendar.add("refresh-interval", timedelta(hours=12), parameters={"VALUE": "DURATION"})
    for event in events:
        calendar.add_component(vevent(event))
    if events:
        # The time zone's rules over the span of these events only, not 1970-2038.
        first = min(local_time(e.starts_at) for e in events).date() - timedelta(days=366)
        last = max(local_time(e.ends_at) for e in events).date() + timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()
