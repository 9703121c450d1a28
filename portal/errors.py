"""Error pages that say what happened.

While the database cannot be reached (PostgreSQL restarting, a network
failure, SQLite locked for too long) a request fails with
OperationalError or InterfaceError. Visitors then get a translated 503
page with Retry-After instead of the generic error page, and the error is
logged with its traceback by Django as usual. The connection heals by
itself: CONN_HEALTH_CHECKS replaces a broken connection at the next
request. The page is rendered without the database (no menu, no site
settings), since the database is what failed.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.shortcuts import render
from django.views.defaults import server_error as generic_server_error

RETRY_AFTER_SECONDS = 30
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def server_error(request):
    """handler500: Django calls it while handling the exception, so the
    exception is sys.exc_info()'s."""
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        response = render(request, "503.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return generic_server_error(request)
