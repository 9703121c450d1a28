"""The inbox and a conversation render in a number of SQL queries that
stays within the portal's budget of 15 and does not grow when a member
has ten times more expressions or a conversation ten times more
messages; the admin's introductions and outcomes pages do not grow
either."""

import uuid

import pytest
from django.utils import timezone

from home.models import SiteSettings
from partnerships.contact_choices import Status
from partnerships.models import Interest, InterestMessage
from tests.factories import MemberFactory
from tests.helpers import AdminClient, logged_in, warm_queries
from tests.partnerships.contact_fixtures import INBOX, contact_url

BUDGET = 15

pytestmark = pytest.mark.django_db


def add_interests(listing, members, count):
    """`count` expressions in `listing` by `members`, each with two
    messages; every other one open and waiting for an introduction (under
    a key of its own: a member has one open expression per listing)."""
    now = timezone.now()
    interests = Interest.objects.bulk_create(
        Interest(
            listing=listing,
            listing_key=uuid.uuid4() if number % 2 else listing.translation_key,
            listing_title=listing.title,
            company_id=listing.company_id,
            region_id=listing.region_id,
            member=members[number % len(members)],
            status=Status.OPEN if number % 2 else Status.CONTACT_MADE,
            last_activity_at=now,
            introduction_requested_at=now,
        )
        for number in range(count)
    )
    InterestMessage.objects.bulk_create(
        InterestMessage(interest=interest, author=author, from_company=side, body="Текст")
        for interest in interests
        for author, side in (
            (interest.member, False),
            (listing.company.memberships.first().user, True),
        )
    )
    return interests


def add_messages(interest, authors, count):
    InterestMessage.objects.bulk_create(
        InterestMessage(
            interest=interest,
            author=authors[number % 2],
            from_company=number % 2 == 1,
            body=f"Сообщение {number}",
        )
        for number in range(count)
    )


@pytest.fixture
def members(db):
    return [MemberFactory() for _ in range(5)]


def measure(client, url):
    queries = warm_queries(client, url)
    assert len(queries) <= BUDGET, "\n".join(queries)
    return len(queries)


def test_the_inbox_stays_flat(contact_listing, members, boris, site):
    SiteSettings.for_site(site)
    add_interests(contact_listing, members, 10)
    small = measure(logged_in(boris), INBOX)

    add_interests(contact_listing, members, 90)
    large = measure(logged_in(boris), INBOX)

    assert small == large
    print(f"inbox: {small} queries with 10 and 100 expressions")


def test_the_members_inbox_stays_flat(contact_listing, members, site):
    SiteSettings.for_site(site)
    add_interests(contact_listing, members, 10)
    small = measure(logged_in(members[0]), INBOX)

    add_interests(contact_listing, members, 90)
    large = measure(logged_in(members[0]), INBOX)

    assert small == large


@pytest.mark.parametrize("side", ["member", "manager"])
def test_a_conversation_stays_flat(contact_interest, anna, boris, site, side):
    SiteSettings.for_site(site)
    client = logged_in(anna if side == "member" else boris)
    add_messages(contact_interest, [anna, boris], 10)
    small = measure(client, contact_url(contact_interest))

    add_messages(contact_interest, [anna, boris], 90)
    large = measure(client, contact_url(contact_interest))

    assert small == large
    print(f"conversation ({side}): {small} queries with 10 and 100 messages")


def test_the_listing_page_for_a_member_stays_flat(contact_listing, members, anna, site):
    SiteSettings.for_site(site)
    add_interests(contact_listing, members, 10)
    small = measure(logged_in(anna), contact_listing.url)

    add_interests(contact_listing, members, 90)
    large = measure(logged_in(anna), contact_listing.url)

    assert small == large


@pytest.mark.parametrize(
    "url", ["/admin/", "/admin/partnerships/introductions/", "/admin/partnerships/outcomes/"]
)
def test_the_admin_pages_stay_flat(contact_listing, members, staff, url):
    client = AdminClient(staff["moscow"])
    add_interests(contact_listing, members, 10)
    small = len(warm_queries(client, url))

    add_interests(contact_listing, members, 90)
    large = len(warm_queries(client, url))

    assert small == large
