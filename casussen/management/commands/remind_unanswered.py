from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from casussen.models import Casus
from ospo_nl.notifications.models import Notification
from ospo_nl.notifications.verbs import notify


def unclaimed_casussen(days, now):
    """Casussen on the site (not deleted, not hidden) that nobody claimed for `days` days, oldest first."""
    return (
        Casus.objects.alive().filter(status=Casus.Status.NEW, claimed_by__isnull=True,
                                     created_at__lt=now - timedelta(days=days))
        .order_by("created_at")
    )


def already_reminded(casus_ids, since):
    """Casus ids whose reminder went out within the reminder period, so curators hear once per period."""
    return set(
        Notification.objects.filter(
            event=Notification.Event.REMINDER, content_type=ContentType.objects.get_for_model(Casus),
            object_id__in=list(casus_ids), created_at__gte=since,
        ).values_list("object_id", flat=True)
    )


class Command(BaseCommand):
    help = "Remind curators of casussen that nobody claimed for N days (default 3), at most once per N days per casus."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=3)
        parser.add_argument("--dry-run", action="store_true", help="Count the casussen; notify nobody.")

    def handle(self, *, days, dry_run, **options):
        now = timezone.now()
        since = now - timedelta(days=days)
        casussen = list(unclaimed_casussen(days, now))
        reminded = already_reminded([c.pk for c in casussen], since)
        due = [c for c in casussen if c.pk not in reminded]
        if dry_run:
            self.stdout.write(f"dry run: {len(due)} unclaimed casussen older than {days} days would be reminded")
            return
        curators = list(get_user_model().objects.filter(is_staff=True, is_active=True))
        sent = 0
        for casus in due:
            with transaction.atomic():
                # The casus row is the lock: a second run at the same moment waits here, then finds the
                # reminder the first one made and skips it.
                list(Casus.objects.select_for_update().filter(pk=casus.pk).values_list("pk", flat=True))
                if already_reminded([casus.pk], since):
                    continue
                # The event label ("onbeantwoorde casus") says why, in each curator's language.
                sent += len(notify(curators, event=Notification.Event.REMINDER, target=casus, title=str(casus),
                                   url=casus.get_absolute_url()))
        self.stdout.write(f"{len(due)} unclaimed casussen reminded ({sent} notifications to {len(curators)} curators)")
