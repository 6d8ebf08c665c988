"""Server time of the bench's pages with the cache off, as right after a change (docs/performance.md).

Run with the bench's environment (the Makefile's BENCH_ENV) after `make bench` has seeded its database:
    .venv/bin/python scripts/profile_pages.py                 # every page type, as a visitor
    ROLE=member .venv/bin/python scripts/profile_pages.py "casus list" /bench/ceiling/
    PROFILE=1 SORT=tottime N=40 .venv/bin/python scripts/profile_pages.py "tag page"
    AFTER=casus:1 .venv/bin/python scripts/profile_pages.py "casus detail (20 answers)"
Prints the median of 15 requests, the queries and their SQL time; PROFILE=1 adds cProfile over 10 more.
AFTER=<scopes, comma-separated> keeps the cache on and moves those scopes before each request instead: the page
right after a write on it (casus:<pk> after a vote, casussen after a new casus), with what was kept of it.
"""

import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ospo_nl.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from ospo_nl.bench.measure import HOST, member_client, page_urls  # noqa: E402
from ospo_nl.core import content_cache  # noqa: E402


def main(names):
    urls = page_urls()
    role = os.environ.get("ROLE", "visitor")
    client = member_client() if role == "member" else Client(HTTP_HOST=HOST)
    after = [scope for scope in os.environ.get("AFTER", "").split(",") if scope]

    def get(url):
        if after:
            content_cache.changed(*after)
        return client.get(url)

    with override_settings(**({} if after else {"CONTENT_CACHE_SECONDS": 0})):
        for name in names or list(urls):
            url = urls.get(name, name)
            for _ in range(3):
                get(url)
            times = []
            for _ in range(15):
                started = time.perf_counter()
                response = get(url)
                times.append((time.perf_counter() - started) * 1000)
            with CaptureQueriesContext(connection) as queries:
                get(url)
            sql_ms = sum(float(query["time"]) for query in queries.captured_queries) * 1000
            print(f"{name:<32} {role:<7} {response.status_code} median {statistics.median(times):6.1f} ms  "
                  f"queries {len(queries)}  sql {sql_ms:.1f} ms")
            if os.environ.get("PROFILE"):
                profile = cProfile.Profile()
                profile.enable()
                for _ in range(10):
                    get(url)
                profile.disable()
                pstats.Stats(profile).sort_stats(os.environ.get("SORT", "cumulative")).print_stats(
                    int(os.environ.get("N", "40")))


if __name__ == "__main__":
    main(sys.argv[1:])
