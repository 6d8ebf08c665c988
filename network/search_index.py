"""What the site search finds of the network's rhythm: published events and live signals, for everyone."""

from ospo_nl.search.index import Audience, Kind, plain_text, register

from .models import Event, Signal


def event_entry(event):
    if not event.is_published:
        return None
    return dict(
        title=event.title,
        # The report's links are left out: they may name casussen that not everyone may find.
        body=plain_text(event.subject, event.location, event.organiser, event.agenda_html, event.report_html),
        url=event.get_absolute_url(),
        date=event.starts_at,
        audience=Audience.PUBLIC,
    )


def signal_entry(signal):
    if signal.is_deleted:
        return None
    return dict(
        title=signal.title,
        body=plain_text(signal.source, signal.commentary_html),
        url=signal.get_absolute_url(),
        date=signal.created_at,
        audience=Audience.PUBLIC,
        tags=signal.tags.all(),
    )


register(Event, kind=Kind.EVENT, entry=event_entry)
register(Signal, kind=Kind.SIGNAL, entry=signal_entry, queryset=lambda: Signal.objects.prefetch_related("tags"))
