"""Sitemaps of published events and live signals (registered with ospo_nl.seo.sitemaps in NetworkConfig.ready)."""

from ospo_nl.seo.sitemaps import StampedSitemap

from .models import Event, Signal


class EventSitemap(StampedSitemap):
    changefreq = "weekly"

    def items(self):
        return Event.objects.published().order_by("pk").only("slug", "updated_at")


class SignalSitemap(StampedSitemap):
    changefreq = "monthly"

    def items(self):
        return Signal.objects.alive().order_by("pk").only("slug", "updated_at")


SITEMAPS = {"bijeenkomsten": EventSitemap, "signalen": SignalSitemap}
