from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasussenConfig(AppConfig):
    name = "casussen"
    verbose_name = _("Casussen")

    def ready(self):
        from . import home, related  # noqa: F401  (register the home page and organisation page sections)
