from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Gids")

    def ready(self):
        from . import home  # noqa: F401  registers the home page section
        from .curator_group import sync_after_migrate

        post_migrate.connect(sync_after_migrate, dispatch_uid="directory.sync_curator_group")
