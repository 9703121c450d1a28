"""iCalendar downloads and subscriptions: one event as an .ics file, and
feeds of a calendar's events (all of them, one region's, one theme's).

Feeds list only live events that are not behind a view restriction, in the
calendar page's language: upcoming events and those of the past year, at
most FEED_LIMIT of them. Joining links of online events never appear here.
"""

import datetime

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from home.terms import terms_of_locale
from rusmeco_events import ical
from rusmeco_events.terms import dress

FEED_LIMIT = 500
FEED_PAST_DAYS = 365


def single_event(event, request):
    dress([event], terms_of_locale(event.locale_id))
    component = ical.event_component(event, event.get_full_url(request))
    cal = ical.calendar([component], uid=f"event-{event.translation_key}@rusmeco")
    return ical.ics_response(cal, f"{event.slug}.ics", attachment=True)


def all_events(calendar_page, request):
    terms = terms_of_locale(calendar_page.locale_id)
    return _feed(calendar_page, request, terms, calendar_page.title, "all")


def region_events(calendar_page, request, slug):
    terms = terms_of_locale(calendar_page.locale_id)
    region = terms.region(slug)
    if region is None:
        raise Http404("No such region.")
    name = _("%(calendar)s: %(region)s") % {"calendar": calendar_page.title, "region": region.name}
    return _feed(calendar_page, request, terms, name, f"region-{slug}", region=slug)


def theme_events(calendar_page, request, slug):
    terms = terms_of_locale(calendar_page.locale_id)
    topic = terms.topic(slug)
    if topic is None:
        raise Http404("No such theme.")
    name = _("%(calendar)s: %(theme)s") % {"calendar": calendar_page.title, "theme": topic.name}
    return _feed(calendar_page, request, terms, name, f"theme-{slug}", theme=slug)


def _feed(calendar_page, request, terms, name, key, **filters):
    since = timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
    events = calendar_page.events().filtered(**filters)
    events = dress(list(events.filter(end__gt=since).order_by("start", "pk")[:FEED_LIMIT]), terms)
    components = [ical.event_component(event, event.get_full_url(request)) for event in events]
    cal = ical.calendar(
        components,
        uid=f"calendar-{calendar_page.translation_key}-{key}@rusmeco",
        name=name,
    )
    return ical.ics_response(cal, f"{calendar_page.slug}-{key}.ics")
