from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """In-app notifications, mail per event and digests, each user's mail settings."""

    name = "ospo_nl.notifications"
    label = "notifications"
    verbose_name = _("Meldingen")

    def ready(self):
        from ospo_nl.core import account_data as accounts
        from ospo_nl.notifications import account_data

        accounts.register(export=account_data.export)
