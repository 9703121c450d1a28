"""The events a visitor may see, and the usual ways to narrow them down.

Every listing, feed and section starts from `visible_events()`: live pages
that are not behind a view restriction, with their region and themes
fetched in the same few queries however many events there are.
"""

import datetime

from django.db.models import Exists, OuterRef

from home.navigation import not_restricted
from rusmeco_events.models import EventPage

# Listings never show these; leaving them out keeps the rows small.
LONG_FIELDS = ("body", "speakers", "report_body", "report_gallery", "report_documents")


def visible_events(locale_id=None, themes=True):
    events = (
        EventPage.objects.live()
        .filter(not_restricted())
        .select_related("region")
        .defer(*LONG_FIELDS)
    )
    if themes:
        events = events.prefetch_related("topics")
    if locale_id is not None:
        events = events.filter(locale_id=locale_id)
    return events


def upcoming(events, now):
    """Events that have not ended yet, soonest first."""
    return events.filter(end__gt=now).order_by("start", "pk")


def past(events, now):
    """Events that have ended, latest first."""
    return events.filter(end__lte=now).order_by("-start", "-pk")


def overlapping(events, first_day, last_day):
    """Events that may touch the days from `first_day` to `last_day` in any
    of the portal's time zones: a day's margin on each side covers every
    zone, and the calendar then places each event by its own local days."""
    margin = datetime.timedelta(days=1)
    start_bound = datetime.datetime.combine(first_day - margin, datetime.time(), datetime.UTC)
    end_bound = datetime.datetime.combine(last_day + 2 * margin, datetime.time(), datetime.UTC)
    return events.filter(start__lt=end_bound, end__gt=start_bound).order_by("start", "pk")


def filtered(events, region=None, kind=None, theme=None):
    """Narrow events down by region slug, kind and theme slug. Slugs are the
    same in every language, so a filter works whatever the terms' language."""
    if region:
        events = events.filter(region__slug=region)
    if kind:
        events = events.filter(kind=kind)
    if theme:
        tagged = EventPage.topics.through.objects.filter(
            eventpage_id=OuterRef("pk"), topic__slug=theme
        )
        events = events.filter(Exists(tagged))
    return events


def recent_reports(locale_id, limit=10):
    """Event reports, newest first, for "What's new": each event's
    `report_published_at` is the moment its report first went live."""
    return (
        visible_events(locale_id)
        .filter(report_published_at__isnull=False)
        .order_by("-report_published_at", "-pk")[:limit]
    )
