"""Fixtures of the library tests: themes and regions in both languages, the
Russian and English library, and a factory for items."""

import datetime
import itertools

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from home.demo import child_page, translate
from home.models import Region, Topic
from library.models import ArticlePage, CaseStudyPage, ItemType, LibraryIndexPage

THEMES = [
    ("ipr", "Права интеллектуальной собственности", "ПИС", "Intellectual property rights", "IPR"),
    ("innovation-marketing", "Маркетинг инноваций", "", "Innovation marketing", ""),
    ("quality-management", "Управление качеством", "", "Quality management", ""),
]
REGIONS = [
    ("moscow", "Москва", "Moscow", "Europe/Moscow"),
    ("ekaterinburg", "Екатеринбург", "Ekaterinburg", "Asia/Yekaterinburg"),
]


@pytest.fixture
def topics(locale_ru, locale_en):
    """{slug: Russian topic}; each has an English translation."""
    result = {}
    for order, (slug, name_ru, short_ru, name_en, short_en) in enumerate(THEMES):
        topic = Topic.objects.create(
            locale=locale_ru,
            slug=slug,
            name=name_ru,
            short_name=short_ru,
            sort_order=order,
            description=f"Всё о теме «{name_ru}».",
        )
        translate(
            topic,
            "en",
            {name_ru: name_en, short_ru: short_en, topic.description: f"All about {name_en}."},
        )
        result[slug] = topic
    return result


@pytest.fixture
def regions(locale_ru, locale_en):
    result = {}
    for order, (slug, name_ru, name_en, time_zone) in enumerate(REGIONS):
        region = Region.objects.create(
            locale=locale_ru, slug=slug, name=name_ru, time_zone=time_zone, sort_order=order
        )
        translate(region, "en", {name_ru: name_en})
        result[slug] = region
    return result


@pytest.fixture
def library_ru(home_ru):
    return child_page(
        home_ru,
        LibraryIndexPage,
        "library",
        title="Библиотека",
        intro="Кейсы, статьи и советы экспертов.",
        show_in_menus=True,
    )


@pytest.fixture
def library_en(library_ru, home_en):
    return translate(
        library_ru,
        "en",
        {
            "Библиотека": "Library",
            "Кейсы, статьи и советы экспертов.": "Case studies and articles.",
        },
    )


_numbers = itertools.count(1)


@pytest.fixture
def make_item(topics, regions):
    """make_item(library, kind="case_study"|"article", ...) -> a live page."""

    def make(
        library, kind="case_study", *, title=None, topics_=(), region=None, date=None, **fields
    ):
        number = next(_numbers)
        cls = CaseStudyPage if kind == "case_study" else ArticlePage
        defaults = {
            "title": title or f"Материал {number}",
            "summary": f"Краткое содержание материала {number}.",
            "publication_date": date or datetime.date(2007, 1, 1) + datetime.timedelta(days=number),
            "authors": "Анна Смирнова",
            "region": regions[region] if region else None,
            "topics": [topics[slug] for slug in topics_],
        }
        if cls is CaseStudyPage:
            defaults["company_name"] = f"Компания {number}"
            defaults["situation"] = [("paragraph", "<p>Ситуация компании.</p>")]
        else:
            defaults["item_type"] = fields.pop("item_type", ItemType.ARTICLE)
            defaults["body"] = [("paragraph", "<p>Текст статьи.</p>")]
        defaults.update(fields)
        return child_page(library, cls, f"item-{number}", **defaults)

    return make


@pytest.fixture
def member(db):
    return get_user_model().objects.create_user(
        "reader",
        "reader@company.example",
        "pw-reader-12345",
        first_name="Ирина",
        last_name="Волкова",
    )


@pytest.fixture
def other_member(db):
    return get_user_model().objects.create_user(
        "writer", "writer@company.example", "pw-writer-12345", first_name="Олег", last_name="Носов"
    )


@pytest.fixture
def moderator(db):
    user = get_user_model().objects.create_user(
        "moderator", "moderator@rusmeco.example", "pw-moderator-12345"
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user
