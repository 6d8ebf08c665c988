"""The forum's "what is new" section on the home page: one query."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ospo_nl.core.registries import home_sections

from .models import Topic


@home_sections.register
def latest_topics(user):
    return {
        "title": _("Nieuw op het forum"),
        "url": reverse("forum:home"),
        "items": [
            {"label": topic.title, "url": topic.get_absolute_url(), "date": topic.last_activity_at,
             "language": topic.language}
            for topic in Topic.objects.latest_for_home(user)
        ],
    }
