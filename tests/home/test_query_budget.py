"""An anonymous visitor's page needs at most 15 SQL queries, however much
content the site holds (21 right after the caches were emptied)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.demo import child_page
from home.models import StandardPage

BUDGET = 15
# Right after the caches were emptied a page also rebuilds the site frame,
# Wagtail's site root paths and the home page's cached sections (a query
# or so each, whatever the content: events, library, news, forums, blogs).
COLD_BUDGET = BUDGET + 7


def add_menu_pages(home, count):
    for number in range(count):
        child_page(
            home, StandardPage, f"section-{number}", title=f"Раздел {number}", show_in_menus=True
        )


def count_queries(client, url):
    """Queries of a page view once the site's caches are warm (the first
    view after a change rebuilds the cached menu: see home/navigation.py)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/ru/", "/en/", "/ru/about/", "/en/about/", "/ru/contact/"])
def test_pages_stay_within_budget_as_content_grows(client, about_en, contact_en, home_ru, url):
    add_menu_pages(home_ru, 3)
    small = count_queries(client, url)

    add_menu_pages(home_ru, 30)  # 3 -> 33 menu items
    large = count_queries(client, url)

    assert small <= BUDGET
    assert large == small


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/ru/", "/en/about/"])
def test_even_a_cold_cache_keeps_the_budget(
    client, django_assert_max_num_queries, about_en, contact_en, url
):
    with django_assert_max_num_queries(COLD_BUDGET):
        assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_menu_follows_publishing_without_waiting_for_the_cache(client, home_ru, about_ru):
    assert 'href="/ru/about/"' in client.get("/ru/").text

    about_ru.unpublish()
    assert 'href="/ru/about/"' not in client.get("/ru/").text

    about_ru.save_revision().publish()
    assert 'href="/ru/about/"' in client.get("/ru/").text

    about_ru.title = "О нас"
    about_ru.save_revision().publish()
    assert ">О нас</a>" in client.get("/ru/").text


@pytest.mark.django_db
def test_menu_leaves_out_pages_behind_a_view_restriction(client, home_ru, about_ru):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=about_ru, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    assert 'href="/ru/about/"' not in client.get("/ru/").text
