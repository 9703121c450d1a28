"""Facets: type, theme, region and year, with counts that combine with the
query and with each other, found by introspection of any page model."""

import datetime

import pytest
from django.db import models
from django.test.utils import isolate_apps
from django.utils import timezone, translation
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from modelsearch import index

from home.models import Region, StandardPage, Topic
from search.facets import (
    date_field_name,
    facet_values,
    region_field_name,
    topics_field_name,
)
from tests.factories import translate


def published_in(page, year):
    """Move a page's first publication to `year` and index it again."""
    page.first_published_at = timezone.make_aware(datetime.datetime(year, 6, 1, 12))
    page.save()
    index.insert_or_update_object(page)


def facet(response, name):
    groups = {group.name: group for group in response.context["outcome"].facets}
    if name not in groups:
        return {}
    return {option.value: option.count for option in groups[name].options}


@pytest.fixture
def library(make_page, regions):
    pages = [
        make_page("a", "Инновации в Москве", region=regions["moscow"]),
        make_page("b", "Инновации в Москве-2", region=regions["moscow"]),
        make_page("c", "Инновации на Урале", region=regions["ekaterinburg"]),
        make_page("d", "Инновации без региона"),
    ]
    for page, year in zip(pages, [2006, 2007, 2006, 2006], strict=True):
        published_in(page, year)
    return pages


@pytest.mark.django_db
def test_facets_count_the_results_of_the_query(client, library, make_page):
    make_page("other", "Маркетинг", region=library[0].region)

    response = client.get("/ru/search/", {"q": "инновации"})

    assert facet(response, "type") == {"home.standardpage": 4}
    assert facet(response, "region") == {"moscow": 2, "ekaterinburg": 1}
    assert facet(response, "year") == {"2006": 3, "2007": 1}
    assert "Москва" in response.text and "Екатеринбург" in response.text


@pytest.mark.django_db
def test_facets_combine_with_the_query_and_each_other(client, library):
    response = client.get("/ru/search/", {"q": "инновации", "region": "moscow", "year": "2006"})

    assert response.context["outcome"].count == 1
    assert [item.url for item in response.context["outcome"].items] == ["/ru/a/"]
    # An active facet counts as if its own choice were not made ...
    assert facet(response, "region") == {"moscow": 1, "ekaterinburg": 1}
    assert facet(response, "year") == {"2006": 1, "2007": 1}
    # ... and the others count within both choices.
    assert facet(response, "type") == {"home.standardpage": 1}


@pytest.mark.django_db
def test_facet_links_keep_the_query_and_the_other_facets(client, library):
    response = client.get("/ru/search/", {"q": "инновации", "region": "moscow"})

    assert (
        'href="?q=%D0%B8%D0%BD%D0%BD%D0%BE%D0%B2%D0%B0%D1%86%D0%B8%D0%B8&amp;region=moscow&amp;year=2007"'
        in response.text
    )
    # the chosen region links back to all regions
    assert (
        'href="?q=%D0%B8%D0%BD%D0%BD%D0%BE%D0%B2%D0%B0%D1%86%D0%B8%D0%B8" aria-current="true"'
        in response.text
    )


@pytest.mark.django_db
def test_unknown_facet_values_give_an_empty_result_and_bad_ones_are_ignored(client, library):
    unknown = client.get("/ru/search/", {"q": "инновации", "region": "atlantis"})
    bad = client.get("/ru/search/", {"q": "инновации", "region": "'; DROP", "year": "20x6"})

    assert unknown.status_code == bad.status_code == 200
    assert unknown.context["outcome"].count == 0
    assert bad.context["outcome"].count == 4


@pytest.mark.django_db
def test_results_show_type_region_date_and_marked_words(client, library):
    response = client.get("/ru/search/", {"q": "инновации", "region": "ekaterinburg"})

    item = response.context["outcome"].items[0]
    with translation.override("ru"):
        assert item.type_label == str(StandardPage._meta.verbose_name).capitalize()
    assert item.region == "Екатеринбург"
    assert item.date == datetime.date(2006, 6, 1)
    assert "<mark>Инновации</mark> на Урале" in response.text
    assert "1 июня 2006" in response.text


@pytest.mark.django_db
def test_theme_and_region_names_follow_the_language(client, library, regions, home_en):
    translate(library[2], title="Innovation in the Urals")

    response = client.get("/en/search/", {"q": "innovation"})

    assert facet(response, "region") == {"ekaterinburg": 1}
    assert "Ekaterinburg" in response.text


@pytest.mark.django_db
@isolate_apps("search")
def test_introspection_finds_topics_region_and_a_date_field(topics, regions):
    class TrainingPage(ClusterableModel):
        first_published_at = models.DateTimeField(null=True)
        title_date = models.DateField(null=True)
        start = models.DateTimeField()
        topics = ParentalManyToManyField(Topic)
        region = models.ForeignKey(Region, null=True, on_delete=models.SET_NULL)

        class Meta:
            app_label = "search"

    assert topics_field_name(TrainingPage) == "topics"
    assert region_field_name(TrainingPage) == "region"
    assert date_field_name(TrainingPage) == "start"  # a known name wins over "…date"

    page = TrainingPage(
        start=timezone.make_aware(datetime.datetime(2006, 12, 7, 10)),
        first_published_at=timezone.now(),
        region=regions["ekaterinburg"],
    )
    # (Reading the topics of an instance needs the model's tables; the
    # inline and declared cases below read theirs.)
    assert ("region", "ekaterinburg") in facet_values(page)
    assert ("year", "2006") in facet_values(page)


@pytest.mark.django_db
@isolate_apps("search")
def test_introspection_follows_an_inline_model_to_topics(topics):
    class CaseStudyPage(ClusterableModel):
        first_published_at = models.DateTimeField(null=True)
        publication_date = models.DateField()

        class Meta:
            app_label = "search"

    class CaseStudyTopic(models.Model):
        page = ParentalKey(CaseStudyPage, related_name="topic_links")
        topic = models.ForeignKey(Topic, on_delete=models.CASCADE)

        class Meta:
            app_label = "search"

    page = CaseStudyPage(publication_date=datetime.date(2007, 3, 1))
    page.topic_links = [CaseStudyTopic(topic=topics["innovation-marketing"])]

    assert facet_values(page) == [
        ("type", "search.casestudypage"),
        ("theme", "innovation-marketing"),
        ("year", "2007"),
    ]


@pytest.mark.django_db
@isolate_apps("search")
def test_declared_fields_override_introspection(topics, regions):
    class NewsPage(ClusterableModel):
        search_date_field = "event_day"
        search_topics_field = "main_topics"
        search_region_field = None  # no region facet, although there is a foreign key

        first_published_at = models.DateTimeField(null=True)
        date = models.DateField()
        event_day = models.DateField()
        other_topics = ParentalManyToManyField(Topic, related_name="+")
        region = models.ForeignKey(Region, null=True, on_delete=models.SET_NULL)

        class Meta:
            app_label = "search"

        def main_topics(self):
            return [topics["ipr"]]

    page = NewsPage(
        date=datetime.date(2006, 11, 16),
        event_day=datetime.date(2008, 1, 1),
        region=regions["moscow"],
    )

    assert facet_values(page) == [("type", "search.newspage"), ("theme", "ipr"), ("year", "2008")]


@pytest.mark.django_db
def test_a_page_without_date_field_uses_its_first_publication(make_page):
    page = make_page("p", "Страница")

    assert ("year", str(timezone.localtime(page.first_published_at).year)) in facet_values(
        StandardPage.objects.get(pk=page.pk)
    )
