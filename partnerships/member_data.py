"""A member's part of the partnerships in "My data" (home/member_data.py).

The export holds the listings the member wrote, in every language and
state. When the account is deleted the listings stay with their company:
the page's author becomes empty (author SET_NULL, Wagtail's owner too),
and so does the author kept in the listings' revisions, so that a revision
approved or restored later names no account that is gone.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Revision

from partnerships.models import ListingPage


def _state(listing):
    if listing.live and not listing.expired:
        return "published"
    if listing.expired:
        return "expired"
    return "draft"


def export_listings(user):
    listings = ListingPage.objects.filter(author=user).select_related("company", "locale", "region")
    return "partnership_listings", [
        {
            "title": listing.draft_title,
            "company": listing.company.name if listing.company else None,
            "language": listing.locale.language_code,
            "type": listing.listing_type,
            "summary": listing.summary,
            "description": listing.description,
            "sought": listing.sought,
            "sector": listing.sector,
            "stage": listing.stage,
            "region": listing.region.name,
            "state": _state(listing),
            "expires_at": listing.expire_at.isoformat() if listing.expire_at else None,
            "first_published_at": (
                listing.first_published_at.isoformat() if listing.first_published_at else None
            ),
        }
        for listing in listings.order_by("pk")
    ]


def erase_authorship(user):
    kind = ContentType.objects.get_for_model(ListingPage)
    revisions = Revision.objects.filter(content_type=kind, content__author=user.pk)
    for revision in revisions:
        revision.content["author"] = None
        if revision.content.get("owner") == user.pk:
            revision.content["owner"] = None
        revision.save(update_fields=["content"])
