"""When the search engine is down, pages still publish (the error is
logged; `update_index` catches up later) and the search page says so in the
visitor's language instead of failing."""

import logging
import socket

import pytest
from django.db import OperationalError, connection

from home.demo import child_page
from home.models import StandardPage


@pytest.fixture
def dead_engine(settings):
    """OpenSearch configured at a local port where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.opensearch",
            "URLS": [f"http://127.0.0.1:{port}"],
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0},
        }
    }


@pytest.mark.django_db
def test_pages_publish_while_the_engine_is_down_and_the_error_is_logged(
    home_ru, dead_engine, caplog
):
    with caplog.at_level(logging.ERROR):
        page = child_page(home_ru, StandardPage, "news", title="Новости")

    page.refresh_from_db()
    assert page.live
    assert any("search backend" in record.getMessage() for record in caplog.records)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ru", "Поиск сейчас недоступен"),
        ("en", "Search is not available at the moment"),
    ],
)
def test_search_page_says_the_engine_is_down(client, home_en, dead_engine, language, message):
    response = client.get(f"/{language}/search/", {"q": "инновации"})

    assert response.status_code == 200
    assert message in response.text
    assert client.get(f"/{language}/search/suggest/", {"q": "иннов"}).json() == {"results": []}


@pytest.mark.django_db
def test_a_failing_database_search_gets_the_message_too(client, make_page, monkeypatch):
    make_page("a", "Инновации")

    def broken(self):
        raise OperationalError("database is locked")

    if connection.vendor == "postgresql":
        monkeypatch.setattr("search.backends.postgres.PortalPostgresResults._do_search", broken)
    else:
        monkeypatch.setattr("search.backends.sqlite.PortalSQLiteResults._do_search", broken)

    response = client.get("/ru/search/", {"q": "инновации"})

    assert response.status_code == 200
    assert "Поиск сейчас недоступен" in response.text
