"""The network's part of the daily and weekly digest (ospo_nl.notifications.mail.register_digest_part):
the signals shared in the period. Signals are public, so every recipient gets the same list."""

from django.utils.translation import gettext as _

from ospo_nl.notifications.mail import absolute_url

from .models import Signal

DIGEST_SIGNALS = 10


def _shared(since, until):
    return Signal.objects.alive().filter(created_at__gte=since, created_at__lt=until)


def signal_items(user, *, since, until):
    rows = _shared(since, until).order_by("-created_at", "-pk").only("title", "slug", "source")[:DIGEST_SIGNALS]
    return {
        "title": _("Nieuwe signalen uit het netwerk"),
        "items": [{"label": f"{s.title} ({s.source})", "url": absolute_url(s.get_absolute_url())} for s in rows],
    }


def any_new_signals(*, since, until):
    return _shared(since, until).exists()
