"""Redis going away costs nothing but speed: pages keep answering, signed-in
members stay signed in, and once Redis answers again a change published in
between shows at once.

Each test runs Debian's redis-server on a port of its own and points the
cache at it with the settings REDIS_URL gives (a ResilientRedisCache,
sessions in the database with the cache in front). The outage is real:
the server is stopped and started again (it comes back empty, as Redis
without persistence does), or the path to it is cut by a proxy while it
keeps its data (a network failure, or a Redis restored from a snapshot)."""

import logging
import time

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client, override_settings

from tests.helpers import logged_in
from tests.services import redis_server, tcp_proxy


def redis_settings(port):
    return override_settings(
        CACHES={
            "default": {
                "BACKEND": "portal.cache.ResilientRedisCache",
                "LOCATION": f"redis://127.0.0.1:{port}/0",
                "KEY_PREFIX": "rusmeco",
                "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
            }
        },
        SESSION_ENGINE="django.contrib.sessions.backends.cached_db",
    )


def menu(client):
    response = client.get("/ru/")
    assert response.status_code == 200
    items = BeautifulSoup(response.text, "html.parser").select(".main-menu a")
    return [item.get_text(strip=True) for item in items]


def wait_until_redis_answers():
    """The first calls after an outage may meet connections the outage
    broke (answered as an empty cache); wait for a call that reaches Redis."""
    for _attempt in range(50):
        cache.set("redis-probe", "up", 10)
        if cache.get("redis-probe") == "up":
            return
        time.sleep(0.1)
    raise AssertionError("Redis did not answer again")


def rename(page, title):
    page.title = title
    page.save_revision().publish()


@pytest.mark.django_db
def test_pages_and_sessions_survive_a_redis_restart(about_ru, anna, caplog):
    with redis_server() as redis, redis_settings(redis.port):
        anna_browser = logged_in(anna)
        visitor = Client()
        assert menu(visitor) == menu(visitor) == ["О проекте"]  # now cached in Redis

        redis.stop()
        with caplog.at_level(logging.WARNING, logger="portal.cache"):
            assert menu(visitor) == ["О проекте"]
            account = anna_browser.get("/ru/accounts/profile/")
            rename(about_ru, "О сообществе")  # published while Redis is down
            assert menu(visitor) == ["О сообществе"]
        assert account.status_code == 200
        assert "Анна Соколова" in account.text
        assert "Cache unreachable" in caplog.text

        redis.start()  # empty again
        wait_until_redis_answers()
        assert anna_browser.get("/ru/accounts/profile/").status_code == 200
        assert menu(visitor) == ["О сообществе"]
        rename(about_ru, "О нас")
        assert menu(visitor) == ["О нас"]


@pytest.mark.django_db
def test_a_change_published_while_redis_was_cut_off_shows_when_it_returns(about_ru):
    """Redis keeps its data through the outage: the menu cached before it is
    still in Redis afterwards and must not be served."""
    with (
        redis_server() as redis,
        tcp_proxy("127.0.0.1", redis.port) as path,
        redis_settings(path.port),
    ):
        visitor = Client()
        # The first page view also creates the site settings, which
        # advances the pages generation; the second caches the menu for good.
        assert menu(visitor) == menu(visitor) == ["О проекте"]

        path.stop()
        rename(about_ru, "О сообществе")
        assert menu(visitor) == ["О сообществе"]

        path.start()
        wait_until_redis_answers()
        assert menu(visitor) == ["О сообществе"]


def test_one_redis_client_serves_every_command_and_outlives_a_restart():
    """The cache keeps one redis-py client for its server instead of
    building one per command; that client reconnects after Redis restarts."""
    with redis_server() as redis, redis_settings(redis.port):
        redis_cache = cache._cache
        cache.set("greeting", "привет", 60)
        assert cache.get("greeting") == "привет"
        assert redis_cache.get_client() is redis_cache.get_client(write=True)

        redis.stop()
        assert cache.get("greeting") is None  # answered as an empty cache
        redis.start()
        wait_until_redis_answers()
        cache.set("greeting", "здравствуйте", 60)
        assert cache.get("greeting") == "здравствуйте"
        assert redis_cache.get_client() is redis_cache.get_client(write=True)
