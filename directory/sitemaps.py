"""Sitemaps of the directory: published entries only (staff status plays no part in a sitemap).

The project's sitemap.xml (ospo_nl) can include them: {"organisaties": OrganisationSitemap, ...}.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from ospo_nl.seo.sitemaps import StampedSitemap

from .models import Initiative, Organisation, Profile


class OrganisationSitemap(StampedSitemap):
    changefreq = "monthly"

    def items(self):
        return Organisation.objects.published().only("slug", "updated_at").order_by("pk")


class InitiativeSitemap(StampedSitemap):
    changefreq = "monthly"

    def items(self):
        return Initiative.objects.published().only("slug", "updated_at").order_by("pk")


class ExpertSitemap(StampedSitemap):
    """Public expert profiles: those with a page (directory.permissions.check_view_expert)."""

    changefreq = "monthly"

    def items(self):
        return Profile.objects.public_experts().only("slug", "updated_at").order_by("pk")


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
