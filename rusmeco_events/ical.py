"""iCalendar (RFC 5545) files of events, built with the `icalendar` package.

Times are written in the event's own time zone (DTSTART;TZID=...), and the
calendar carries a VTIMEZONE for every zone it uses, so calendar programs
show the right instant wherever their user is. UIDs come from the event's
translation key: both languages of an event are one event to a calendar.

`icalendar` is imported by the first file built, not when the portal
starts: most requests never make one.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from rusmeco_events.formatting import event_when

PRODID = "-//RUSMECO//Community portal//RU"


def event_component(event, url, include_joining_link=False):
    """A VEVENT for `event` (dressed with `themes` and `local_region`, see
    events/terms.py). The joining link of an online event goes only into
    files sent to its confirmed participants."""
    import icalendar

    description = [event.summary] if event.summary else []
    description.append(event_when(event))
    if include_joining_link and event.meets_online and event.joining_link:
        description.append(event.joining_link)
    description.append(url)
    component = icalendar.Event.new(
        uid=f"event-{event.translation_key}@rusmeco",
        summary=event.title,
        start=event.local_start,
        end=event.local_end,
        stamp=timezone.now(),
        description="\n\n".join(description),
        location=location(event),
        url=url,
    )
    themes = [theme.name for theme in getattr(event, "themes", [])]
    if themes:
        component.categories = themes
    if event.last_published_at:
        component.last_modified = event.last_published_at
    return component


def location(event):
    region = getattr(event, "local_region", None) or event.region
    parts = [event.venue, event.address] if event.meets_in_person else []
    if event.meets_in_person and region is not None and region.name not in event.address:
        parts.append(region.name)
    if event.meets_online:
        parts.append(_("Online"))
    return ", ".join(part for part in parts if part)


def calendar(components, uid, name=None):
    """A VCALENDAR of VEVENTs, with the VTIMEZONEs they need (worked out for
    the years the events span only, which keeps the file small)."""
    import icalendar

    cal = icalendar.Calendar.new(prodid=PRODID, uid=uid, name=name, method="PUBLISH")
    cal.add("calscale", "GREGORIAN")
    starts = []
    for component in components:
        cal.add_component(component)
        starts.append(component.start.date())
        starts.append(component.end.date())
    if starts:
        cal.add_missing_timezones(
            first_date=min(starts) - datetime.timedelta(days=1),
            last_date=max(starts) + datetime.timedelta(days=1),
        )
    return cal


def ics_response(cal, filename, attachment=False):
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
