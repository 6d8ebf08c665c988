from datetime import timedelta

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from ospo_nl.models import Notification
from ospo_nl.notifications import notify


def unclaimed_casussen(days, now):
    """Casussen nobody claimed for `days` days, or None when the casussen app has no Casus model."""
    try:
        casus = apps.get_model("casussen", "Casus")
    except LookupError:
        return None
    return (
        casus.objects.filter(deleted_at__isnull=True, status="new", claimed_by__isnull=True,
                             created_at__lt=now - timedelta(days=days))
        .order_by("created_at")
    )


def already_reminded(casussen, since):
    """Casus ids whose reminder went out within the reminder period, so curators hear once per period."""
    if not casussen:
        return set()
    from django.contrib.contenttypes.models import ContentType

    return set(
        Notification.objects.filter(
            event=Notification.Event.REMINDER, content_type=ContentType.objects.get_for_model(casussen[0]),
            object_id__in=[c.pk for c in casussen], created_at__gte=since,
        ).values_list("object_id", flat=True)
    )


class Command(BaseCommand):
    help = (
        "Remind curators of casussen that nobody claimed for N days (default 3), at most once per N days "
        "per casus. Does nothing when the casussen app is not installed yet."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=3)
        parser.add_argument("--dry-run", action="store_true", help="Count the casussen; notify nobody.")

    def handle(self, *, days, dry_run, **options):
        now = timezone.now()
        queryset = unclaimed_casussen(days, now)
        if queryset is None:
            self.stdout.write("casussen app has no Casus model: nothing to remind")
            return
        casussen = list(queryset)
        reminded = already_reminded(casussen, now - timedelta(days=days))
        due = [c for c in casussen if c.pk not in reminded]
        if dry_run:
            self.stdout.write(f"dry run: {len(due)} unclaimed casussen older than {days} days would be reminded")
            return
        curators = list(get_user_model().objects.filter(is_staff=True, is_active=True))
        sent = 0
        for casus in due:
            # The event label ("onbeantwoorde casus") says why, in each curator's language.
            with transaction.atomic():
                sent += len(notify(curators, event=Notification.Event.REMINDER, target=casus, title=str(casus),
                                   url=casus.get_absolute_url()))
        self.stdout.write(f"{len(due)} unclaimed casussen reminded ({sent} notifications to {len(curators)} curators)")
