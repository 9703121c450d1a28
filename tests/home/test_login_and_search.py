"""The header's log-in link and search box work in both languages."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import PageViewRestriction

from home.demo import child_page
from home.models import StandardPage


@pytest.fixture
def member(db):
    return get_user_model().objects.create_user("anna", "anna@company.example", "pw-anna-12345")


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "label"), [("ru", "Войти"), ("en", "Log in")])
def test_log_in_page_in_both_languages(client, home_en, language, label):
    response = client.get(f"/{language}/accounts/login/")

    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.text
    assert label in response.text


@pytest.mark.django_db
def test_member_logs_in_and_returns_to_the_page(home_en, member):
    client = Client(enforce_csrf_checks=True)
    client.get("/en/accounts/login/")
    token = client.cookies["csrftoken"].value

    response = client.post(
        "/en/accounts/login/",
        {
            "username": "anna",
            "password": "pw-anna-12345",
            "next": "/en/",
            "csrfmiddlewaretoken": token,
        },
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert "anna" in client.get("/en/").text


@pytest.mark.django_db
def test_log_in_refuses_a_redirect_to_another_site(client, home_en, member):
    response = client.post(
        "/en/accounts/login/",
        {"username": "anna", "password": "pw-anna-12345", "next": "https://evil.example/"},
    )

    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


@pytest.mark.django_db
def test_wrong_password_gets_a_translated_error_and_no_session(client, home_en, member):
    response = client.post("/ru/accounts/login/", {"username": "anna", "password": "wrong"})

    assert response.status_code == 200
    assert 'class="form-errors"' in response.text
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_log_in_without_csrf_token_is_refused(home_en, member):
    client = Client(enforce_csrf_checks=True)

    response = client.post("/en/accounts/login/", {"username": "anna", "password": "pw-anna-12345"})

    assert response.status_code == 403


@pytest.mark.django_db
def test_search_finds_live_public_pages_of_the_current_language_only(client, about_en, about_ru):
    draft = child_page(about_ru, StandardPage, "draft", title="Сообщество черновик")
    draft.unpublish()
    private = child_page(about_ru, StandardPage, "private", title="Сообщество закрытое")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    from django.core.management import call_command

    call_command("update_index", verbosity=0)

    russian = client.get("/ru/search/", {"q": "Сообщество"}).text
    english = client.get("/en/search/", {"q": "About"}).text

    assert 'href="/ru/about/"' in russian
    assert "черновик" not in russian
    assert "закрытое" not in russian
    assert 'href="/en/about/"' in english
    assert 'href="/ru/about/"' not in english


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["", " ", "x" * 100_000, '"unclosed', "AND OR NOT", "-", "😀", "'; DROP TABLE x; --"]
)
def test_search_survives_odd_queries(client, home_en, query):
    response = client.get("/en/search/", {"q": query, "page": "not-a-number"})

    assert response.status_code == 200


@pytest.mark.django_db
def test_search_engine_failure_gets_a_clear_message_not_a_500(client, home_en, monkeypatch):
    from django.db import DatabaseError

    def broken(*args, **kwargs):
        raise DatabaseError("search engine is down")

    monkeypatch.setattr("search.views.Query.get", broken)

    response = client.get("/ru/search/", {"q": "инновации"})

    assert response.status_code == 200
    assert "Поиск сейчас недоступен" in response.text
