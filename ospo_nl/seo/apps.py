from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeoConfig(AppConfig):
    """Findable by search engines: sitemaps, robots.txt, feeds, structured data, canonical links."""

    name = "ospo_nl.seo"
    label = "seo"
    verbose_name = _("Vindbaarheid")
