"""Refuse requests whose path or query string holds control characters (a NUL byte above all).

No page means anything by them, and a NUL byte reaches PostgreSQL as an error ("A string literal cannot
contain NUL"), a 500. One check before anything else runs answers 400 instead, for every list, search and
slug parameter at once. Tabs and line breaks stay allowed in query values (a pasted search phrase).
"""

import re

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _

_PATH_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_VALUE_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def has_bad_characters(request):
    if _PATH_CONTROL.search(request.path):
        return True
    return any(
        _PATH_CONTROL.search(key) or any(_VALUE_CONTROL.search(v) for v in values)
        for key, values in request.GET.lists()
    )


class RequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_bad_characters(request):
            return HttpResponseBadRequest(
                _("Ongeldige tekens in het adres."), content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)
