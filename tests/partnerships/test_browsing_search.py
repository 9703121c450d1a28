"""Listings in the portal search (database backend): found by their words
in the language searched, counted in the type facet as partnership
listings with their themes and region, and never when expired,
unpublished, a draft, or of a company that is gone."""

import datetime

import pytest
from django.utils import timezone
from modelsearch import index

from home.demo import child_page
from home.models import StandardPage
from tests.factories import ListingPageFactory, translate

pytestmark = pytest.mark.django_db

WORD = "виброизоляция"
TYPE = "partnerships.listingpage"


def found(response):
    return [item.url for item in response.context["outcome"].items]


def facet(response, name):
    groups = {group.name: group for group in response.context["outcome"].facets}
    if name not in groups:
        return {}
    return {option.value: (option.label, option.count) for option in groups[name].options}


@pytest.fixture
def shown(partners_ru, topics, regions):
    return ListingPageFactory(
        parent=partners_ru,
        title=f"Предлагаем {WORD} станков",
        summary="Демпферы для станков с ЧПУ.",
        sought="Производители станков.",
        topics=[topics["ipr"]],
        region=regions["ekaterinburg"],
    )


def test_a_listing_is_found_with_its_type_theme_and_region(client, shown):
    response = client.get("/ru/search/", {"q": WORD})
    assert found(response) == [shown.url]
    item = response.context["outcome"].items[0]
    assert item.type_label == "Объявление о партнёрстве"
    assert item.themes == ["Права интеллектуальной собственности"]
    assert item.region == "Екатеринбург"
    assert facet(response, "type") == {TYPE: ("Объявление о партнёрстве", 1)}
    assert facet(response, "theme") == {"ipr": ("Права интеллектуальной собственности", 1)}


def test_a_listing_is_found_by_what_it_seeks(client, shown):
    assert found(client.get("/ru/search/", {"q": "производители"})) == [shown.url]


def test_the_type_facet_narrows_to_listings(client, shown, home_ru):
    child_page(home_ru, StandardPage, "about-vibration", title=f"Статья: {WORD}", intro="")
    both = client.get("/ru/search/", {"q": WORD})
    assert len(found(both)) == 2
    narrowed = client.get("/ru/search/", {"q": WORD, "type": TYPE})
    assert found(narrowed) == [shown.url]


def test_each_language_finds_its_own_version(client, partners_en, shown):
    english = translate(
        shown, title="Vibration damping for machine tools", summary="Dampers for CNC machines."
    )
    response = client.get("/en/search/", {"q": "vibration damping"})
    assert found(response) == [english.url]
    assert response.context["outcome"].items[0].type_label == "Partnership listing"
    assert facet(response, "type") == {TYPE: ("Partnership listing", 1)}
    assert found(client.get("/ru/search/", {"q": WORD})) == [shown.url]
    assert found(client.get("/en/search/", {"q": WORD})) == []


def test_an_expired_listing_is_never_found(client, shown):
    shown.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    shown.save()
    index.insert_or_update_object(shown)
    response = client.get("/ru/search/", {"q": WORD})
    assert found(response) == []
    assert facet(response, "type") == {}


def test_unpublished_and_draft_listings_are_never_found(client, partners_ru, shown):
    shown.unpublish()
    ListingPageFactory(parent=partners_ru, title=f"Черновик: {WORD}", live=False)
    response = client.get("/ru/search/", {"q": WORD})
    assert found(response) == []
    assert response.context["outcome"].count == 0


def test_autocomplete_offers_open_listings_only(client, partners_ru, shown):
    expired = ListingPageFactory(parent=partners_ru, title=f"{WORD} старая")
    expired.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    expired.save()
    results = client.get("/ru/search/suggest/", {"q": WORD[:6]}).json()["results"]
    assert results == [{"title": shown.title, "url": shown.url}]
