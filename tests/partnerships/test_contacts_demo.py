"""The demo's expressions of interest (partnerships/demo_contacts.py),
loaded on listings named as the demo listings' loader names them: every
outcome, an introduction asked and one made, conversations with replies;
loading again changes nothing, and without the listings nothing is made."""

import io

import pytest
from django.db.models import F

from partnerships.contact_choices import Status
from partnerships.demo_contacts import load_contacts
from partnerships.models import Interest, InterestMessage
from tests.factories import CompanyFactory, ListingPageFactory, MemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_listings(partners_ru, staff):
    members = [
        MemberFactory(username=f"demo{number}", email=f"demo{number}@members.example")
        for number in range(4)
    ]
    company = CompanyFactory(manager=members[0])
    return [
        ListingPageFactory(parent=partners_ru, company=company, slug=f"demo-listing-{n:02d}")
        for n in range(1, 13)
    ]


def test_the_demo_shows_every_outcome_and_introduction(demo_listings, staff):
    output = io.StringIO()
    load_contacts(output)

    statuses = sorted(Interest.objects.values_list("status", flat=True))
    assert statuses == sorted(
        [
            Status.CONTACT_MADE,
            Status.AGREEMENT_SIGNED,
            Status.NO_RESULT,
            Status.OPEN,
            Status.OPEN,
            Status.OPEN,
        ]
    )
    asked = Interest.objects.filter(introduction_requested_at__isnull=False)
    assert asked.filter(introduced_on__isnull=True, status=Status.OPEN).count() == 1
    introduced = asked.get(introduced_on__isnull=False)
    # The Moscow coordinator of the staff fixture introduced them.
    assert introduced.introduced_by == staff["moscow"]
    assert InterestMessage.objects.filter(from_company=True).exists()
    assert all(interest.messages.exists() for interest in Interest.objects.all())
    # Nobody writes to their own company.
    assert not Interest.objects.filter(member__company_memberships__company=F("company"))
    assert "6 expressions" in output.getvalue()

    load_contacts(io.StringIO())

    assert Interest.objects.count() == 6


def test_without_the_demo_listings_nothing_is_made(partners_ru):
    MemberFactory(email="demo@members.example")

    load_contacts(io.StringIO())

    assert not Interest.objects.exists()
