from django.core.management.base import BaseCommand

from kennisbank.importer import export_markdown


class Command(BaseCommand):
    help = "Write every kennisbank article as Markdown with YAML front matter, one folder per section."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="folder to write to (created when missing)")

    def handle(self, directory, **options):
        count = export_markdown(directory)
        self.stdout.write(f"{count} articles written to {directory}")
