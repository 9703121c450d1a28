"""Two app servers side by side, as the production layout runs them
(deploy/production_trial.sh, started by tests/portal/layout.py): two
gunicorns sharing one PostgreSQL database (made for this module and dropped
afterwards) and one Redis (a database number of its own, emptied after).

Requests go straight to each gunicorn as the proxies on this machine send
them, so what one server answers is its own, not the front cache's: a member
signed in on one is signed in on the other, a publish is seen at once on
both (the menu and the lists the portal keeps in Redis included), and the
log-in rate limit counts the attempts made on both."""

import os
import secrets

import psycopg
import pytest

from tests.portal.layout import (
    MEMBER_EMAIL,
    MEMBER_PASSWORD,
    OTHER_MEMBER_EMAIL,
    Visitor,
    running_layout,
    seed,
)

# Makes its own database: CI runs it once, in the SQLite pass.
pytestmark = pytest.mark.database_independent

POSTGRES = "postgres://postgres@127.0.0.1:5432"
ACCOUNT = "/en/accounts/email/"
TOO_MANY = "Too many failed login attempts"

PUBLISH = """
from library.models import ArticlePage, LibraryIndexPage

library = LibraryIndexPage.objects.get(slug="library", locale__language_code="ru")
library.title = "Каталог"
library.save_revision().publish()
article = ArticlePage.objects.get(slug="shared", locale__language_code="ru")
article.title = "Опубликовано на другом сервере"
article.save_revision().publish()
print("published")
"""


@pytest.fixture(scope="module")
def database():
    name = f"rusmeco_app_servers_{os.getpid()}_{secrets.token_hex(3)}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield f"{POSTGRES}/{name}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def servers(tmp_path_factory, database):
    with running_layout(
        tmp_path_factory.mktemp("app-servers"),
        database_url=database,
        redis_url="redis://127.0.0.1:6379/12",
    ) as layout:
        seed(layout, [("shared", "Общая статья", "Shared article")])
        yield layout


def test_a_member_signed_in_on_one_server_is_signed_in_on_the_other(servers):
    first, second = servers.gunicorn_ports
    member = Visitor(servers)
    status, _, _ = member.log_in(MEMBER_EMAIL, MEMBER_PASSWORD, port=first)
    stranger = Visitor(servers)

    own_status, _, own_page = member.get(ACCOUNT, port=second)
    stranger_status, stranger_headers, _ = stranger.get(ACCOUNT, port=second)

    assert status == 302
    assert own_status == 200
    assert MEMBER_EMAIL in own_page.decode()
    assert stranger_status == 302
    assert stranger_headers["Location"].startswith("/en/accounts/login/")


def test_a_publish_is_seen_at_once_on_both_servers_menu_and_lists_included(servers):
    visitor = Visitor(servers)
    # Both servers have the menu and the library's list in the cache.
    for port in servers.gunicorn_ports:
        home = visitor.get("/ru/", port=port)[2].decode()
        library = visitor.get("/ru/library/", port=port)[2].decode()
        assert "Библиотека" in home and "Общая статья" in library

    assert servers.manage_shell(PUBLISH) == "published"

    for port in servers.gunicorn_ports:
        home = visitor.get("/ru/", port=port)[2].decode()
        library = visitor.get("/ru/library/", port=port)[2].decode()
        assert "Каталог" in home and "Библиотека" not in home
        assert "Опубликовано на другом сервере" in library and "Общая статья" not in library


def test_failed_log_ins_on_both_servers_count_against_one_limit(servers):
    """Five failures for one account in five minutes (ACCOUNT_RATE_LIMITS),
    spread over the two servers: neither saw five, yet the next attempt is
    refused, even with the right password; another account is not."""
    first, second = servers.gunicorn_ports
    visitor = Visitor(servers)
    failures = [
        visitor.log_in(MEMBER_EMAIL, "wrong", port=port)[2].decode()
        for port in [first, second, first, second, first]
    ]

    status, _, page = visitor.log_in(MEMBER_EMAIL, MEMBER_PASSWORD, port=second)
    other_status, _, _ = Visitor(servers).log_in(OTHER_MEMBER_EMAIL, MEMBER_PASSWORD, port=second)

    assert all(TOO_MANY not in failure for failure in failures)
    assert status == 200
    assert TOO_MANY in page.decode()
    assert "sessionid" not in visitor.cookies
    assert other_status == 302
