from django.core.management.base import BaseCommand

from ospo_nl.search.index import rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the site search index from every registered model (casussen, answers, forum, "
        "kennisbank, directory). Run after a migration or an import that bypassed saves."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count what would be indexed; change nothing.")

    def handle(self, *args, dry_run=False, **options):
        counts = rebuild(dry_run=dry_run)
        verb = "would index" if dry_run else "indexed"
        for kind, (indexed, skipped) in counts.items():
            self.stdout.write(f"{kind}: {verb} {indexed}, skipped {skipped} (not findable)")
        total = sum(indexed for indexed, _skipped in counts.values())
        self.stdout.write(self.style.SUCCESS(f"{'Dry run: ' if dry_run else ''}{total} entries {verb}."))
