from django.core.management.base import BaseCommand, CommandError

from kennisbank.importer import ImportFileError, Limits, import_markdown
from kennisbank.importer.files import MB


class Command(BaseCommand):
    help = (
        "Import a documentation site's folder (Docusaurus, MkDocs, Jekyll, or plain Markdown) into the kennisbank. "
        "All or nothing: anything refused stops the import (exit code 1) unless --skip-errors, which imports the "
        "rest and still exits with 1. A re-run updates changed articles, reports conflicts with edits made on the "
        "site, and unpublishes articles whose file is gone."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="the site's folder (its root, or a folder of Markdown pages)")
        parser.add_argument("--source", help="name of the import source (default: found by folder, else its name)")
        parser.add_argument("--section", help="slug of the section the folder's root goes into")
        parser.add_argument("--licence", help="licence of the folder's pages (SPDX id, e.g. CC-BY-4.0, EUPL-1.2)")
        parser.add_argument("--attribution", help="who to credit besides the authors, e.g. 'OSPO-NL community'")
        parser.add_argument("--language", choices=["nl", "en"], help="language of every page (default: detected)")
        parser.add_argument("--exclude", action="append", default=[], help="a path to leave out (repeatable)")
        parser.add_argument("--skip-errors", action="store_true", help="import what can be imported; still exit 1")
        parser.add_argument("--max-file-mb", type=float, default=Limits.page_bytes / MB,
                            help="largest Markdown page in MB (default %(default)s)")
        parser.add_argument("--max-import-mb", type=float, default=Limits.import_bytes / MB,
                            help="largest import in MB, all files read (default %(default)s)")
        parser.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")

    def handle(self, directory, **options):
        limits = Limits(page_bytes=int(options["max_file_mb"] * MB), import_bytes=int(options["max_import_mb"] * MB))
        try:
            report = import_markdown(
                directory, source=options["source"], section=options["section"], licence=options["licence"],
                attribution=options["attribution"], language=options["language"], exclude=options["exclude"],
                skip_errors=options["skip_errors"], dry_run=options["dry_run"], limits=limits,
            )
        except ImportFileError as exc:
            raise CommandError(str(exc)) from exc
        for line in report.lines():
            self.stdout.write(line)
        if report.refused:
            raise CommandError(f"{len(report.refused)} refused" + ("" if report.skip_errors else "; nothing imported"))
