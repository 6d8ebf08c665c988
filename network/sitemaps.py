"""Sitemaps of published events and live signals (registered with ospo_nl.seo.sitemaps in NetworkConfig.ready)."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from .models import Event, Signal


class EventSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Event.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, obj):
        return obj.updated_at

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class SignalSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Signal.objects.alive().order_by("pk").only("slug", "updated_at")

    def lastmod(self, obj):
        return obj.updated_at

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


SITEMAPS = {"bijeenkomsten": EventSitemap, "signalen": SignalSitemap}
