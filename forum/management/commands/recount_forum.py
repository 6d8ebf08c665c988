from django.core.management.base import BaseCommand

from forum.counters import recount_topics


class Command(BaseCommand):
    help = "Rebuild the forum topics' reply count, last reply and last activity from their replies."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only report what is wrong; change nothing.")

    def handle(self, *args, dry_run=False, **options):
        checked, wrong = recount_topics(dry_run=dry_run)
        verb = "would fix" if dry_run else "fixed"
        self.stdout.write(f"{checked} topics checked, {wrong} {verb}.")
