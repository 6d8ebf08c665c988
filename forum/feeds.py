"""Atom feed of the newest topics in a forum category (the forum is public; deleted topics never appear)."""

from django.contrib.auth.models import AnonymousUser
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from ospo_nl.seo.feeds import FEED_LENGTH, ThreadFeed

from .models import Category, Topic


class CategoryTopicsFeed(ThreadFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, category):
        return _("OSPO-NL forum: %(name)s") % {"name": category.name}

    def subtitle(self, category):
        return _("Nieuwe onderwerpen in de forumcategorie %(name)s.") % {"name": category.name}

    def link(self, category):
        return category.get_absolute_url()

    def items(self, category):
        return (
            Topic.objects.visible_to(AnonymousUser()).filter(category=category)
            .select_related("author__profile").prefetch_related("tags")
            .order_by("-created_at", "-pk")[:FEED_LENGTH]
        )
