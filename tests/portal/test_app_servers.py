"""Two app servers side by side, as the production layout runs them
(deploy/production_trial.sh, in the layout the tests share,
tests/portal/layout.py): two gunicorns sharing one PostgreSQL database (made
for the layout and dropped afterwards) and one Redis (a server of its own).

Requests go straight to each gunicorn as the proxies on this machine send
them, so what one server answers is its own, not the front cache's: a member
signed in on one is signed in on the other, a publish is seen at once on
both (the menu and the lists the portal keeps in Redis included), and the
log-in rate limit counts the attempts made on both."""

import pytest

from tests.portal.layout import (
    MEMBER_EMAIL,
    MEMBER_PASSWORD,
    OTHER_MEMBER_EMAIL,
    Visitor,
    publish_titles,
)

# The layout makes its own database: CI runs these once, in the SQLite pass.
pytestmark = pytest.mark.database_independent

ACCOUNT = "/en/accounts/email/"
TOO_MANY = "Too many failed login attempts"

OLD_TITLES = [("library", "ru", "Библиотека"), ("shared", "ru", "Общая статья")]
NEW_TITLES = [("library", "ru", "Каталог"), ("shared", "ru", "Опубликовано на другом сервере")]


@pytest.fixture
def servers(production_layout):
    return production_layout


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

    publish_titles(servers, NEW_TITLES)
    try:
        for port in servers.gunicorn_ports:
            home = visitor.get("/ru/", port=port)[2].decode()
            library = visitor.get("/ru/library/", port=port)[2].decode()
            assert "Каталог" in home and "Библиотека" not in home
            assert "Опубликовано на другом сервере" in library and "Общая статья" not in library
    finally:
        publish_titles(servers, OLD_TITLES)


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
