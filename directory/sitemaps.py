"""Sitemaps of the directory: published entries only (staff status plays no part in a sitemap).

The project's sitemap.xml (ospo_nl) can include them: {"organisaties": OrganisationSitemap, ...}.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from .models import Initiative, Organisation, Profile


class OrganisationSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Organisation.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at

    def get_latest_lastmod(self):
        # One aggregate for the sitemap index, instead of loading every entry.
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class InitiativeSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Initiative.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at

    def get_latest_lastmod(self):
        # One aggregate for the sitemap index, instead of loading every entry.
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class ExpertSitemap(Sitemap):
    """Public expert profiles: those with a page (directory.permissions.check_view_expert)."""

    changefreq = "monthly"

    def items(self):
        return Profile.objects.public_experts().only("pk", "updated_at").order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class DirectoryListSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return ["directory:organisation_list", "directory:initiative_list", "directory:expert_list"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "organisaties": OrganisationSitemap,
    "initiatieven": InitiativeSitemap,
    "experts": ExpertSitemap,
    "gids": DirectoryListSitemap,
}
