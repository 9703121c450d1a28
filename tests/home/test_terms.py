"""Themes and regions are shown in the language of the page that shows them,
and an untranslated term in its own."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from home.models import Region, Topic
from home.terms import in_order, terms_of_language, terms_of_locale


@pytest.fixture
def untranslated(locale_ru):
    """A theme and a region that exist in Russian only."""
    return (
        Topic.objects.create(locale=locale_ru, slug="export", name="Экспорт", sort_order=9),
        Region.objects.create(locale=locale_ru, slug="kazan", name="Казань", sort_order=9),
    )


@pytest.mark.django_db
def test_a_term_shows_in_the_language_of_the_page(regions, topics, locale_en):
    terms = terms_of_locale(locale_en.pk)

    assert terms.localized(topics["ipr"]).name == "Intellectual property rights"
    assert terms.localized(regions["moscow"]).name == "Moscow"
    assert terms.localized(None) is None


@pytest.mark.django_db
def test_an_untranslated_term_shows_in_its_own_language(topics, untranslated, locale_en):
    topic, region = untranslated
    terms = terms_of_locale(locale_en.pk)

    assert terms.localized(topic) == topic
    assert terms.localized(region).name == "Казань"
    assert terms.topic("export").name == "Экспорт"
    assert terms.region("kazan").name == "Казань"


@pytest.mark.django_db
def test_a_language_lists_only_its_own_terms_in_their_order(regions, topics, untranslated):
    with translation.override("en"):
        terms = terms_of_language()

    assert [region.name for region in terms.regions] == ["Moscow", "St Petersburg", "Ekaterinburg"]
    assert [topic.name for topic in terms.topics] == [
        "Intellectual property rights",
        "Innovation marketing",
        "Quality management",
        "Knowledge management",
    ]
    assert {term.locale.language_code for term in terms.regions + terms.topics} == {"en"}


@pytest.mark.django_db
def test_terms_are_found_by_slug(regions, topics, locale_ru):
    terms = terms_of_locale(locale_ru.pk)

    assert terms.topic("ipr").name == "Права интеллектуальной собственности"
    assert terms.region("ekaterinburg").time_zone == "Asia/Yekaterinburg"
    assert terms.topic("no-such-theme") is None
    assert terms.region("ipr") is None


@pytest.mark.django_db
def test_terms_are_sorted_by_sort_order_then_name(locale_ru):
    for slug, name, order in [("b", "Бета", 1), ("c", "Альфа", 1), ("a", "Яблоко", 0)]:
        Topic.objects.create(locale=locale_ru, slug=slug, name=name, sort_order=order)
    terms = terms_of_locale(locale_ru.pk)

    assert [topic.name for topic in terms.topics] == ["Яблоко", "Альфа", "Бета"]
    newest_first = terms.localized_all(Topic.objects.order_by("-pk"))
    assert [topic.name for topic in newest_first] == ["Яблоко", "Альфа", "Бета"]
    assert in_order(reversed(terms.topics)) == terms.topics


@pytest.mark.django_db
def test_a_region_is_read_from_the_terms_without_a_query(regions, locale_en):
    from community.models import Company

    company = Company(name="Компания", slug="kompaniya", region_id=regions["moscow"].pk)
    terms = terms_of_locale(locale_en.pk)

    with CaptureQueriesContext(connection) as queries:
        local_region = terms.region_of(company)
        time_zone = company.region.tzinfo

    assert local_region.name == "Moscow"
    assert company.region.name == "Москва"
    assert str(time_zone) == "Europe/Moscow"
    assert len(queries) == 0
    assert terms.region_of(Company(name="Без региона")) is None


@pytest.mark.django_db
def test_terms_cost_one_query_then_none_until_a_term_changes(regions, topics, locale_en):
    with CaptureQueriesContext(connection) as cold:
        terms_of_locale(locale_en.pk)
    with CaptureQueriesContext(connection) as warm:
        terms_of_locale(locale_en.pk)
        with translation.override("ru"):
            terms_of_language()

    assert (len(cold), len(warm)) == (1, 0)

    english = Topic.objects.get(locale=locale_en, slug="ipr")
    english.name = "IP rights"
    english.save()
    assert terms_of_locale(locale_en.pk).topic("ipr").name == "IP rights"

    Region.objects.get(locale=locale_en, slug="moscow").delete()
    assert terms_of_locale(locale_en.pk).region("moscow").name == "Москва"
