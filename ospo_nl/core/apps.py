from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The lowest layer: the abstract post, revisions, following, the Markdown pipeline, roles, registries."""

    name = "ospo_nl.core"
    label = "core"
    verbose_name = _("Basis")

    def ready(self):
        from ospo_nl.core import content_cache

        content_cache.connect_signals()
        content_cache.register_app("taggit", ("tags",))  # tags set on a post change the post: m2m_changed
