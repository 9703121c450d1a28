from partnerships.models.pages import (
    LISTING_LIFETIME,
    ListingPage,
    PartnershipsIndexPage,
)

__all__ = ["LISTING_LIFETIME", "ListingPage", "PartnershipsIndexPage"]
