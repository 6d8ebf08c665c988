from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasussenConfig(AppConfig):
    name = "casussen"
    verbose_name = _("Casussen")

    def ready(self):
        # What the lower layers show of casussen, registered here (docs/architecture.md).
        from casussen import account_data, feeds, filter_counts, home, related, search_index, sitemaps  # noqa: F401
        from casussen.models import Answer, Casus, Comment
        from ospo_nl.core import account_data as accounts
        from ospo_nl.moderation import reportable
        from ospo_nl.seo import feeds as seo_feeds
        from ospo_nl.seo import sitemaps as seo_sitemaps

        filter_counts.connect_signals()
        seo_sitemaps.register(sitemaps.SITEMAPS)
        seo_feeds.register_tag_feed_part(feeds.LatestCasussenFeed)
        accounts.register(export=account_data.export, delete=account_data.delete)
        reportable.register(Casus, queue=lambda: Casus.objects.select_related("author__profile"))
        for model in (Answer, Comment):
            reportable.register(model, queue=lambda model=model: model.objects.select_related(
                "casus", "author__profile"))
