"""Sitemaps of the kennisbank: published articles and the sections (drafts never appear). A section's index
article is shown on the section's own page, at its URL: it is listed once, as the section.

Registered with ospo_nl.seo.sitemaps in KennisbankConfig.ready.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from .models import Article, Section


class ArticleSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return (Article.objects.published().listed().filter(index_of__isnull=True)
                .select_related("section").order_by("pk"))

    def lastmod(self, obj):
        return obj.content_updated_at

    def get_latest_lastmod(self):
        # One aggregate for the sitemap index, instead of loading every article.
        return self.items().aggregate(latest=Max("content_updated_at"))["latest"]


class SectionSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Section.objects.order_by("path")


SITEMAPS = {"kennisbank": ArticleSitemap, "kennisbank-secties": SectionSitemap}
