"""The network's part of a member's data download and account deletion (ospo_nl.core.account_data)."""

from .models import Registration, Signal
from .verbs import withdraw_all_registrations


def export(user):
    return {
        "event_registrations": [
            {"event": r.event.title, "url": r.event.get_absolute_url(), "status": r.status,
             "registered_at": r.created_at, "promoted_at": r.promoted_at}
            for r in Registration.objects.filter(user=user).select_related("event").order_by("pk")
        ],
        "signals": [
            {"title": s.title, "url": s.url, "source": s.source, "commentary": s.commentary, "kind": s.kind,
             "shared_at": s.created_at, "deleted": s.is_deleted}
            for s in Signal.objects.filter(shared_by=user).order_by("pk")
        ],
    }


def delete(user):
    """Their places at events to come go to the members waiting (the rows go by CASCADE); signals stay unsigned."""
    withdraw_all_registrations(user=user)
