"""/healthz tells a load balancer whether this app server can reach its
database and its cache: 200 when both answer, 503 naming the one that
does not. It sets no cookie, is never cached and costs one query."""

from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test import Client, override_settings

from tests.services import free_port


@pytest.mark.django_db
def test_healthz_answers_ok_with_one_query(django_assert_num_queries):
    with django_assert_num_queries(1):
        response = Client().get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_needs_no_language_prefix_no_log_in_and_no_public_host_name(anna_client):
    # A load balancer probes the app server by its internal name.
    probe = Client(HTTP_HOST="app-server-1:8000", raise_request_exception=False)

    assert probe.get("/healthz").status_code == 200
    assert anna_client.get("/healthz").json()["status"] == "ok"
    # Only /healthz itself: other paths still go through the host check.
    assert probe.get("/ru/").status_code == 400
    assert Client().get("/ru/healthz/").status_code == 404


@pytest.mark.django_db
def test_healthz_says_the_cache_failed_when_redis_is_unreachable():
    nothing_listens = f"redis://127.0.0.1:{free_port()}/0"
    unreachable_redis = {
        "default": {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": nothing_listens,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    with override_settings(CACHES=unreachable_redis):
        response = Client().get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "cache": "failed"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_says_the_database_failed_when_it_does_not_answer():
    """The database's refusal is simulated: the connection's cursor raises
    what psycopg raises when the server has gone (the PostgreSQL outage
    itself is in test_database_down.py)."""
    gone = OperationalError("server closed the connection unexpectedly")
    with mock.patch.object(connection, "cursor", side_effect=gone):
        response = Client().get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "failed", "cache": "ok"}
