from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from ospo_nl.core.task_recovery import settle_queued_tasks
from ospo_nl.notifications.models import Notification


class Command(BaseCommand):
    help = (
        "Run once after restoring a backup, before the worker and the scheduler start: everything queued in the "
        "dump (READY or RUNNING tasks) is marked failed instead of run, and every notification not yet mailed "
        "in the dump is marked as settled, so nothing from before the dump is mailed a second time. The live "
        "site may have mailed them after the dump was taken; we cannot know, so at most once wins. Members "
        "still see those notifications on the site. Notifications made after the restore are mailed as usual."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count what would be settled; change nothing.")

    def handle(self, *, dry_run, **options):
        now = timezone.now()
        unmailed = Notification.objects.unmailed()
        queued = DBTaskResult.objects.filter(status__in=["READY", "RUNNING"])
        if dry_run:
            self.stdout.write(f"dry run: would settle {queued.count()} queued task(s) and "
                              f"{unmailed.count()} unmailed notification(s)")
            return
        with transaction.atomic():
            tasks = settle_queued_tasks(reason="Settled by settle_after_restore: queued before the dump.", now=now)
            notifications = unmailed.update(mail_claimed_at=now)
        self.stdout.write(f"settled {tasks} queued task(s) and {notifications} unmailed notification(s)")
