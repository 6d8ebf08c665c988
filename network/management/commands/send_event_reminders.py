from django.core.management.base import BaseCommand

from network.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Mail everyone with a place at an event that starts tomorrow (run daily by the scheduler). Safe to run "
        "twice: each member is reminded once per event; a failing mail server leaves the reminder for the next run."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count the reminders due; send nothing.")

    def handle(self, *, dry_run, **options):
        counts = send_reminders(dry_run=dry_run)
        if dry_run:
            self.stdout.write(f"dry run: {counts['due']} reminders due")
            return
        self.stdout.write(
            f"event reminders: {counts['sent']} sent, {counts['off']} skipped (e-mail off), {counts['failed']} "
            f"failed (kept for the next run), {counts['done']} already sent"
        )
