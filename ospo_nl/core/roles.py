"""Who is who: the roles of DESIGN.md as plain functions, used by every app's permissions module, and the
audiences they see."""

from django.db import models
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _


def unwrapped(user):
    """`request.user` itself instead of Django's lazy wrapper around it: every attribute read through the wrapper
    costs a function call, and a page that asks many permission questions (a casus page: several per answer and
    comment) reads thousands."""
    if isinstance(user, LazyObject):
        user.is_authenticated  # noqa: B018 (loads the user)
        return user._wrapped
    return user


def is_member(user):
    """Signed in with a verified e-mail (allauth refuses login before verification)."""
    return bool(user and user.is_authenticated and user.is_active)


def is_curator(user):
    return is_member(user) and user.is_staff


def is_expert(user):
    if not is_member(user):
        return False
    profile = getattr(user, "profile", None)
    return bool(profile and profile.is_expert)


class Audience(models.TextChoices):
    """Who may see a thing: the one vocabulary of a casus's visibility and a search entry's audience."""

    PUBLIC = "public", _("openbaar")
    MEMBERS = "members", _("alleen leden")
    EXPERTS = "experts", _("alleen experts")


PUBLIC, MEMBERS, EXPERTS = Audience.PUBLIC, Audience.MEMBERS, Audience.EXPERTS


def audiences_for(user):
    """The one rule of who sees what: visitor public; member + members; expert and curator everything."""
    if is_curator(user) or is_expert(user):
        return [PUBLIC, MEMBERS, EXPERTS]
    if is_member(user):
        return [PUBLIC, MEMBERS]
    return [PUBLIC]
