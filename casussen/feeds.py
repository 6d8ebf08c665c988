"""Atom feed of the newest casussen: public ones only, whoever asks (a feed reader has no login)."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import Casus


class LatestCasussenFeed(Feed):
    feed_type = Atom1Feed
    title = _("OSPO-NL casussen")
    subtitle = _("Nieuwe casussen: vragen over open source uit de publieke sector.")

    def link(self):
        return reverse("casussen:list")

    def items(self):
        return Casus.objects.visible_to(AnonymousUser()).order_by("-created_at", "-id")[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.body_html

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.last_activity_at
