from django.core.management.base import BaseCommand

from directory.curator_group import GROUP_NAME, sync_curator_group


class Command(BaseCommand):
    help = (
        f"Create the '{GROUP_NAME}' group if missing and give it the model permissions of every content app "
        "(directory, casussen, forum, kennisbank, tags). Also runs automatically after every migrate."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count the permissions; change nothing.")

    def handle(self, *args, dry_run=False, **options):
        _group, count = sync_curator_group(dry_run=dry_run)
        verb = "would get" if dry_run else "has"
        self.stdout.write(f"Group '{GROUP_NAME}' {verb} {count} permissions.")
