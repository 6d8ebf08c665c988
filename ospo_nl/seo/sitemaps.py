"""sitemap.xml: an index of one sitemap per part, with absolute URLs on SITE_URL (never the request's host).

Each part lists only published, public content in its own sitemaps.py and registers those sitemaps here
from its AppConfig.ready() (`register`); nothing here depends on who asks, so a curator's session gets the
same files as a search engine.

Every page exists in both languages (Dutch unprefixed, English under /en/, docs/i18n.md), so every sitemap lists
each item once per language, each with its hreflang alternates and x-default (the Dutch URL): `_open` switches
Django's i18n sitemaps on for every registered sitemap, so a part's sitemap class needs nothing for it.
"""

from collections.abc import Sequence
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Max, QuerySet
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_safe


class StampedSitemap(Sitemap):
    """A sitemap of model rows whose `stamp` field says when each last changed: that field is the row's lastmod,
    and the index reads its newest value in one aggregate instead of loading every row."""

    stamp = "updated_at"

    def lastmod(self, obj):
        return getattr(obj, self.stamp)

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max(self.stamp))["latest"]


class PageSitemap(Sitemap):
    """The fixed entry pages of the site."""

    changefreq = "daily"

    def items(self):
        return ["home", "casussen:list", "forum:home", "kennisbank:home", "network:event_list", "network:signal_list",
                "accessibility", "privacy"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {"paginas": PageSitemap}  # section name -> Sitemap class, in the order of the index


def register(sitemaps):
    """Add a part's sitemaps ({section name: Sitemap class}); a section name is taken once."""
    for name, sitemap_class in sitemaps.items():
        if SITEMAPS.setdefault(name, sitemap_class) is not sitemap_class:
            raise ValueError(f"Two sitemaps are called {name!r}")


class SiteUrl:
    """Stands in for a contrib.sites Site: the domain (and scheme) of SITE_URL."""

    def __init__(self):
        parts = urlsplit(settings.SITE_URL)
        self.domain, self.protocol = parts.netloc, parts.scheme


class PerLanguage(Sequence):
    """The (item, language) pairs of a sitemap, read a page at a time. Django's i18n sitemaps build the pairs for
    every row at once (`Sitemap._items`), which reads the whole table for each page of the sitemap; this counts
    the rows and slices them (a COUNT and one query per page), as a sitemap without languages does."""

    def __init__(self, items, languages):
        self.items, self.languages = items, list(languages)

    def __len__(self):
        rows = self.items.count() if isinstance(self.items, QuerySet) else len(self.items)
        return rows * len(self.languages)

    def __getitem__(self, index):
        per_item = len(self.languages)
        if not isinstance(index, slice):
            return (self.items[index // per_item], self.languages[index % per_item])
        # The paginator slices with both ends given; len() (a COUNT) only for an open end.
        start, stop = index.start or 0, index.stop if index.stop is not None else len(self)
        first, last = start // per_item, -(-stop // per_item)
        pairs = [(item, language) for item in self.items[first:last] for language in self.languages]
        return pairs[start - first * per_item:stop - first * per_item]


def _open(sitemap_class):
    sitemap = sitemap_class()
    sitemap.i18n = sitemap.alternates = sitemap.x_default = True
    # Every item exists in every language (docs/i18n.md), so the pairs can be read lazily, page by page.
    sitemap._items = lambda: PerLanguage(sitemap.items(), sitemap._languages())
    return sitemap


@x_robots_tag
@require_safe
def index(request):
    items = []
    for section, sitemap_class in SITEMAPS.items():
        sitemap = _open(sitemap_class)
        location = f"{settings.SITE_URL}{reverse('sitemap_section', args=[section])}"
        lastmod = sitemap.get_latest_lastmod()
        items.append(SitemapIndexItem(location, lastmod))
        items += [SitemapIndexItem(f"{location}?p={page}", lastmod) for page in sitemap.paginator.page_range[1:]]
    return TemplateResponse(request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml")


@x_robots_tag
@require_safe
def section(request, section):
    if section not in SITEMAPS:
        raise Http404
    try:
        site = SiteUrl()
        urls = _open(SITEMAPS[section]).get_urls(page=request.GET.get("p", 1), site=site, protocol=site.protocol)
    except (EmptyPage, PageNotAnInteger):
        raise Http404 from None
    return TemplateResponse(request, "sitemap.xml", {"urlset": urls}, content_type="application/xml")
