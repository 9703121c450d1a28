"""Template helpers of the events app: dates and times of events in their
own time zone, as people read them."""

from django import template

from rusmeco_events import formatting

register = template.Library()


@register.filter
def event_date(moment):
    """ "16 ноября 2006" / "16 November 2006"."""
    return formatting.date_text(moment) if moment else ""


@register.filter
def event_time(moment):
    return formatting.time_text(moment) if moment else ""


@register.filter
def event_when(event):
    """Start and end in the event's zone, without the zone's name."""
    return formatting.when_text(event.start, event.end, event.zone)


@register.inclusion_tag("events/includes/when.html")
def event_schedule(event, visitor_time=True):
    """When the event is, with the zone named; for events with online parts
    also the time in the visitor's own zone (filled in by a script, see
    events/static/events/local-time.js)."""
    return {"event": event, "visitor_time": visitor_time and event.meets_online}


@register.filter
def local_format(moment, format_string):
    """Format a datetime as it is, in its own zone. (Django's `date` filter
    would first turn it into Moscow time, the site's zone.)"""
    return formatting.dateformat.format(moment, format_string) if moment else ""
