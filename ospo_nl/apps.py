from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OspoNlConfig(AppConfig):
    """The project package: settings, root URLs, the home page and the flows that join two feature apps.

    Its migrations are the history of the models that now live in the service apps (core, notifications,
    moderation, search); they keep their tables (docs/architecture.md).
    """

    name = "ospo_nl"
    verbose_name = _("Platform")

    def ready(self):
        from django.core import checks

        checks.register(check_operator, checks.Tags.security, deploy=True)
        unregister_social_apps_admin()


def unregister_social_apps_admin():
    """Sign-in providers come from OIDC_PROVIDERS only (ospo_nl.auth_backends.SocialAccountAdapter): allauth's
    apps and tokens in admin would be ignored, so they are not offered. Linked accounts stay visible there."""
    from allauth.socialaccount.models import SocialApp, SocialToken
    from django.contrib import admin

    for model in (SocialApp, SocialToken):
        if admin.site.is_registered(model):
            admin.site.unregister(model)


def check_operator(app_configs=None, **kwargs):
    """`check --deploy` warns while the privacy statement would still name the example operator."""
    from django.conf import settings
    from django.core.checks import Warning

    operator = settings.OPERATOR
    if operator["contact_email"].endswith(".example") or operator["privacy_email"].endswith(".example"):
        return [Warning("OPERATOR_CONTACT_EMAIL / OPERATOR_PRIVACY_EMAIL are the example addresses: the privacy "
                        "statement and the colophon name them.", id="ospo_nl.W001")]
    return []
