"""The header's search box works in both languages."""

import pytest
from wagtail.models import PageViewRestriction

from home.demo import child_page
from home.models import StandardPage


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
