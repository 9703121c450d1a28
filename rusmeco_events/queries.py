"""The usual ways to narrow events down, as methods of `EventPage.objects`.

Every listing, feed and section starts from the events a visitor may see,
shaped for a listing:

    EventPage.objects.visible(locale_id).for_listing().upcoming(now)

`for_listing()` fetches region and themes in the same few queries however
many events there are.
"""

import datetime

from django.db.models import Exists, OuterRef
from wagtail.models import PageManager

from home.querysets import PortalPageQuerySet

# Listings never show these; leaving them out keeps the rows small.
LONG_FIELDS = ("body", "speakers", "report_body", "report_gallery", "report_documents")


class EventPageQuerySet(PortalPageQuerySet):
    def for_listing(self, themes=True):
        """What lists of events show: the region in the same query, the long
        fields left out and the themes prefetched (themes=False where a
        list does not show them)."""
        events = self.select_related("region").defer(*LONG_FIELDS)
        return events.prefetch_related("topics") if themes else events

    def upcoming(self, now):
        """Events that have not ended yet, soonest first."""
        return self.filter(end__gt=now).order_by("start", "pk")

    def past(self, now):
        """Events that have ended, latest first."""
        return self.filter(end__lte=now).order_by("-start", "-pk")

    def overlapping(self, first_day, last_day):
        """Events that may touch the days from `first_day` to `last_day` in
        any of the portal's time zones: a day's margin on each side covers
        every zone, and the calendar then places each event by its own
        local days."""
        margin = datetime.timedelta(days=1)
        start_bound = datetime.datetime.combine(first_day - margin, datetime.time(), datetime.UTC)
        end_bound = datetime.datetime.combine(last_day + 2 * margin, datetime.time(), datetime.UTC)
        return self.filter(start__lt=end_bound, end__gt=start_bound).order_by("start", "pk")

    def filtered(self, region=None, kind=None, theme=None):
        """Narrow events down by region slug, kind and theme slug. Slugs are
        the same in every language, so a filter works whatever the terms'
        language."""
        events = self
        if region:
            events = events.filter(region__slug=region)
        if kind:
            events = events.filter(kind=kind)
        if theme:
            tagged = self.model.topics.through.objects.filter(
                eventpage_id=OuterRef("pk"), topic__slug=theme
            )
            events = events.filter(Exists(tagged))
        return events

    def reports(self):
        """Event reports, newest first, for "What's new": each event's
        `report_published_at` is the moment its report first went live."""
        return self.filter(report_published_at__isnull=False).order_by(
            "-report_published_at", "-pk"
        )


EventPageManager = PageManager.from_queryset(EventPageQuerySet)
