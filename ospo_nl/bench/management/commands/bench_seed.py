import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from ospo_nl.bench.database import ensure_bench_database
from ospo_nl.bench.seed import NotABenchDatabase, counts_for, seed, stored_meta


class Command(BaseCommand):
    help = (
        "Fill the benchmark database (DATABASE_URL must name a PostgreSQL database ending in _bench; it is "
        "created when missing) with a deterministic data set: at --scale 1, 5,000 users, 100,000 casussen with "
        "300,000 answers, 20,000 forum topics with 200,000 replies, 5,000 articles. Prints the time per table."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="1 = national size; 0.01-0.1 to develop")
        parser.add_argument("--seed", type=int, default=2026, help="random seed (same seed, same data)")
        parser.add_argument("--if-needed", action="store_true",
                            help="do nothing when the database already holds this scale and seed")
        parser.add_argument("--dry-run", action="store_true", help="print the row counts only")

    def handle(self, *args, scale, seed: int, if_needed, dry_run, **options):
        if scale <= 0 or scale > 10:
            raise CommandError("--scale must be between 0 and 10")
        counts = counts_for(scale)
        self.stdout.write(f"Scale {scale:g}: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
        if dry_run:
            return
        try:
            ensure_bench_database(self.stdout)
        except NotABenchDatabase as error:
            raise CommandError(str(error)) from error
        meta = stored_meta()
        if if_needed and meta.get("scale") == str(scale) and meta.get("seed") == str(seed):
            self.stdout.write(f"The bench database already holds scale {scale:g} (seeded {meta.get('completed_at')}).")
            return
        started = time.perf_counter()
        seed_fn = seed_data(scale, seed, self.stdout)
        # What autovacuum does soon after a bulk load: the visibility map that index-only scans need (the casus
        # list's filter counts). Outside the seed's transaction, as VACUUM requires.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        total = time.perf_counter() - started
        rows = sum(n for what, n, _s in seed_fn.rows if not what.startswith("("))
        self.stdout.write(self.style.SUCCESS(f"Seeded {rows:,} rows at scale {scale:g} in {total:.1f} s"))


def seed_data(scale, seed_value, stdout):
    return seed(scale=scale, seed=seed_value, stdout=stdout)
