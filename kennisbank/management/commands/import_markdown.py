from django.core.management.base import BaseCommand, CommandError

from kennisbank.importer import ImportFileError, import_markdown


class Command(BaseCommand):
    help = (
        "Import a folder of Markdown (MkDocs, Docusaurus, Jekyll, .mdx) into the kennisbank. "
        "Re-running updates changed articles and leaves the others alone; all in one transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="folder with the Markdown pages (or an MkDocs project with docs/)")
        parser.add_argument("--section", help="slug of the section the folder's root goes into (default: algemeen)")
        parser.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")

    def handle(self, directory, section=None, dry_run=False, **options):
        try:
            report = import_markdown(directory, section=section, dry_run=dry_run)
        except ImportFileError as exc:
            raise CommandError(str(exc)) from exc
        for line in report.lines():
            self.stdout.write(line)
