"""Reminding a company's managers that a listing expires soon.

`manage.py remind_expiring_listings` (daily from cron) finds the published
listings that expire within REMINDER_DAYS and tells the accepted managers
of each listing's company through the notification centre
("listing_expiring", by e-mail at once unless they chose otherwise), with
a link to their listings page, where they renew it. A ListingReminder row
per listing and expiry date makes the command idempotent: it reminds once
per listing and expiry date, and again after a renewal, whose new date
will come close in its turn. A listing translated into other languages is
one listing: its managers are reminded once, about its first version.
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language

from community.models import CompanyMembership
from notifications.notify import notify
from notifications.targets import Shown, register_target
from partnerships.models import ListingPage, ListingReminder, PartnershipsIndexPage

REMINDER_DAYS = 14


def listings_to_remind(now=None):
    """The published listings of existing companies that expire within
    REMINDER_DAYS and whose managers were not reminded of this expiry
    date: one page per listing (the first of its translations)."""
    now = now or timezone.now()
    due = (
        ListingPage.objects.filter(
            live=True,
            company__isnull=False,
            expire_at__gt=now,
            expire_at__lte=now + datetime.timedelta(days=REMINDER_DAYS),
        )
        .order_by("translation_key", "pk")
        .only("pk", "translation_key", "expire_at", "company_id", "title")
    )
    keys = set()
    listings = []
    for listing in due:
        if listing.translation_key not in keys:
            keys.add(listing.translation_key)
            listings.append(listing)
    reminded = set(
        ListingReminder.objects.filter(
            listing__translation_key__in=keys, expire_at__gt=now
        ).values_list("listing__translation_key", "expire_at")
    )
    return [
        listing
        for listing in listings
        if (listing.translation_key, listing.expire_at) not in reminded
    ]


def remind_expiring_listings(now=None):
    """Remind the managers of each listing that expires soon; returns
    (listings, members told)."""
    listings = listings_to_remind(now)
    managers = {}
    for membership in (
        CompanyMembership.objects.managers()
        .filter(company_id__in={listing.company_id for listing in listings}, user__is_active=True)
        .select_related("user")
    ):
        managers.setdefault(membership.company_id, []).append(membership.user)
    reminded = told = 0
    for listing in listings:
        try:
            with transaction.atomic():
                reminder = ListingReminder.objects.create(
                    listing=listing, expire_at=listing.expire_at
                )
                for manager in managers.get(listing.company_id, []):
                    if notify(manager, "listing_expiring", target=reminder) is not None:
                        told += 1
        except IntegrityError:
            # Another run reminded of this listing at the same moment.
            continue
        reminded += 1
    return reminded, told


def present_reminders(reminders, user):
    """Notification targets (notifications/targets.py): a reminder is
    shown to the managers of its listing's company, as the listing's
    title in the reader's language where it is translated, with a link to
    their listings page in that language. Four queries."""
    if not user.is_authenticated:
        return {}
    rows = {
        row["pk"]: (row["listing__translation_key"], row["listing__company_id"])
        for row in ListingReminder.objects.filter(
            pk__in=[reminder.pk for reminder in reminders]
        ).values("pk", "listing__translation_key", "listing__company_id")
    }
    return present_to_managers(rows, user)


def present_to_managers(rows, user, to_listing=()):
    """{pk: Shown} for notification targets about listings, `rows` being
    {pk: (the listing's translation key, its company's id)}: shown only to
    the accepted managers of the listing's company, as the listing's title
    in the reader's language where it is translated, with a link to their
    listings page in that language; the pks in `to_listing` link to the
    published listing instead (in the reader's language where it is
    published in it), while it is published. Three queries."""
    if not user.is_authenticated or not rows:
        return {}
    managed = set(
        CompanyMembership.objects.managers()
        .filter(user=user, company_id__in={company for _, company in rows.values()})
        .values_list("company_id", flat=True)
    )
    language = get_language()
    titles, urls = {}, {}
    for listing in (
        ListingPage.objects.filter(translation_key__in={key for key, _ in rows.values()})
        .select_related("locale")
        .only("pk", "translation_key", "draft_title", "live", "url_path", "locale")
        .order_by("pk")
    ):
        key, here = listing.translation_key, listing.locale.language_code == language
        if here or key not in titles:
            titles[key] = listing.draft_title
        if listing.live and (here or key not in urls):
            urls[key] = listing.get_url()
    index = (
        PartnershipsIndexPage.objects.live().filter(locale__language_code=language).first()
        or PartnershipsIndexPage.objects.live().order_by("pk").first()
    )
    if index is None:
        return {}
    mine = index.url_of("mine")
    return {
        pk: Shown(
            titles.get(key, ""), urls.get(key) if pk in to_listing and urls.get(key) else mine
        )
        for pk, (key, company_id) in rows.items()
        if company_id in managed
    }


def register():
    register_target(ListingReminder, present_reminders)
