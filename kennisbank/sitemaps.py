"""Sitemaps of the kennisbank: published articles and the sections (drafts never appear). A section's index
article is shown on the section's own page, at its URL: it is listed once, as the section.

Registered with ospo_nl.seo.sitemaps in KennisbankConfig.ready.
"""

from django.contrib.sitemaps import Sitemap

from ospo_nl.seo.sitemaps import StampedSitemap

from .models import Article, Section


class ArticleSitemap(StampedSitemap):
    stamp = "content_updated_at"
    changefreq = "monthly"

    def items(self):
        return (Article.objects.published().listed().filter(index_of__isnull=True)
                .select_related("section").order_by("pk"))


class SectionSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Section.objects.order_by("path")


SITEMAPS = {"kennisbank": ArticleSitemap, "kennisbank-secties": SectionSitemap}
