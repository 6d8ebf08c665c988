"""Sitemap of casussen: public ones only. The project's sitemap.xml can include {**casussen.sitemaps.SITEMAPS}."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap

from .models import Casus


class CasusSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Casus.objects.visible_to(AnonymousUser()).order_by("pk").only("slug", "last_activity_at")

    def lastmod(self, obj):
        return obj.last_activity_at


SITEMAPS = {"casussen": CasusSitemap}
