"""Sitemap of casussen: public ones only (registered with ospo_nl.seo.sitemaps in CasussenConfig.ready)."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from .models import Casus


class CasusSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Casus.objects.visible_to(AnonymousUser()).order_by("pk").only("slug", "last_activity_at")

    def lastmod(self, obj):
        return obj.last_activity_at

    def get_latest_lastmod(self):
        # One aggregate for the sitemap index, instead of loading every casus.
        return self.items().aggregate(latest=Max("last_activity_at"))["latest"]


SITEMAPS = {"casussen": CasusSitemap}
