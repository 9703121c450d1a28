"""Counts stop at SEARCH_COUNT_LIMIT (1,000 on the site, a handful here):
up to it the total and the facet counts are exact; beyond it the page says
"more than …" and the facets list their values without numbers."""

import pytest
from django.utils import translation
from wagtail.models import Page

from search.service import Outcome
from tests.factories import BlogPostFactory, translate


@pytest.fixture
def limit(settings):
    settings.SEARCH_COUNT_LIMIT = 3
    return 3


def add_pages(make_page, regions, count):
    for number in range(count):
        region = regions["moscow"] if number % 2 else regions["ekaterinburg"]
        make_page(f"item-{number}", f"Инновации {number}", region=region)


def facet(response, name):
    groups = {group.name: group for group in response.context["outcome"].facets}
    return {option.value: option.count for option in groups[name].options}


NOTE_RU = "Результатов слишком много, чтобы подсчитать их по фильтрам"


@pytest.mark.django_db
def test_up_to_the_limit_the_total_and_the_facets_are_exact(client, make_page, regions, limit):
    add_pages(make_page, regions, 3)

    response = client.get("/ru/search/", {"q": "инновации"})

    assert "3 результата" in response.text
    assert "Более" not in response.text
    assert NOTE_RU not in response.text
    assert facet(response, "type") == {"home.standardpage": 3}
    assert facet(response, "region") == {"ekaterinburg": 2, "moscow": 1}
    assert '<span class="search-facet-count">2</span>' in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "total", "note"),
    [
        ("ru", "Более 3 результатов", NOTE_RU),
        ("en", "More than 3 results", "Too many results to count by filter"),
    ],
)
def test_beyond_the_limit_the_page_says_more_than_and_counts_no_facet(
    client, make_page, regions, home_en, limit, language, total, note
):
    add_pages(make_page, regions, 6)
    for page in Page.objects.filter(slug__startswith="item-"):
        translate(page.specific, title=page.title.replace("Инновации", "Synergies"))
    query = "инновации" if language == "ru" else "synergy"

    response = client.get(f"/{language}/search/", {"q": query})

    outcome = response.context["outcome"]
    assert total in response.text
    assert note in response.text
    # The values are there to narrow the search, with no number at all.
    assert facet(response, "region") == {"ekaterinburg": None, "moscow": None}
    assert facet(response, "type") == {"home.standardpage": None}
    assert 'class="search-facet-count"' not in response.text
    # The results themselves can still be read, best first.
    assert len(outcome.items) == 4
    assert outcome.items[0].language == language


@pytest.mark.django_db
def test_a_filter_that_narrows_below_the_limit_brings_exact_numbers_back(
    client, make_page, regions, limit
):
    add_pages(make_page, regions, 6)

    response = client.get("/ru/search/", {"q": "инновации", "region": "moscow"})

    assert "3 результата" in response.text
    # The region is counted as if not chosen: six matches, more than three.
    assert facet(response, "region") == {"ekaterinburg": None, "moscow": None}
    # The other facets count within Moscow's three: exact.
    assert facet(response, "type") == {"home.standardpage": 3}
    selected = "выбрано; снять этот фильтр</span></span>"
    assert selected in response.text


@pytest.mark.django_db
def test_blog_posts_beyond_the_limit_are_not_counted_either(client, make_page, blogs_ru, limit):
    make_page("funds", "Фонды региона")
    for number in range(5):
        BlogPostFactory(title=f"Фонды {number}", slug=f"funds-{number}")

    response = client.get("/ru/search/", {"q": "фонды"})
    pages = client.get("/ru/search/", {"q": "фонды", "type": "home.standardpage"})

    assert "Более 3 результатов" in response.text
    assert facet(response, "type") == {"home.standardpage": 1, "blogs.blogpost": None}
    assert "1 результат" in pages.text


@pytest.mark.django_db
def test_once_the_pages_are_too_many_to_count_blog_posts_are_listed_without_a_number(
    client, make_page, regions, blogs_ru, limit
):
    add_pages(make_page, regions, 5)
    for number in range(2):
        BlogPostFactory(title=f"Инновации в блоге {number}", slug=f"blog-{number}")

    response = client.get("/ru/search/", {"q": "инновации"})
    posts = client.get("/ru/search/", {"q": "инновации", "type": "blogs.blogpost"})

    assert "Более 3 результатов" in response.text
    # Like the page types: there, to narrow the search, with no number.
    assert facet(response, "type") == {"home.standardpage": None, "blogs.blogpost": None}
    assert 'class="search-facet-count"' not in response.text
    # Chosen, the blog posts alone are counted, exactly, and listed.
    assert "2 результата" in posts.text
    assert sorted(item.title for item in posts.context["outcome"].items) == [
        "<mark>Инновации</mark> в блоге 0",
        "<mark>Инновации</mark> в блоге 1",
    ]


@pytest.mark.django_db
def test_the_singular_limit_reads_right(client, make_page, regions, settings):
    settings.SEARCH_COUNT_LIMIT = 1
    add_pages(make_page, regions, 2)

    assert "Более 1 результата" in client.get("/ru/search/", {"q": "инновации"}).text
    assert "More than 1 result<" in client.get("/en/search/", {"q": "инновации", "all": "1"}).text


def test_the_limit_is_written_as_each_language_groups_numbers():
    outcome = Outcome(params=None, limit=1000)
    with translation.override("ru"):
        assert outcome.limit_shown == "1\xa0000"
    with translation.override("en"):
        assert outcome.limit_shown == "1,000"


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["2", "999", "-1", "abc", "1" * 50])
def test_paging_beyond_the_limit_stays_a_normal_page(client, make_page, regions, settings, page):
    settings.SEARCH_COUNT_LIMIT = 12
    add_pages(make_page, regions, 14)

    response = client.get("/ru/search/", {"q": "инновации", "page": page})

    assert response.status_code == 200
    assert "Более 12 результатов" in response.text
    assert 'class="message message-error"' not in response.text
    assert len(response.context["outcome"].items) in (3, 10)
