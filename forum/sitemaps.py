"""Sitemaps of the forum: categories and topics (deleted topics never appear). Collected by ospo_nl.seo.sitemaps."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q

from .models import Category, Topic


class CategorySitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        alive = Q(topics__deleted_at__isnull=True)
        return Category.objects.annotate(last_topic_at=Max("topics__last_activity_at", filter=alive)).order_by("pk")

    def lastmod(self, category):
        return category.last_topic_at

    def get_latest_lastmod(self):
        return Topic.objects.alive().aggregate(latest=Max("last_activity_at"))["latest"]


class TopicSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Topic.objects.alive().only("pk", "slug", "last_activity_at").order_by("pk")

    def lastmod(self, topic):
        return topic.last_activity_at

    def get_latest_lastmod(self):
        return Topic.objects.alive().aggregate(latest=Max("last_activity_at"))["latest"]


SITEMAPS = {"forum": CategorySitemap, "forum-onderwerpen": TopicSitemap}
