"""Atom feeds of events and signals: what a visitor may see, whoever asks (a feed reader has no login)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ospo_nl.core.templatetags.ospo import member_name
from ospo_nl.seo.feeds import FEED_LENGTH, AtomFeed

from .models import Event, Signal


class UpcomingEventsFeed(AtomFeed):
    title = _("OSPO-NL bijeenkomsten")
    subtitle = _("Bijeenkomsten van het kennisnetwerk en evenementen van partners.")

    def link(self):
        return reverse("network:event_list")

    def items(self):
        # Newest planned first, so a reader shows a new meeting on top; past ones stay for their reports.
        return Event.objects.published().order_by("-created_at", "-pk")[:FEED_LENGTH]

    def item_title(self, item):
        when = timezone.localtime(item.starts_at).strftime("%d-%m-%Y %H:%M")
        return f"{item.title} ({when})"

    def item_description(self, item):
        return item.agenda_html or item.subject

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.organiser

    def item_categories(self, item):
        return [str(item.get_kind_display())]


class LatestSignalsFeed(AtomFeed):
    model = Signal
    title = _("OSPO-NL signalen")
    subtitle = _("Rapporten, nieuws, trends en ontwikkelingen die het kennisnetwerk opmerkte.")

    def link(self):
        return reverse("network:signal_list")

    def _alive(self):
        return Signal.objects.alive().for_list()

    def items(self):
        return self._alive()[:FEED_LENGTH]

    def items_with_tag(self, tag):
        return self._alive().filter(tags=tag)[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.commentary_html

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return str(member_name(item.shared_by))
