"""Shared fixtures: the bilingual page tree a test needs, built small.

The migrations already give the Russian home page (the default site's root)
and the English locale; `home_en` translates the home page with
wagtail-localize, as a coordinator would.
"""

import pytest
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale, Site

from home.demo import child_page, translate
from home.models import FormField, FormPage, HomePage, Region, SiteSettings, StandardPage, Topic


@pytest.fixture(autouse=True)
def _clean_state():
    cache.clear()
    yield
    translation.activate("ru")


@pytest.fixture
def locale_ru(db):
    return Locale.objects.get(language_code="ru")


@pytest.fixture
def locale_en(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_ru(site):
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    home.intro = "Сообщество инновационных компаний."
    home.save_revision().publish()
    return home


@pytest.fixture
def home_en(home_ru, locale_en):
    return translate(
        home_ru,
        "en",
        {
            home_ru.title: "RUSMECO home",
            home_ru.intro: "A community of innovative companies.",
        },
    )


@pytest.fixture
def about_ru(home_ru):
    return child_page(
        home_ru,
        StandardPage,
        "about",
        title="О проекте",
        intro="Сообщество практики.",
        show_in_menus=True,
    )


@pytest.fixture
def about_en(about_ru, home_en):
    return translate(
        about_ru, "en", {"О проекте": "About the project", "Сообщество практики.": "A CoP."}
    )


@pytest.fixture
def contact_ru(home_ru, site):
    page = child_page(
        home_ru,
        FormPage,
        "contact",
        title="Контакты",
        subject="Сообщение с портала",
        form_fields=[
            FormField(label="Имя", field_type="singleline", required=True, sort_order=0),
            FormField(label="Почта", field_type="email", required=True, sort_order=1),
            FormField(label="Сообщение", field_type="multiline", required=True, sort_order=2),
        ],
    )
    settings = SiteSettings.for_site(site)
    settings.contact_email = "office@rusmeco.example"
    settings.contact_page = page
    settings.save()
    return page


@pytest.fixture
def contact_en(contact_ru, home_en):
    return translate(
        contact_ru,
        "en",
        {"Контакты": "Contact", "Имя": "Name", "Почта": "E-mail", "Сообщение": "Message"},
    )


REGIONS = [
    ("moscow", "Москва", "Moscow", "Europe/Moscow"),
    ("st-petersburg", "Санкт-Петербург", "St Petersburg", "Europe/Moscow"),
    ("ekaterinburg", "Екатеринбург", "Ekaterinburg", "Asia/Yekaterinburg"),
]
TOPICS = [
    ("ipr", "Права интеллектуальной собственности", "Intellectual property rights"),
    ("quality-management", "Управление качеством", "Quality management"),
    ("knowledge-management", "Управление знаниями", "Knowledge management"),
]


@pytest.fixture
def regions(locale_ru, locale_en):
    """The three founding regions, {slug: Russian region}, each translated
    into English. (The library and search tests use smaller sets.)"""
    found = {}
    for order, (slug, name_ru, name_en, zone) in enumerate(REGIONS):
        region = Region.objects.create(
            locale=locale_ru, slug=slug, name=name_ru, time_zone=zone, sort_order=order
        )
        translate(region, "en", {name_ru: name_en})
        found[slug] = region
    return found


@pytest.fixture
def topics(locale_ru, locale_en):
    """Three themes, {slug: Russian topic}, each translated into English."""
    found = {}
    for order, (slug, name_ru, name_en) in enumerate(TOPICS):
        topic = Topic.objects.create(locale=locale_ru, slug=slug, name=name_ru, sort_order=order)
        translate(topic, "en", {name_ru: name_en})
        found[slug] = topic
    return found
