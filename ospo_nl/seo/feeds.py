"""Atom feeds: the shared base, and the per-tag feed over casussen and articles.

A feed reader has no login, so every feed shows what a visitor may see, whoever asks. All links are
absolute on SITE_URL (not the request's host). Each part's feeds are in its own feeds.py; a part whose
feed also belongs in the per-tag feed registers it from its AppConfig.ready() (`register_tag_feed_part`).
"""

from functools import cached_property

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from ospo_nl.core.templatetags.ospo import member_name
from ospo_nl.seo.structured_data import absolute_url

FEED_LENGTH = 20
# Feed classes with `items_with_tag(tag)` and a `model`, merged into the per-tag feed.
TAG_FEED_PARTS = []


def register_tag_feed_part(feed_class):
    if feed_class not in TAG_FEED_PARTS:
        TAG_FEED_PARTS.append(feed_class)
    return feed_class


class AtomFeed(Feed):
    feed_type = Atom1Feed
    # Atom wants an author per entry or for the feed: the feed's covers entries without one.
    author_name = "OSPO-NL"

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        link = absolute_url(self._get_dynamic_attr("link", obj))
        feed.feed.update(link=link, id=link, feed_url=absolute_url(request.path))
        return feed

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def item_author_name(self, item):
        return str(member_name(item.author))

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class ThreadFeed(AtomFeed):
    """Entries that are threads members start (casussen, forum topics): title, text, started, last activity."""

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.body_html

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.last_activity_at


class TagFeed(AtomFeed):
    """New public casussen and published articles with one tag, newest first."""

    def get_object(self, request, slug):
        tag = get_object_or_404(Tag, slug=slug)
        # A tag only private content uses is not confirmed by its feed: the same 404 as a made-up tag.
        if not any(part.items_with_tag(tag).exists() for part in self._parts):
            raise Http404
        return tag

    def title(self, tag):
        return _("OSPO-NL over “%(tag)s”") % {"tag": tag.name}

    def subtitle(self, tag):
        return _("Nieuwe casussen en kennisbankartikelen met de tag “%(tag)s”.") % {"tag": tag.name}

    def link(self, tag):
        return reverse("casussen:by_tag", args=[tag.slug])

    @cached_property
    def _parts(self):
        return [part() for part in TAG_FEED_PARTS]

    def items(self, tag):
        entries = [item for part in self._parts for item in part.items_with_tag(tag)]
        return sorted(entries, key=self._part_of_pubdate, reverse=True)[:FEED_LENGTH]

    def _part_of(self, item):
        return next(part for part in self._parts if isinstance(item, part.model))

    def _part_of_pubdate(self, item):
        return self._part_of(item).item_pubdate(item)

    def item_title(self, item):
        return self._part_of(item).item_title(item)

    def item_description(self, item):
        return self._part_of(item).item_description(item)

    def item_pubdate(self, item):
        return self._part_of(item).item_pubdate(item)

    def item_updateddate(self, item):
        return self._part_of(item).item_updateddate(item)

    def item_author_name(self, item):
        return self._part_of(item).item_author_name(item)
