"""The Wagtail admin log-in (/admin/login/) is throttled after repeated
failures, with a clear message in the visitor's language."""

import pytest
from django.test import Client, override_settings

from tests.factories import PASSWORD, StaffFactory


def superuser(username):
    return StaffFactory(username=username, is_superuser=True, is_staff=True)


@pytest.fixture
def editor(db):
    return superuser("editor")


def attempt(client, password, language="en", username="editor"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        HTTP_ACCEPT_LANGUAGE=language,
    )


@pytest.mark.django_db
def test_right_password_logs_in(client, editor):
    response = attempt(client, PASSWORD)

    assert response.status_code == 302
    assert "_auth_user_id" in client.session


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Too many failed log-in attempts. Please wait a few minutes"),
        ("ru", "Слишком много неудачных попыток входа. Подождите несколько минут"),
    ],
)
def test_admin_log_in_is_throttled_after_repeated_failures(client, editor, language, message):
    for _ in range(5):
        response = attempt(client, "wrong", language)
        assert response.status_code == 200
        assert message not in response.text

    response = attempt(client, PASSWORD, language)  # even the right one now

    assert response.status_code == 200
    assert message in response.text
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_throttle_is_per_user_name_and_per_address(editor):
    first = Client(REMOTE_ADDR="192.0.2.10")
    for _ in range(5):
        attempt(first, "wrong")

    # Another user name from the same address is not locked out by these five...
    superuser("other")
    assert attempt(first, PASSWORD, username="other").status_code == 302

    # ...but ten failures a minute from one address lock that address out.
    second = Client(REMOTE_ADDR="192.0.2.20")
    for number in range(10):
        attempt(second, "wrong", username=f"guess{number}")
    superuser("third")
    assert attempt(second, PASSWORD, username="third").status_code == 200


@pytest.mark.django_db
def test_successful_log_ins_do_not_count_as_failures(client, editor):
    for _ in range(6):
        assert attempt(Client(), PASSWORD).status_code == 302


@pytest.mark.django_db
@override_settings(TRUSTED_PROXIES=["127.0.0.1"])
def test_behind_our_proxy_each_visitor_is_counted_by_their_own_address(editor):
    """Everyone comes through nginx at 127.0.0.1: one visitor's failures
    lock out that visitor, not everybody."""
    guesser = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.20")
    for number in range(10):
        attempt(guesser, "wrong", username=f"guess{number}")
    superuser("other")

    assert attempt(guesser, PASSWORD, username="other").status_code == 200
    neighbour = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.30")
    assert attempt(neighbour, PASSWORD, username="other").status_code == 302


@pytest.mark.django_db
@override_settings(TRUSTED_PROXIES=["127.0.0.1"])
def test_a_forged_forwarded_address_does_not_escape_the_limit(editor):
    """Someone reaching the app server directly cannot pass for many
    visitors by sending a new X-Forwarded-For each time."""
    for number in range(10):
        forger = Client(REMOTE_ADDR="192.0.2.40", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
        attempt(forger, "wrong", username=f"guess{number}")
    superuser("other")

    forger = Client(REMOTE_ADDR="192.0.2.40", HTTP_X_FORWARDED_FOR="203.0.113.99")
    assert attempt(forger, PASSWORD, username="other").status_code == 200
