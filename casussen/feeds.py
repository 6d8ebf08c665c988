"""Atom feed of the newest casussen: public ones only, whoever asks (a feed reader has no login)."""

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ospo_nl.feeds import FEED_LENGTH, AtomFeed

from .models import Casus


class LatestCasussenFeed(AtomFeed):
    model = Casus
    title = _("OSPO-NL casussen")
    subtitle = _("Nieuwe casussen: vragen over open source uit de publieke sector.")

    def link(self):
        return reverse("casussen:list")

    def _public(self):
        return (
            Casus.objects.visible_to(AnonymousUser()).select_related("author__profile").prefetch_related("tags")
            .order_by("-created_at", "-id")
        )

    def items(self):
        return self._public()[:FEED_LENGTH]

    def items_with_tag(self, tag):
        return self._public().filter(tags=tag)[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.body_html

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.last_activity_at
