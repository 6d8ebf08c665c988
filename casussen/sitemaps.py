"""Sitemap of casussen: public ones only (registered with ospo_nl.seo.sitemaps in CasussenConfig.ready)."""

from django.contrib.auth.models import AnonymousUser

from ospo_nl.seo.sitemaps import StampedSitemap

from .models import Casus


class CasusSitemap(StampedSitemap):
    stamp = "last_activity_at"
    changefreq = "weekly"

    def items(self):
        return Casus.objects.visible_to(AnonymousUser()).order_by("pk").only("slug", "last_activity_at")


SITEMAPS = {"casussen": CasusSitemap}
