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
