"""`/healthz`: whether this app server can reach its database and cache,
for load balancers and monitoring.

Answered by the first middleware, before HTTPS redirects, host checks,
sessions, languages and presence counting: a probe from a load balancer
(plain HTTP, an internal address as its host) gets the real answer, sets
no cookie, counts as no visitor and costs one query and two cache calls.
200 {"status": "ok", ...} when both answer; 503 naming the one that failed
otherwise. Never cached.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

PATH = "/healthz"


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.exception("Health check: the database did not answer")
        return False


def cache_answers():
    # A key of its own for each check, so that concurrent checks of several
    # app servers cannot read each other's value.
    key = f"healthz:{secrets.token_hex(8)}"
    token = secrets.token_hex(8)
    cache.set(key, token, 10)
    if cache.get(key) == token:
        return True
    logger.error("Health check: the cache did not keep a value")
    return False


def health():
    checks = {
        "database": "ok" if database_answers() else "failed",
        "cache": "ok" if cache_answers() else "failed",
    }
    healthy = all(state == "ok" for state in checks.values())
    response = JsonResponse(
        {"status": "ok" if healthy else "unavailable", **checks}, status=200 if healthy else 503
    )
    add_never_cache_headers(response)
    return response


class HealthCheckMiddleware:
    """First in MIDDLEWARE: answers /healthz itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == PATH and request.method in ("GET", "HEAD"):
            return health()
        return self.get_response(request)
