from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from directory.publiccode import PublicCodeError, import_initiative, parse_publiccode


class Command(BaseCommand):
    help = (
        "Import initiatives from local publiccode.yml files: name, description (Dutch, else English), URL, "
        "organisation and tags from categories. Importing again updates the initiative with the same repository "
        "URL. All files are checked first; if one is invalid, nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="publiccode.yml files")
        parser.add_argument("--publish", action="store_true", help="Publish the imported initiatives right away.")
        parser.add_argument("--dry-run", action="store_true", help="Check the files and report; write nothing.")

    def handle(self, *args, files, publish=False, dry_run=False, **options):
        entries, errors = [], []
        for path in files:
            try:
                entries.append(parse_publiccode(path))
            except PublicCodeError as exc:
                errors.append(f"{path}: {exc}")
        if errors:
            raise CommandError("Niets geïmporteerd. Ongeldige bestanden:\n" + "\n".join(errors))
        if dry_run:
            self.stdout.write(f"{len(entries)} files valid; nothing written (dry run).")
            return
        created = updated = 0
        with transaction.atomic():
            for entry in entries:
                _initiative, is_new = import_initiative(entry, publish=publish)
                created += is_new
                updated += not is_new
        self.stdout.write(f"{created} initiatives created, {updated} updated.")
