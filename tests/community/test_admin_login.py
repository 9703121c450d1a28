"""The Wagtail admin log-in (/admin/login/) is throttled after repeated
failures, with a clear message in the visitor's language."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

EDITOR_PASSWORD = "pw-Editor-secret-9"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser(
        "editor", "editor@rusmeco.example", EDITOR_PASSWORD
    )


def attempt(client, password, language="en", username="editor"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        HTTP_ACCEPT_LANGUAGE=language,
    )


@pytest.mark.django_db
def test_right_password_logs_in(client, editor):
    response = attempt(client, EDITOR_PASSWORD)

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

    response = attempt(client, EDITOR_PASSWORD, language)  # even the right one now

    assert response.status_code == 200
    assert message in response.text
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_throttle_is_per_user_name_and_per_address(editor):
    first = Client(REMOTE_ADDR="192.0.2.10")
    for _ in range(5):
        attempt(first, "wrong")

    # Another user name from the same address is not locked out by these five...
    get_user_model().objects.create_superuser("other", "other@rusmeco.example", EDITOR_PASSWORD)
    assert attempt(first, EDITOR_PASSWORD, username="other").status_code == 302

    # ...but ten failures a minute from one address lock that address out.
    second = Client(REMOTE_ADDR="192.0.2.20")
    for number in range(10):
        attempt(second, "wrong", username=f"guess{number}")
    get_user_model().objects.create_superuser("third", "third@rusmeco.example", EDITOR_PASSWORD)
    assert attempt(second, EDITOR_PASSWORD, username="third").status_code == 200


@pytest.mark.django_db
def test_successful_log_ins_do_not_count_as_failures(client, editor):
    for _ in range(6):
        assert attempt(Client(), EDITOR_PASSWORD).status_code == 302
