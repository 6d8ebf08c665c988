import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client

from ospo_nl.bench import load, measure, mixed, report
from ospo_nl.bench.seed import MEMBER_EMAIL, NotABenchDatabase, check_bench_database, stored_meta

LOAD_PAGES = ("casus detail (20 answers)", "casus list", "search, common word")


class Command(BaseCommand):
    help = (
        "Measure the seeded bench database (run bench_seed first; `make bench` does both): SQL queries and "
        "server time p50/p95/p99 per page type as visitor and member, then throughput under load with gunicorn "
        "and wrk against a bare-view ceiling. Writes docs/performance.md and docs/performance.json."
    )

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=300, help="requests per page type and role")
        parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per load row")
        parser.add_argument("--skip-load", action="store_true", help="only the per-page measurements")
        parser.add_argument("--skip-pages", action="store_true", help="only the load test")
        parser.add_argument("--only", action="append", help="page type(s) to measure (default: all)")
        parser.add_argument("--no-write", action="store_true", help="print, do not write docs/")
        parser.add_argument("--output", default=str(settings.BASE_DIR / "docs" / "performance.md"))

    def handle(self, *args, requests, duration, skip_load, skip_pages, only, no_write, output, **options):
        try:
            check_bench_database()
        except NotABenchDatabase as error:
            raise CommandError(str(error)) from error
        meta = stored_meta()
        if not meta:
            raise CommandError("The bench database holds no complete data set: run manage.py bench_seed first.")
        if settings.DEBUG:
            self.stderr.write("Warning: DEBUG is on; numbers will not be like production (make bench turns it off).")
        # The bench's own Redis database (make bench: db 14) is shared by the bench databases of every scale, and
        # by earlier code: nothing cached from another data set or another version of a value may be served here.
        cache.clear()
        if connection.vendor == "postgresql":
            # As autovacuum keeps a live database: statistics of what migrations and earlier runs wrote, and the
            # visibility map that lets index-only scans skip the table (seconds once the seed was vacuumed).
            with connection.cursor() as cursor:
                cursor.execute("VACUUM (ANALYZE)")
        scale = float(meta["scale"])
        run = {"when": report.now(), "machine": report.machine_facts(),
               "meta": {k: v for k, v in meta.items() if k.startswith("count_")},
               "seed": {"seconds": float(meta.get("seconds", 0)), "timings": json.loads(meta.get("timings", "[]"))}}
        if not skip_pages:
            self.stdout.write(f"Pages at scale {scale:g} ({requests} requests each):")
            run["pages"] = [r.as_dict() for r in measure.measure_pages(requests=requests, only=only,
                                                                        stdout=self.stdout)]
            run["ceiling"] = measure.measure_ceiling(requests=requests)
            self.stdout.write(f"  ceiling (bare view), uncached: p50 {run['ceiling']['p50']:.2f} ms")
            bad = [r for r in run["pages"] if r["status"] != 200]
            if bad:
                raise CommandError(f"pages did not answer 200: {[(r['name'], r['role'], r['status']) for r in bad]}")
        if not skip_load:
            self.stdout.write(f"Load ({duration} s per row):")
            urls = measure.page_urls()
            client = Client(HTTP_HOST=measure.HOST)
            client.force_login(get_user_model().objects.get(email=MEMBER_EMAIL))
            client.get(urls["casus detail (20 answers)"])  # as a browser would: it now has its CSRF cookie too
            cookie = "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())
            targets = [(name.split(" (")[0].split(",")[0], urls[name]) for name in LOAD_PAGES]
            run["load"] = [r.as_dict() for r in load.run_load(targets, cookie=cookie, duration=duration,
                                                             stdout=self.stdout)]
            run["load_duration"] = duration
            self.stdout.write(f"Mixed load ({duration} s per phase):")
            roles, writes = mixed.run_mixed(cookie=cookie, duration=duration, stdout=self.stdout)
            latencies = sorted(writes.latencies) or [0]
            run["mixed"] = {"duration": duration, "rounds": mixed.PHASES.count("mixed"),
                            "roles": [r.as_dict() for r in roles], "writes": {
                "done": writes.done, "failed": writes.failed, "reasons": writes.reasons,
                "p50": latencies[len(latencies) // 2], "p95": latencies[int(len(latencies) * 0.95)]}}
        if no_write:
            return
        json_path = Path(output).with_suffix(".json")
        # A partial run (--skip-load, --only) keeps the other numbers of the last run at this scale.
        kept = json.loads(json_path.read_text()).get(f"{scale:g}", {}) if json_path.exists() else {}
        for key in ("pages", "ceiling", "load", "load_duration", "mixed"):
            if key not in run and kept.get(key) is not None:
                run[key] = kept[key]
        all_runs = report.save_results(json_path, scale, run)
        # The document shows the largest scale measured; smaller ones add their query counts to it.
        report.write_markdown(output, report.render(all_runs, max(float(k) for k in all_runs)))
        self.stdout.write(self.style.SUCCESS(f"Wrote {output} and {json_path}"))

