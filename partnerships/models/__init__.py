from partnerships.models.interest import Interest, InterestMessage
from partnerships.models.pages import (
    LISTING_LIFETIME,
    ListingPage,
    PartnershipsIndexPage,
)
from partnerships.models.reminders import ListingReminder

__all__ = [
    "LISTING_LIFETIME",
    "Interest",
    "InterestMessage",
    "ListingPage",
    "ListingReminder",
    "PartnershipsIndexPage",
]
