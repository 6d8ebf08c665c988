from django.core.management.base import BaseCommand

from ospo_nl.notifications.mail import retry_immediate, send_digests


class Command(BaseCommand):
    help = (
        "Send the daily or weekly notification digests (run by the scheduler). Safe to run twice: a user "
        "gets one digest per day or week. A failing mail server is logged and the notifications stay "
        "for the next run. --period immediate retries per-event mails that failed earlier."
    )

    def add_arguments(self, parser):
        parser.add_argument("--period", choices=["daily", "weekly", "immediate"], required=True)
        parser.add_argument("--dry-run", action="store_true", help="Count who would get a digest; send nothing.")

    def handle(self, *, period, dry_run, **options):
        if period == "immediate":
            if dry_run:
                self.stdout.write("dry run: retrying per-event mail sends nothing")
                return
            self.stdout.write(f"per-event mails retried and sent: {retry_immediate()}")
            return
        counts = send_digests(period, dry_run=dry_run)
        if dry_run:
            self.stdout.write(f"dry run: {counts['due']} users due a {period} digest")
            return
        self.stdout.write(
            f"{period} digests: {counts['sent']} sent, {counts['failed']} failed (kept for the next run), "
            f"{counts['done']} already sent this period, {counts['empty']} with nothing visible to send"
        )
