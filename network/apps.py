from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Kennisnetwerk: bijeenkomsten en signalen")

    def ready(self):
        # What the lower layers show of the network's rhythm, registered here (docs/architecture.md).
        from network import account_data, digest, feeds, home, search_index, sitemaps  # noqa: F401
        from ospo_nl.core import account_data as accounts
        from ospo_nl.core import content_cache
        from ospo_nl.notifications import mail
        from ospo_nl.seo import feeds as seo_feeds
        from ospo_nl.seo import sitemaps as seo_sitemaps

        seo_sitemaps.register(sitemaps.SITEMAPS)
        seo_feeds.register_tag_feed_part(feeds.LatestSignalsFeed)
        accounts.register(export=account_data.export, delete=account_data.delete)
        mail.register_digest_part(items=digest.signal_items, any_new=digest.any_new_signals)
        content_cache.register_app(self.label, ("network",))  # what a save of its rows changes
