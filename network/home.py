from django.urls import reverse
from django.utils.translation import gettext as _

from ospo_nl.core.registries import home_sections

from .models import Event, Signal


@home_sections.register
def upcoming_events(user):
    """The next published events (drafts never: the home page is the same for every curator and visitor); one query."""
    rows = Event.objects.published().upcoming().only("title", "slug", "starts_at")[:3]
    return {
        "title": _("Komende bijeenkomsten"),
        "url": reverse("network:event_list"),
        "items": [{"label": e.title, "url": e.get_absolute_url(), "date": e.starts_at} for e in rows],
    }


@home_sections.register
def latest_signals(user):
    """The newest signals; one query."""
    rows = Signal.objects.alive().order_by("-created_at", "-pk").only("title", "slug", "created_at")[:5]
    return {
        "title": _("Signalen"),
        "url": reverse("network:signal_list"),
        "items": [{"label": s.title, "url": s.get_absolute_url(), "date": s.created_at} for s in rows],
    }
