"""Atom feed of the newest published articles (drafts never appear, whoever asks)."""

from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ospo_nl.core.templatetags.ospo import member_name
from ospo_nl.seo.feeds import FEED_LENGTH, AtomFeed

from .models import Article


class LatestArticlesFeed(AtomFeed):
    model = Article
    title = _("OSPO-NL kennisbank")
    subtitle = _("Nieuwe artikelen in de kennisbank van OSPO-NL.")

    def link(self):
        return reverse("kennisbank:home")

    def _published(self):
        authors = get_user_model().objects.select_related("profile").order_by("pk")
        return (
            Article.objects.published().listed().select_related("section")
            .prefetch_related("tags", Prefetch("authors", queryset=authors))
            .order_by("-published_at", "-id")
        )

    def items(self):
        return self._published()[:FEED_LENGTH]

    def items_with_tag(self, tag):
        return self._published().filter(tags=tag)[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.body_html

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.content_updated_at, item.published_at)

    def item_author_name(self, item):
        names = [str(member_name(user)) for user in item.authors.all()] + item.author_name_list
        return ", ".join(names) or None
