from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# Each part adds its own demo content in `<app>/demo.py` with a `load(stdout)` function.
# Order matters: later parts refer to users and organisations made by earlier ones.
DEMO_MODULES = ["directory.demo", "kennisbank.demo", "casussen.demo", "forum.demo", "network.demo"]


class Command(BaseCommand):
    help = "Fill the site with demo content (idempotent: running it again changes nothing)."

    def handle(self, *args, **options):
        with transaction.atomic():
            for name in DEMO_MODULES:
                try:
                    module = import_module(name)
                except ModuleNotFoundError as exc:
                    if exc.name != name:
                        raise
                    continue
                module.load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
