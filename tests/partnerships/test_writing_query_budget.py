"""A manager's listings page (`mine/`) and the writing form stay within
the portal's budget of 15 queries, the same with 10 listings as with 100,
whatever their states (published, waiting for review, expired) and
languages."""

import datetime

import pytest
from django.utils import timezone

from partnerships.models import ListingPage
from tests.factories import CompanyFactory, ListingPageFactory, translate
from tests.helpers import logged_in, warm_queries

BUDGET = 15

pytestmark = pytest.mark.django_db


def add_listings(parent, companies, count, start):
    now = timezone.now()
    for number in range(start, start + count):
        listing = ListingPage(
            title=f"Объявление {number}",
            slug=f"listing-bulk-{number}",
            locale=parent.locale,
            company=companies[number % len(companies)],
            listing_type="technology_request" if number % 2 else "technology_offer",
            summary="Кратко.",
            description="Подробно.",
            sought="Партнёр.",
            sector="software",
            stage="idea",
            region_id=parent_region(parent),
            live=number % 3 != 0,
            expired=number % 5 == 0,
            expire_at=now + datetime.timedelta(days=-1 if number % 5 == 0 else 100),
        )
        parent.add_child(instance=listing)


def parent_region(parent):
    from home.models import Region

    return Region.objects.get(locale=parent.locale, slug="moscow").pk


def test_my_listings_page_is_flat(partners_ru, partners_en, anna, staff):
    companies = [CompanyFactory(manager=anna), CompanyFactory(manager=anna)]
    waiting = ListingPageFactory(parent=partners_ru, company=companies[0], live=False)
    waiting.get_workflow().start(waiting, anna)
    translate(ListingPageFactory(parent=partners_ru, company=companies[1]), title="In English")
    add_listings(partners_ru, companies, 8, 0)
    client = logged_in(anna)

    small = warm_queries(client, "/ru/partners/mine/", warm_ups=2)
    add_listings(partners_ru, companies, 90, 100)
    large = warm_queries(client, "/ru/partners/mine/", warm_ups=2)
    english = warm_queries(client, "/en/partners/mine/", warm_ups=2)

    assert len(small) == len(large), (small, large)
    assert len(large) <= BUDGET, large
    assert len(english) <= BUDGET, english
    page = client.get("/ru/partners/mine/?page=2").text
    assert "Объявление" in page


def test_the_writing_form_is_within_budget(partners_ru, anna):
    CompanyFactory(manager=anna)
    queries = warm_queries(logged_in(anna), "/ru/partners/write/", warm_ups=2)
    assert len(queries) <= BUDGET, queries


def ask_for_changes(listings, coordinator, comment):
    for listing in listings:
        listing.save_revision()
        listing.get_workflow().start(listing, listing.owner)
        listing.current_workflow_task_state.reject(user=coordinator, comment=comment)


def test_my_listings_page_with_coordinators_comments_is_flat(partners_ru, anna, staff):
    companies = [CompanyFactory(manager=anna)]
    add_listings(partners_ru, companies, 10, 0)
    ask_for_changes(ListingPage.objects.order_by("pk")[:2], staff["moscow"], "Уточните сроки.")
    client = logged_in(anna)

    small = warm_queries(client, "/ru/partners/mine/", warm_ups=2)
    before = ListingPage.objects.order_by("-pk").first().pk
    add_listings(partners_ru, companies, 90, 100)
    ask_for_changes(
        ListingPage.objects.filter(pk__gt=before).order_by("-pk")[:18],
        staff["moscow"],
        "Добавьте описание.",
    )
    large = warm_queries(client, "/ru/partners/mine/", warm_ups=2)
    english = warm_queries(client, "/en/partners/mine/", warm_ups=2)

    assert len(small) == len(large), (small, large)
    assert len(large) <= BUDGET, large
    assert len(english) <= BUDGET, english
    page = client.get("/ru/partners/mine/").text
    assert "Добавьте описание." in page
