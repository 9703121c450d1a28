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
from tests.helpers import logged_in, warm_queries

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


LISTING_PATHS = ["", "topic/ipr/", "?theme=ipr&type=case_study&page=2", "feed/"]


def measure(visitor, member, library, case_study):
    """{what: queries} of every page these tests measure: the listings, a
    case study (for a visitor and for a member) and the home page."""
    counts = {path: len(warm_queries(visitor, f"{library.url}{path}")) for path in LISTING_PATHS}
    counts["case study"] = len(warm_queries(visitor, case_study.url))
    counts["home page"] = len(warm_queries(visitor, "/ru/"))
    counts["case study, member"] = len(warm_queries(member, case_study.url))
    return counts


# Every page is measured on the same content, small and then ten times
# larger: building the fifty-five illustrated items is the slow part.


@pytest.mark.django_db
def test_library_pages_stay_within_budget_as_the_library_grows(
    client, library_ru, regions, topics, site, anna
):
    member = logged_in(anna)
    small_page = fill_library(library_ru, regions, topics, site, 5)
    small = measure(client, member, library_ru, small_page)

    large_page = fill_library(library_ru, regions, topics, site, 50)
    large = measure(client, member, library_ru, large_page)

    page = client.get(large_page.url).text
    assert "Отчёт 49" in page
    assert "Комментарий 49" in page
    assert "Что нового" in client.get("/ru/").text
    # A member's page also loads their session and account: only its growth counts.
    assert {what: n for what, n in small.items() if n > BUDGET and "member" not in what} == {}
    assert large == small
