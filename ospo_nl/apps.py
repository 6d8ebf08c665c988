from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OspoNlConfig(AppConfig):
    """The project package: settings, root URLs, the home page and the flows that join two feature apps.

    Its migrations are the history of the models that now live in the service apps (core, notifications,
    moderation, search); they keep their tables (docs/architecture.md).
    """

    name = "ospo_nl"
    verbose_name = _("Platform")
