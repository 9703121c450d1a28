"""The results page needs a fixed number of SQL queries, however many
results it shows, of pages, forum topics and blog posts alike."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page

from blogs.models import BlogPost
from forums.models import Topic
from tests.factories import BlogPostFactory, ForumPostFactory, ForumTopicFactory

# The pages' search and facets and a count of topics and of blog posts;
# topics and blog posts shown add a few queries for each kind (ranking,
# loading, their boards, posts or blog), however many are shown.
BUDGET = 16
# With every cache empty, the site is also looked up with its home page
# (home/sites.py), which then spares every warm view a query.
COLD_BUDGET = BUDGET + 1


def count_queries(client, url, data):
    # Warm the site's caches: the first views after pages were published
    # rebuild the menu, the footer and Wagtail's site root paths.
    client.get(url, data)
    client.get(url, data)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, data)
    assert response.status_code == 200
    return len(queries), response


def add_results(make_page, regions, start, count):
    for number in range(start, start + count):
        region = regions["moscow"] if number % 2 else regions["ekaterinburg"]
        make_page(f"item-{number}", f"Инновации {number}", intro="Маркетинг.", region=region)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        {"q": "инновации"},
        {"q": "инновации", "region": "moscow"},
        {"q": "инновации", "region": "moscow", "type": "home.standardpage", "year": "2026"},
        {"q": "инновации", "all": "1"},
    ],
)
def test_results_page_stays_within_budget_as_results_grow(client, make_page, regions, data):
    add_results(make_page, regions, 0, 3)
    small, first = count_queries(client, "/ru/search/", data)

    add_results(make_page, regions, 3, 30)
    large, second = count_queries(client, "/ru/search/", data)

    assert len(second.context["outcome"].items) > len(first.context["outcome"].items)
    assert small <= BUDGET
    assert large == small


@pytest.mark.django_db
def test_autocomplete_stays_within_budget(client, make_page, regions):
    add_results(make_page, regions, 0, 2)
    few, first = count_queries(client, "/ru/search/suggest/", {"q": "инновации"})

    add_results(make_page, regions, 2, 20)
    many, second = count_queries(client, "/ru/search/suggest/", {"q": "инновации"})

    assert len(first.json()["results"]) == 2
    assert len(second.json()["results"]) == 8
    assert few == many <= 5


@pytest.mark.django_db
def test_cold_cache_keeps_the_budget(client, make_page, regions, django_assert_max_num_queries):
    add_results(make_page, regions, 0, 12)
    # Django keeps content types in memory for the life of the process (one
    # query the first time any search runs); the site's cache is empty.
    for model in (Page, Topic, BlogPost):
        get_descendants_content_types_pks(model)
    cache.clear()

    with django_assert_max_num_queries(COLD_BUDGET):
        assert client.get("/ru/search/", {"q": "инновации"}).status_code == 200


def add_discussions(board, start, count):
    for number in range(start, start + count):
        topic = ForumTopicFactory(board=board, title=f"Инновации {number}")
        ForumPostFactory(topic=topic, body="Маркетинг.")
        BlogPostFactory(title=f"Инновации {number}", slug=f"post-{number}")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        {"q": "инновации"},
        {"q": "инновации", "type": "forums.topic"},
        {"q": "инновации", "type": "blogs.blogpost"},
    ],
)
def test_topics_and_blog_posts_keep_the_budget_as_they_grow(
    client, make_page, regions, board_ru, blogs_ru, data
):
    add_results(make_page, regions, 0, 3)
    add_discussions(board_ru, 0, 3)
    small, first = count_queries(client, "/ru/search/", data)

    add_results(make_page, regions, 3, 30)
    add_discussions(board_ru, 3, 30)
    large, second = count_queries(client, "/ru/search/", data)

    assert second.context["outcome"].count > first.context["outcome"].count
    assert small <= BUDGET
    # Without a type, the larger search shows pages alone on its first page.
    assert large == small if "type" in data else large <= small
