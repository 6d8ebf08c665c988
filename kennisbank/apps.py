from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KennisbankConfig(AppConfig):
    name = "kennisbank"
    verbose_name = _("Kennisbank")

    def ready(self):
        # What the lower layers show of the kennisbank, registered here (docs/architecture.md).
        from kennisbank import account_data, feeds, home, search_index, sitemaps  # noqa: F401
        from ospo_nl.core import account_data as accounts
        from ospo_nl.core import content_cache
        from ospo_nl.seo import feeds as seo_feeds
        from ospo_nl.seo import sitemaps as seo_sitemaps

        seo_sitemaps.register(sitemaps.SITEMAPS)
        seo_feeds.register_tag_feed_part(feeds.LatestArticlesFeed)
        accounts.register(export=account_data.export)
        content_cache.register_app(self.label, ("kennisbank",))  # what a save of its rows changes
