"""Small assertion helpers shared by the tests (the data factories are in tests/factories.py)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404


def allowed(check, *args):
    """What a permission check says: True when it lets the call through, else 403 or 404 (what it raised).

    Checks return nothing and raise to refuse, so a test writes `assert allowed(check, user, obj) is True`.
    """
    try:
        check(*args)
    except PermissionDenied:
        return 403
    except Http404:
        return 404
    return True
