"""schema.org Event for a published event's page (search engines show it with its date and place)."""

from django.utils.html import strip_tags

from ospo_nl.seo.structured_data import absolute_url, default_image, json_ld

from .ical import local_time, online_link_is_public


def _mode(event):
    if event.location and event.online_url:
        return "https://schema.org/MixedEventAttendanceMode"
    if event.online_url:
        return "https://schema.org/OnlineEventAttendanceMode"
    return "https://schema.org/OfflineEventAttendanceMode"


def event_json_ld(event, *, confirmed_count=None):
    """JSON-LD for `event`, or "" for a draft (only curators see it, and structured data is for everyone)."""
    if not event.is_published:
        return ""
    locations = []
    if event.location:
        locations.append({"@type": "Place", "name": event.location, "address": event.location})
    if event.online_url:
        # The link itself only where everyone sees it; otherwise the event page, where attendees find it.
        link = event.online_url if online_link_is_public(event) else absolute_url(event.get_absolute_url())
        locations.append({"@type": "VirtualLocation", "url": link})
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": strip_tags(event.agenda_html).strip() or event.subject,
        "about": event.subject,
        "startDate": local_time(event.starts_at).isoformat(),
        "endDate": local_time(event.ends_at).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": _mode(event),
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": {"@type": "Organization", "name": event.organiser},
        "url": absolute_url(event.get_absolute_url()),
        "image": [default_image()],
        "isAccessibleForFree": True,
        "inLanguage": "nl",  # an event has no language of its own (yet): the network meets in Dutch
    }
    if event.capacity:
        data["maximumAttendeeCapacity"] = event.capacity
        if confirmed_count is not None:
            data["remainingAttendeeCapacity"] = max(0, event.capacity - confirmed_count)
    return json_ld(data)
