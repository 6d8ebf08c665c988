"""Atom feed of the newest casussen: public ones only, whoever asks (a feed reader has no login)."""

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ospo_nl.seo.feeds import FEED_LENGTH, ThreadFeed

from .models import Casus


class LatestCasussenFeed(ThreadFeed):
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
