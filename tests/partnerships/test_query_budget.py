"""The partnerships page (with and without filters), a listing's page with
its matches, the feed and "Partners for you" render in a number of SQL
queries that stays within the portal's budget of 15 and does not grow when
the listings grow tenfold (10 and 100), for a visitor and for a member, in
both languages. Themes come prefetched, regions from the cached terms."""

import datetime

import pytest
from django.utils import timezone

from community.models import Company
from home.models import SiteSettings
from partnerships.models import ListingPage
from tests.factories import CompanyFactory, ListingPageFactory, MemberFactory
from tests.helpers import warm_queries

BUDGET = 15
TYPES = ["technology_offer", "technology_request", "commercial", "research", "investment"]
SECTORS = ["software", "electronics", "engineering"]
STAGES = ["idea", "prototype", "market"]

pytestmark = pytest.mark.django_db


def add_listings(partners, regions, topics, count):
    """`count` open listings of new companies under `partners`, of every
    type, each with one or two themes: the companies and themes in bulk,
    the pages one add_child each (a page tree takes no bulk insert)."""
    companies = Company.objects.bulk_create(
        Company(
            name=f"Компания {partners.pk}-{count}-{number}",
            slug=f"company-{partners.pk}-{count}-{number}",
            search_name=f"компания {number}",
            sector=SECTORS[number % 3],
        )
        for number in range(count)
    )
    region_list = list(regions.values())
    topic_list = list(topics.values())
    now = timezone.now()
    listings = []
    for number, company in enumerate(companies):
        page = ListingPage(
            title=f"Объявление {count}-{number} о датчиках",
            slug=f"listing-{count}-{number}",
            company=company,
            listing_type=TYPES[number % len(TYPES)],
            summary="Датчики давления для трубопроводов.",
            description="Подробности.",
            sought="Партнёры по сбыту датчиков.",
            sector=SECTORS[number % 3],
            stage=STAGES[number % 3],
            region=region_list[number % len(region_list)],
            live=True,
            first_published_at=now - datetime.timedelta(minutes=number),
            last_published_at=now,
            expire_at=now + datetime.timedelta(days=100),
        )
        partners.add_child(instance=page)
        listings.append(page)
    ListingPage.topics.through.objects.bulk_create(
        ListingPage.topics.through(listingpage_id=page.pk, topic_id=topic.pk)
        for number, page in enumerate(listings)
        for topic in topic_list[number % 4 : number % 4 + 1 + number % 2]
    )
    return listings


@pytest.fixture
def grow(partners_ru, regions, topics, site):
    """grow(count): `count` more listings on the Russian partnerships page."""
    SiteSettings.for_site(site)  # made once, as on a running site

    def add(count):
        return add_listings(partners_ru, regions, topics, count)

    return add


def measure(client, url, grow, before=10, after=90):
    """(queries with `before` listings, queries with ten times as many)."""
    grow(before)
    small = len(warm_queries(client, url))
    grow(after)
    large = len(warm_queries(client, url))
    return small, large


@pytest.mark.parametrize(
    "path",
    [
        "",
        "?type=technology_offer",
        "?theme=ipr&region=moscow&sector=software&stage=idea",
        "?theme=ipr&page=2",
        "?type=nonsense&page=abc",
        "feed/",
    ],
)
@pytest.mark.parametrize("member", [False, True])
def test_the_partnerships_page_stays_within_budget(client, partners_ru, grow, path, member):
    if member:
        client.force_login(MemberFactory())
    small, large = measure(client, f"/ru/partners/{path}", grow)
    assert small <= BUDGET
    assert large == small


@pytest.mark.parametrize("member", [False, True])
def test_a_listing_page_with_matches_stays_within_budget(client, partners_ru, topics, grow, member):
    if member:
        client.force_login(MemberFactory())
    offer = ListingPageFactory(
        parent=partners_ru,
        title="Датчики давления",
        topics=[topics["ipr"], topics["quality-management"]],
    )
    small, large = measure(client, offer.url, grow)
    response = client.get(offer.url)
    assert len(response.context["matches"]) == 5
    assert small <= BUDGET
    assert large == small


def test_partners_for_you_of_a_manager_stays_within_budget(client, partners_ru, topics, grow):
    manager = MemberFactory()
    company = CompanyFactory(manager=manager)
    for kind in ("technology_offer", "commercial", "research"):
        ListingPageFactory(
            parent=partners_ru, company=company, listing_type=kind, topics=[topics["ipr"]]
        )
    client.force_login(manager)
    small, large = measure(client, "/ru/partners/for-you/", grow)
    sections = client.get("/ru/partners/for-you/").context["sections"]
    assert [len(matches) for _listing, matches in sections] == [5, 5, 5]
    assert small <= BUDGET
    assert large == small


def test_partners_for_you_by_profile_themes_stays_within_budget(client, partners_ru, topics, grow):
    client.force_login(MemberFactory(profile__themes=[topics["ipr"]]))
    small, large = measure(client, "/ru/partners/for-you/", grow)
    assert client.get("/ru/partners/for-you/").context["themed"]
    assert small <= BUDGET
    assert large == small


def test_the_english_page_stays_within_budget(client, partners_en, regions, topics, site):
    SiteSettings.for_site(site)
    partners_en = type(partners_en).objects.get(pk=partners_en.pk)
    add_listings(partners_en, regions, topics, 10)
    small = len(warm_queries(client, "/en/partners/"))
    add_listings(partners_en, regions, topics, 90)
    large = len(warm_queries(client, "/en/partners/"))
    assert small <= BUDGET
    assert large == small
