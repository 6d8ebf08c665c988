from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OspoNlConfig(AppConfig):
    name = "ospo_nl"
    verbose_name = _("Platform")
