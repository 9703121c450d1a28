"""Fixtures for the search tests: pages with searchable text, built small."""

import pytest
from wagtail.models import Locale

from home.demo import child_page, translate
from home.models import Region, StandardPage, Topic


@pytest.fixture
def make_page(home_ru):
    """make_page(slug, title, intro="", parent=home_ru, **fields): a live
    StandardPage, indexed as Wagtail indexes it on publish."""

    def make(slug, title, intro="", parent=None, **fields):
        return child_page(parent or home_ru, StandardPage, slug, title=title, intro=intro, **fields)

    return make


@pytest.fixture
def regions(locale_ru):
    moscow = Region.objects.create(locale=locale_ru, name="Москва", slug="moscow", sort_order=1)
    ural = Region.objects.create(
        locale=locale_ru,
        name="Екатеринбург",
        slug="ekaterinburg",
        time_zone="Asia/Yekaterinburg",
        sort_order=3,
    )
    return {"moscow": moscow, "ekaterinburg": ural}


@pytest.fixture
def regions_en(regions, locale_en):
    return {
        slug: translate(region, "en", {region.name: name})
        for (slug, region), name in zip(regions.items(), ["Moscow", "Ekaterinburg"], strict=True)
    }


@pytest.fixture
def topics(locale_ru):
    ipr = Topic.objects.create(
        locale=locale_ru, name="Права интеллектуальной собственности", slug="ipr", sort_order=2
    )
    marketing = Topic.objects.create(
        locale=locale_ru, name="Маркетинг инноваций", slug="marketing", sort_order=3
    )
    return {"ipr": ipr, "marketing": marketing}


@pytest.fixture
def english(locale_en):
    return Locale.objects.get(language_code="en")
