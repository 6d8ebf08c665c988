from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """One search index over every part; each feature app registers its adapters in its own ready()."""

    name = "ospo_nl.search"
    label = "search"
    verbose_name = _("Zoeken")

    def ready(self):
        from ospo_nl.core import content_cache
        from ospo_nl.search import index

        index.connect_signals()
        content_cache.register_app(self.label, ("search",))  # the index, its words and synonyms
