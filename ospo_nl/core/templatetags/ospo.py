from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def member_name(user):
    """A user's public name; "former member" once the account is deleted."""
    if user is None or not user.is_active:
        return _("voormalig lid")
    profile = getattr(user, "profile", None)
    if profile is None:
        return _("Lid %(number)s") % {"number": user.pk}
    return profile.name


@register.filter
def has_two_factor(user):
    """True when the user has an authenticator (TOTP) set up; the admin nudges staff without one."""
    # Imported here: models import this module (member_name) while apps load, and allauth.mfa's models
    # cannot be imported before the app registry is ready.
    from allauth.mfa.utils import is_mfa_enabled

    return is_mfa_enabled(user)
