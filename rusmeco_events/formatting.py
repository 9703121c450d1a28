"""Dates and times of events as people read them, in the active language:
"16 ноября 2006, 10:00–17:00" or "16 November 2006, 10:00–17:00"."""

from django.utils import dateformat
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from rusmeco_events.times import zone_label


def date_text(moment):
    # Russian needs the genitive month name ("16 ноября"): its catalogue
    # turns this format into "j E Y".
    return dateformat.format(moment, pgettext("event date", "j F Y"))


def time_text(moment):
    return dateformat.format(moment, "H:i")


def when_text(start, end, zone):
    """Start and end in `zone`, without the zone's name."""
    start, end = start.astimezone(zone), end.astimezone(zone)
    if start.date() == end.date():
        return _("%(date)s, %(start)s–%(end)s") % {
            "date": date_text(start),
            "start": time_text(start),
            "end": time_text(end),
        }
    return _("%(start_date)s, %(start)s – %(end_date)s, %(end)s") % {
        "start_date": date_text(start),
        "start": time_text(start),
        "end_date": date_text(end),
        "end": time_text(end),
    }


def moment_text(moment, zone):
    """One moment in `zone`, with the zone named."""
    local = moment.astimezone(zone)
    return _("%(date)s, %(time)s (%(zone)s)") % {
        "date": date_text(local),
        "time": time_text(local),
        "zone": zone_label(moment, zone),
    }


def event_when(event):
    """When the event is, in its own zone, with the zone named."""
    return _("%(when)s (%(zone)s)") % {
        "when": when_text(event.start, event.end, event.zone),
        "zone": event.zone_label,
    }
