"""Event times: which time zone an event is shown in, how that zone is
named, and which calendar days an event covers there.

Events keep aware datetimes (UTC in the database). A face-to-face event is
shown in the time zone of its region; an event without a region (an online
event) in the site's time zone, Moscow time.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.utils.translation import gettext_lazy as _

ZONE_NAMES = {
    "Europe/Moscow": _("Moscow time"),
    "Asia/Yekaterinburg": _("Yekaterinburg time"),
}


def default_zone():
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def utc_offset(moment):
    """ "UTC+3" for a local datetime; minutes only when there are some."""
    minutes = int(moment.utcoffset().total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{minutes:02d}" if minutes else "")


def zone_label(moment, zone):
    """The zone's name and its offset at that moment ("Moscow time, UTC+3").

    The offset is worked out for the date itself: Russian zones have moved
    more than once (summer time until 2011), so a fixed label would be wrong
    for old events."""
    local = moment.astimezone(zone)
    name = ZONE_NAMES.get(zone.key, zone.key)
    return f"{name}, {utc_offset(local)}"


def local_days(start, end, zone):
    """The first and last calendar day an event covers in `zone`. An event
    that ends exactly at midnight does not spill onto the next day."""
    first = start.astimezone(zone).date()
    local_end = end.astimezone(zone)
    last = local_end.date()
    if local_end.time() == datetime.time(0) and last > first:
        last -= datetime.timedelta(days=1)
    return first, max(first, last)
