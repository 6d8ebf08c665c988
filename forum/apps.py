from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = _("Forum")

    def ready(self):
        # What the lower layers show of the forum, registered here (docs/architecture.md).
        from forum import account_data, home, search_index, sitemaps  # noqa: F401
        from forum.models import Reply, Topic
        from ospo_nl.core import account_data as accounts
        from ospo_nl.moderation import reportable
        from ospo_nl.seo import sitemaps as seo_sitemaps

        seo_sitemaps.register(sitemaps.SITEMAPS)
        accounts.register(export=account_data.export)
        reportable.register(Topic, queue=lambda: Topic.objects.select_related("author__profile"))
        reportable.register(Reply, queue=lambda: Reply.objects.select_related("topic", "author__profile"))
