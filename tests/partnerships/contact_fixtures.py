"""What the tests of expressions of interest share besides their fixtures
(contact_company, contact_listing, contact_interest, vera and gleb in
tests/conftest.py): the addresses of the routes and a quick way to make
an expression with its first message."""

from partnerships.contact_choices import Status
from partnerships.models import Interest

PARTNERS = "/ru/partners/"


def interest_url(listing):
    return f"{PARTNERS}{listing.pk}/interest/"


def contact_url(interest, language="ru"):
    return f"/{language}/partners/contacts/{interest.pk}/"


INBOX = f"{PARTNERS}contacts/"


def make_interest(listing, member, body="Здравствуйте! Нам интересно.", **fields):
    """An expression of `member` in `listing` with its first message."""
    from django.utils import timezone

    fields.setdefault("status", Status.OPEN)
    interest = Interest.objects.create(
        listing=listing,
        listing_key=listing.translation_key,
        listing_title=listing.title,
        company_id=listing.company_id,
        region_id=listing.region_id,
        member=member,
        last_activity_at=timezone.now(),
        **fields,
    )
    interest.messages.create(author=member, body=body)
    return interest
