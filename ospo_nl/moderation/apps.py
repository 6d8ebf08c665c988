from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    """Reports by members, hide / delete / warn / suspend by curators, the moderation log, rate limits."""

    name = "ospo_nl.moderation"
    label = "moderation"
    verbose_name = _("Moderatie")

    def ready(self):
        from ospo_nl.core import account_data as accounts
        from ospo_nl.core import content_cache
        from ospo_nl.moderation import account_data

        accounts.register(export=account_data.export, delete=account_data.delete)
        content_cache.register_app(self.label, ("moderation",))  # what a save of its rows changes
