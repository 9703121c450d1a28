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
from home.models import FormField, FormPage, HomePage, SiteSettings, StandardPage


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
