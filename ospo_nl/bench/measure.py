"""Server time and SQL queries per page type, through the full middleware stack (django.test.Client)."""

import statistics
import time
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

from . import texts
from .seed import MEMBER_EMAIL


@dataclass
class PageResult:
    name: str
    role: str
    url: str
    status: int
    queries: int
    p50: float
    p95: float
    p99: float
    requests: int
    # The same page with the shared cache off: what a request costs right after content changed.
    uncached_queries: int | None = None
    uncached_p50: float | None = None
    uncached_p95: float | None = None

    def as_dict(self):
        return self.__dict__.copy()


class QueryLog:
    """The SQL a block runs, with milliseconds each (an execute wrapper: works whatever DEBUG is)."""

    def __init__(self):
        self.queries = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append((sql, params, (time.perf_counter() - started) * 1000))

    def __enter__(self):
        self._cm = connection.execute_wrapper(self)
        self._cm.__enter__()
        return self

    def __exit__(self, *exc):
        self._cm.__exit__(*exc)


def percentile(values, pct):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    k = (len(ordered) - 1) * pct / 100
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def page_urls():
    """{page type: url}, looked up in the seeded data (the objects the seed made for this purpose)."""
    Casus = apps.get_model("casussen", "Casus")
    Topic = apps.get_model("forum", "Topic")
    Article = apps.get_model("kennisbank", "Article")
    Organisation = apps.get_model("directory", "Organisation")
    casus = Casus.objects.get(pk=1)
    topic = Topic.objects.get(pk=1)
    article = Article.objects.published().select_related("section").order_by("pk").first()
    # The organisation with the most casussen, so its detail page has something in every section.
    organisation = Organisation.objects.published().order_by("pk").first()
    tag = apps.get_model("taggit", "Tag").objects.order_by("pk").first()
    return {
        "home": reverse("home"),
        "casus list": reverse("casussen:list"),
        "unanswered list": reverse("casussen:unanswered"),
        "casus detail (20 answers)": casus.get_absolute_url(),
        "tag page": reverse("casussen:by_tag", args=[tag.slug]),
        "search, common word": reverse("search") + f"?q={texts.COMMON_WORD}",
        "search, rare word": reverse("search") + f"?q={texts.RARE_WORD}",
        # Nothing has every word: the broadened search (vocabulary look-up for typos and compounds, coverage).
        "search, typo": reverse("search") + f"?q={texts.RARE_WORD_TYPO}",
        "forum topic (200 replies)": topic.get_absolute_url(),
        "article": article.get_absolute_url(),
        "organisation list, filtered": reverse("directory:organisation_list") + "?soort=gemeente&ospo=nee",
        "organisation detail": organisation.get_absolute_url(),
        "notifications": reverse("notifications:list"),
    }


HOST = "127.0.0.1"  # in every settings' ALLOWED_HOSTS the bench runs with


def member_client():
    client = Client(HTTP_HOST=HOST)
    client.force_login(get_user_model().objects.get(email=MEMBER_EMAIL))
    return client


def measure_page(client, name, role, url, *, requests, warmup=5):
    for _ in range(warmup):
        response = client.get(url)
    with QueryLog() as queries:
        response = client.get(url)
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    return PageResult(name, role, url, response.status_code, len(queries.queries), percentile(times, 50),
                      percentile(times, 95), percentile(times, 99), requests)


def measure_pages(*, requests=300, only=None, stdout=None):
    """Each page as served (visitors' pages and members' shared pages from the cache), then with the cache off."""
    urls = page_urls()
    clients = {"visitor": Client(HTTP_HOST=HOST), "member": member_client()}
    results = []
    for name, url in urls.items():
        if only and name not in only:
            continue
        for role, client in clients.items():
            if name == "notifications" and role == "visitor":
                continue  # members only: a visitor is sent to the login page
            result = measure_page(client, name, role, url, requests=requests)
            with override_settings(CONTENT_CACHE_SECONDS=0):
                uncached = measure_page(client, name, role, url, requests=max(10, requests // 10), warmup=1)
            result.uncached_queries, result.uncached_p50, result.uncached_p95 = (
                uncached.queries, uncached.p50, uncached.p95)
            results.append(result)
            if stdout:
                stdout.write(f"  {name:<30} {role:<8} {result.status} {result.queries:>3} queries  "
                             f"p50 {result.p50:6.1f}  p95 {result.p95:6.1f}  p99 {result.p99:6.1f} ms   uncached: "
                             f"{uncached.queries} queries, p50 {uncached.p50:6.1f}  p95 {uncached.p95:6.1f} ms")
    return results


CEILING_URL = "/bench/ceiling/"


def measure_ceiling(*, requests=300):
    """The bare view (a small template, no query) through the same stack: the in-process ceiling that the
    uncached pages are compared with in the same run."""
    with override_settings(CONTENT_CACHE_SECONDS=0):
        return measure_page(Client(HTTP_HOST=HOST), "ceiling (bare view)", "visitor", CEILING_URL,
                            requests=requests).as_dict()


def summary(results):
    return {"pages": len(results), "median_p95": statistics.median(r.p95 for r in results) if results else 0}
