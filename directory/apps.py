from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Gids")

    def ready(self):
        # What the lower layers show of the directory, registered here (docs/architecture.md).
        from directory import account_data, home, search_index, sitemaps  # noqa: F401
        from directory.curator_group import sync_after_migrate
        from directory.models import Profile
        from ospo_nl.core import account_data as accounts
        from ospo_nl.moderation import reportable
        from ospo_nl.seo import sitemaps as seo_sitemaps

        seo_sitemaps.register(sitemaps.SITEMAPS)
        accounts.register(export=account_data.export)
        # An expert's public profile can be reported; its name comes from user.profile.
        reportable.register(Profile, queue=lambda: Profile.objects.select_related("user__profile"))
        post_migrate.connect(sync_after_migrate, dispatch_uid="directory.sync_curator_group")
