"""The answer when the database is unreachable: 503 with Retry-After and a page in our look, not a bare 500.

PostgreSQL restarting, failing over or refusing connections raises OperationalError (or InterfaceError on a
connection that died under us) wherever the first query happens: in a view, a template, a middleware. Django
turns every uncaught exception into a call of `handler500`, inside the `except` block, so this one handler sees
them all. A 503 tells browsers, crawlers and the load balancer that it is temporary (nginx tries another node,
crawlers keep the page); Retry-After says when to try again. Other errors keep the standalone 500 page.
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views.defaults import server_error as default_server_error


def database_unavailable(retry_after=None):
    retry_after = settings.MAINTENANCE_RETRY_AFTER if retry_after is None else retry_after
    # No request context: its processors may reach for the user, which needs the database.
    response = HttpResponse(loader.render_to_string("503.html", {"retry_after": retry_after}), status=503)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, template_name="500.html"):
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return database_unavailable()
    return default_server_error(request, template_name)
