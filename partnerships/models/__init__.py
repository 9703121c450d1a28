from partnerships.models.pages import (
    LISTING_LIFETIME,
    ListingPage,
    PartnershipsIndexPage,
)
from partnerships.models.reminders import ListingReminder

__all__ = ["LISTING_LIFETIME", "ListingPage", "ListingReminder", "PartnershipsIndexPage"]
