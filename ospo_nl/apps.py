from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OspoNlConfig(AppConfig):
    name = "ospo_nl"
    verbose_name = _("Platform")

    def ready(self):
        # Site search: import each installed app's `search_index` adapters and keep the index current.
        from . import content_cache, search

        search.autodiscover()
        content_cache.connect_signals()
