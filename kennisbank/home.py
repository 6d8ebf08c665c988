"""The kennisbank's part of the home page: the latest published articles (one query)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from ospo_nl.core.registries import home_sections

from .models import Article

COUNT = 5


@home_sections.register
def latest_articles(user):
    articles = Article.objects.published().select_related("section").order_by("-published_at", "-id")[:COUNT]
    return {
        "title": _("Nieuw in de kennisbank"),
        "url": reverse("kennisbank:home"),
        "items": [{"label": a.title, "url": a.get_absolute_url(), "date": a.published_at, "language": a.language}
                  for a in articles],
    }
