"""The library index: newest first, filters in the query string that
combine and survive pagination, garbage ignored, theme pages and the
"All content about" counts of live, public items per language."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from library.listing import ITEMS_PER_PAGE
from library.models import ItemType
from tests.factories import ArticlePageFactory, CaseStudyPageFactory, translate


def titles(html):
    return re.findall(r'<h3><a href="[^"]+"[^>]*>([^<]+)</a></h3>', html)


def theme_count(html, name):
    match = re.search(
        rf">{re.escape(name)}</a> <span class=\"library-count\">\((\d+)\)</span>", html
    )
    return int(match.group(1)) if match else None


@pytest.fixture
def shelf(library_ru, regions, topics):
    """Five items across themes, types, regions and years."""
    return {
        "patent": CaseStudyPageFactory(
            parent=library_ru,
            title="Патент за год",
            topics=[topics["ipr"]],
            region=regions["moscow"],
            publication_date=datetime.date(2006, 11, 16),
        ),
        "brand": ArticlePageFactory(
            parent=library_ru,
            title="Бренд для технологии",
            topics=[topics["innovation-marketing"]],
            region=regions["moscow"],
            publication_date=datetime.date(2007, 2, 1),
        ),
        "quality": CaseStudyPageFactory(
            parent=library_ru,
            title="Качество на Урале",
            topics=[topics["quality-management"], topics["ipr"]],
            region=regions["ekaterinburg"],
            publication_date=datetime.date(2007, 3, 1),
        ),
        "advice": ArticlePageFactory(
            parent=library_ru,
            title="Совет о лицензиях",
            topics=[topics["ipr"]],
            item_type=ItemType.EXPERT_ADVICE,
            region=regions["ekaterinburg"],
            publication_date=datetime.date(2007, 5, 1),
        ),
        "report": ArticlePageFactory(
            parent=library_ru,
            title="Отчёт о встрече",
            item_type=ItemType.REPORT,
            publication_date=datetime.date(2007, 6, 1),
        ),
    }


@pytest.mark.django_db
def test_items_are_listed_newest_first(client, library_ru, shelf):
    html = client.get(library_ru.url).text

    assert titles(html) == [
        "Отчёт о встрече",
        "Совет о лицензиях",
        "Качество на Урале",
        "Бренд для технологии",
        "Патент за год",
    ]
    assert "5 материалов" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("theme=ipr", ["Совет о лицензиях", "Качество на Урале", "Патент за год"]),
        ("type=case_study", ["Качество на Урале", "Патент за год"]),
        ("type=expert_advice", ["Совет о лицензиях"]),
        ("region=ekaterinburg", ["Совет о лицензиях", "Качество на Урале"]),
        ("year=2006", ["Патент за год"]),
        ("theme=ipr&type=case_study&region=ekaterinburg", ["Качество на Урале"]),
        ("theme=ipr&year=2007&type=article", []),
    ],
)
def test_filters_combine(client, library_ru, shelf, query, expected):
    html = client.get(f"{library_ru.url}?{query}").text

    assert titles(html) == expected
    assert '<meta name="robots" content="noindex, follow">' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "theme=nonsense",
        "type=<script>",
        "region=atlantis",
        "year=abc",
        "year=1812",
        "page=abc",
        "theme=&type=&year=",
        "theme=ipr%00",
        "foo=bar",
    ],
)
def test_garbage_filter_values_are_ignored(client, library_ru, shelf, query):
    response = client.get(f"{library_ru.url}?{query}")

    assert response.status_code == 200
    assert len(titles(response.text)) == 5
    assert "<script>" not in response.text


@pytest.mark.django_db
def test_filters_survive_pagination_and_past_the_end_is_the_last_page(
    client, library_ru, regions, topics
):
    for number in range(ITEMS_PER_PAGE + 3):
        CaseStudyPageFactory(parent=library_ru, title=f"ПИС {number:02d}", topics=[topics["ipr"]])
    for number in range(4):
        CaseStudyPageFactory(
            parent=library_ru, title=f"Маркетинг {number}", topics=[topics["innovation-marketing"]]
        )

    first = client.get(f"{library_ru.url}?theme=ipr").text
    second = client.get(f"{library_ru.url}?theme=ipr&page=2").text
    past_the_end = client.get(f"{library_ru.url}?theme=ipr&page=99")

    assert len(titles(first)) == ITEMS_PER_PAGE
    assert 'href="?theme=ipr&amp;page=2"' in first
    assert titles(second) == ["ПИС 02", "ПИС 01", "ПИС 00"]
    assert 'href="?theme=ipr&amp;page=1"' in second
    assert "Страница 2 из 2" in second
    assert past_the_end.status_code == 200
    assert titles(past_the_end.text) == titles(second)


@pytest.mark.django_db
def test_theme_counts_count_live_public_items_of_the_language(
    client, library_ru, shelf, regions, topics
):
    draft = CaseStudyPageFactory(parent=library_ru, title="Черновик", topics=[topics["ipr"]])
    draft.unpublish()
    private = CaseStudyPageFactory(parent=library_ru, title="Для своих", topics=[topics["ipr"]])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    html = client.get(library_ru.url).text

    assert theme_count(html, "Права интеллектуальной собственности") == 3
    assert theme_count(html, "Маркетинг инноваций") == 1
    assert theme_count(html, "Управление качеством") == 1
    assert "Черновик" not in html and "Для своих" not in html


@pytest.mark.django_db
def test_english_counts_include_only_english_items(client, library_ru, library_en, shelf):
    translate(shelf["patent"], title="A patent in a year")

    english = client.get(library_en.url).text

    assert titles(english) == ["A patent in a year"]
    assert theme_count(english, "Intellectual property rights") == 1
    assert theme_count(english, "Innovation marketing") == 0
    assert theme_count(english, "Quality management") == 0


@pytest.mark.django_db
def test_a_theme_page_lists_its_items_with_its_description(client, library_ru, shelf):
    response = client.get(f"{library_ru.url}topic/ipr/")

    assert response.status_code == 200
    assert "<h1>Права интеллектуальной собственности</h1>" in response.text
    assert "Всё о теме «Права интеллектуальной собственности»." in response.text
    assert titles(response.text) == ["Совет о лицензиях", "Качество на Урале", "Патент за год"]
    # The other filters still apply on a theme page.
    filtered = client.get(f"{library_ru.url}topic/ipr/?type=case_study&region=moscow").text
    assert titles(filtered) == ["Патент за год"]


@pytest.mark.django_db
def test_an_unknown_theme_is_not_found(client, library_ru, shelf):
    assert client.get(f"{library_ru.url}topic/atlantis/").status_code == 404
    assert client.get(f"{library_ru.url}topic/ipr/nothing/").status_code == 404


@pytest.mark.django_db
def test_sidebar_follows_publishing_at_once(client, library_ru, shelf, regions, topics):
    assert theme_count(client.get(library_ru.url).text, "Маркетинг инноваций") == 1

    CaseStudyPageFactory(
        parent=library_ru, title="Новый маркетинг", topics=[topics["innovation-marketing"]]
    )
    shelf["brand"].unpublish()

    html = client.get(library_ru.url).text
    assert theme_count(html, "Маркетинг инноваций") == 1
    assert "Новый маркетинг" in html and "Бренд для технологии" not in html


@pytest.mark.django_db
def test_items_past_their_expiry_date_are_neither_listed_nor_counted(
    client, library_ru, shelf, topics
):
    expired = CaseStudyPageFactory(
        parent=library_ru, title="Устаревший кейс", topics=[topics["ipr"]]
    )
    expired.expire_at = timezone.now() - datetime.timedelta(hours=1)
    expired.save()

    html = client.get(library_ru.url).text
    feed = client.get(f"{library_ru.url}feed/").text

    assert "Устаревший кейс" not in html and "Устаревший кейс" not in feed
    assert theme_count(html, "Права интеллектуальной собственности") == 3


def item_count(html):
    match = re.search(r'<p class="result-count" role="status"[^>]*>(\d+) ', html)
    return int(match.group(1)) if match else None


@pytest.mark.django_db
def test_the_number_of_items_follows_publishing_on_the_index_and_theme_pages(
    client, library_ru, shelf, topics
):
    theme_url = f"{library_ru.url}topic/ipr/"
    assert item_count(client.get(library_ru.url).text) == 5
    assert item_count(client.get(theme_url).text) == 3

    CaseStudyPageFactory(parent=library_ru, title="Новый патент", topics=[topics["ipr"]])
    shelf["brand"].unpublish()

    assert item_count(client.get(library_ru.url).text) == 5
    assert item_count(client.get(theme_url).text) == 4
    assert item_count(client.get(f"{theme_url}?type=case_study").text) == 3
