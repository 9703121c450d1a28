"""The library index, a theme page, a case study and the feed render in a
number of SQL queries that does not grow with the number of items, themes,
documents or comments, and stays within the portal's budget of 15 for an
anonymous visitor."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from home.models import SiteSettings
from tests.factories import (
    ArticlePageFactory,
    CaseStudyPageFactory,
    CommentFactory,
    MemberFactory,
    TopicFactory,
)
from tests.helpers import warm_queries

BUDGET = 15


def fill_library(library, regions, topics, site, size):
    """`size` items, each with a lead image, themes and a region; extra
    themes; and on the first case study `size` documents and comments in
    threads."""
    SiteSettings.for_site(site)  # made once, as on a running site
    for number in range(size):
        TopicFactory(slug=f"extra-{size}-{number}", name=f"Тема {number}")
    images = [
        get_image_model().objects.create(title=f"Фото {n}", file=get_test_image_file())
        for n in range(min(size, 12))
    ]
    documents = [
        get_document_model().objects.create(
            title=f"Отчёт {n}", file=ContentFile(b"%PDF-1.4", name=f"report-{n}.pdf")
        )
        for n in range(size)
    ]
    items = [
        (CaseStudyPageFactory if number % 2 else ArticlePageFactory)(
            parent=library,
            topics=[topics["ipr"], topics["quality-management"]] if number % 3 else [topics["ipr"]],
            region=regions["moscow"] if number % 2 else regions["ekaterinburg"],
            lead_image=images[number % len(images)],
        )
        for number in range(size)
    ]
    case_study = items[1]
    case_study.documents = [("document", {"document": d, "title": ""}) for d in documents]
    case_study.save_revision().publish()
    add_comments(case_study, size)
    return case_study


def add_comments(page, size):
    users = [MemberFactory(username=f"member-{page.pk}-{n}") for n in range(3)]
    parent = None
    for number in range(size):
        comment = CommentFactory(
            page=page,
            user=users[number % 3],
            comment=f"Комментарий {number}",
            parent=parent if number % 3 else None,
        )
        parent = comment if number % 3 == 0 else parent


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["", "topic/ipr/", "?theme=ipr&type=case_study&page=2", "feed/"])
def test_library_listings_stay_within_budget(client, library_ru, regions, topics, site, path):
    fill_library(library_ru, regions, topics, site, 5)
    small = len(warm_queries(client, f"{library_ru.url}{path}"))

    fill_library(library_ru, regions, topics, site, 50)
    large = len(warm_queries(client, f"{library_ru.url}{path}"))

    assert small <= BUDGET
    assert large == small


@pytest.mark.django_db
def test_a_case_study_stays_within_budget(client, library_ru, regions, topics, site):
    small_page = fill_library(library_ru, regions, topics, site, 5)
    small = len(warm_queries(client, small_page.url))

    large_page = fill_library(library_ru, regions, topics, site, 50)
    large = len(warm_queries(client, large_page.url))

    assert "Отчёт 49" in client.get(large_page.url).text
    assert "Комментарий 49" in client.get(large_page.url).text
    assert small <= BUDGET
    assert large == small


@pytest.mark.django_db
def test_a_members_view_of_a_case_study_does_not_grow(
    client, library_ru, regions, topics, site, anna
):
    client.force_login(anna)
    small_page = fill_library(library_ru, regions, topics, site, 5)
    small = len(warm_queries(client, small_page.url))

    large_page = fill_library(library_ru, regions, topics, site, 50)
    large = len(warm_queries(client, large_page.url))

    assert large == small


@pytest.mark.django_db
def test_the_home_page_section_keeps_the_home_page_within_budget(
    client, library_ru, regions, topics, site
):
    fill_library(library_ru, regions, topics, site, 5)
    small = len(warm_queries(client, "/ru/"))

    fill_library(library_ru, regions, topics, site, 50)
    large = len(warm_queries(client, "/ru/"))

    assert "Что нового" in client.get("/ru/").text
    assert small <= BUDGET
    assert large == small
