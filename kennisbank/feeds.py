"""Atom feed of the newest published articles (drafts never appear, whoever asks)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import Article


class LatestArticlesFeed(Feed):
    feed_type = Atom1Feed
    title = _("OSPO-NL kennisbank")
    subtitle = _("Nieuwe artikelen in de kennisbank van OSPO-NL.")

    def link(self):
        return reverse("kennisbank:home")

    def items(self):
        return Article.objects.published().select_related("section").order_by("-published_at", "-id")[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.body_html

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.content_updated_at

    def item_author_name(self, item):
        return item.author_names or None
