"""Asking a permission rule as a yes/no question.

Every app states its rules as `check_<verb>_<thing>(user, obj)` functions that raise (PermissionDenied, or
Http404 for outsiders); verbs call them to refuse. A page only needs to know whether to show a button, so
views turn the same functions into the `can_*` booleans templates use: no template restates a rule.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404


def allowed(check, *args):
    """True if `check(*args)` passes, False if it refuses."""
    try:
        check(*args)
    except (PermissionDenied, Http404):
        return False
    return True
