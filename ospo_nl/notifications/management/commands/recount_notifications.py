from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from ospo_nl.core.profiles import profile_model
from ospo_nl.notifications.models import Notification


class Command(BaseCommand):
    help = "Rebuild each profile's unread-notification counter (the bell) from the notifications."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Report what would change; change nothing.")

    def handle(self, *args, dry_run=False, **options):
        actual = (
            Notification.objects.filter(recipient=OuterRef("user_id"), read_at__isnull=True)
            .values("recipient").annotate(n=Count("pk")).values("n")
        )
        wrong = profile_model().objects.annotate(actual=Coalesce(Subquery(actual), 0)).exclude(
            Q(unread_notifications=Coalesce(Subquery(actual), 0))
        )
        count = wrong.count()
        if not dry_run:
            with transaction.atomic():
                profile_model().objects.update(unread_notifications=Coalesce(Subquery(actual), 0))
        verb = "would fix" if dry_run else "fixed"
        self.stdout.write(f"{verb} {count} profile(s) with a wrong unread count")
