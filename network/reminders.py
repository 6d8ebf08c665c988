"""The reminder mail the day before an event, to everyone with a place (manage.py send_event_reminders).

Safe to run twice, also at the same moment: each registration's row is locked while its reminder is sent and
marked (`reminded_at`), and a marked one is skipped. A failing mail server leaves it unmarked for the next run.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ospo_nl.notifications.mail import absolute_url, send_personal_mail

from .ical import local_time
from .models import Event, Registration


def due_registrations(now):
    """Places at published events that start tomorrow (Europe/Amsterdam), not reminded yet."""
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    events = Event.objects.published().filter(starts_at__date=tomorrow)
    return (Registration.objects.filter(event__in=events, status=Registration.Status.CONFIRMED,
                                        reminded_at__isnull=True)
            .select_related("event", "user").order_by("event__starts_at", "pk"))


def send_reminders(*, now=None, dry_run=False):
    """{"due", "sent", "off", "failed", "done"} counts."""
    now = now or timezone.now()
    due = list(due_registrations(now))
    counts = {"due": len(due), "sent": 0, "off": 0, "failed": 0, "done": 0}
    if dry_run:
        return counts
    for registration in due:
        with transaction.atomic():
            locked = Registration.objects.select_for_update().filter(pk=registration.pk).first()
            if locked is None or locked.reminded_at is not None:
                counts["done"] += 1  # withdrawn meanwhile, or reminded by a run at the same moment
                continue
            event = registration.event
            outcome = send_personal_mail(registration.user, "event_reminder", {
                "event": event, "starts": local_time(event.starts_at), "ends": local_time(event.ends_at),
                "event_url": absolute_url(event.get_absolute_url()),
                "ical_url": absolute_url(event.get_absolute_url() + "agenda.ics"),
            })
            counts[outcome] += 1
            if outcome != "failed":
                Registration.objects.filter(pk=registration.pk).update(reminded_at=now)
    return counts
