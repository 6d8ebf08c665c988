from django.core.management.base import BaseCommand

from ospo_nl.management.jobs import JOBS, run_job


class Command(BaseCommand):
    help = ("Run one periodic job now, under its advisory lock: skipped (and said so) when another scheduler "
            "or a manual run is running it. Jobs: " + ", ".join(f"{name} ({job.what})" for name, job in JOBS.items()))

    def add_arguments(self, parser):
        parser.add_argument("name", choices=sorted(JOBS))

    def handle(self, *, name, **options):
        outcome = run_job(name, stdout=self.stdout)
        self.stdout.write(f"job {name}: {outcome}")
