"""The month calendar: weeks of days, each day with the events that take
place on it in the event's own time zone (a meeting at 00:30 in
Ekaterinburg is on that day there, even though it is still the evening
before in Moscow). An event that lasts several days appears on each of
them."""

import calendar
import datetime
from dataclasses import dataclass, field

FIRST_YEAR = 2000
YEARS_AHEAD = 5


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    is_today: bool
    events: list = field(default_factory=list)


def is_valid_month(year, month, today):
    return 1 <= month <= 12 and FIRST_YEAR <= year <= today.year + YEARS_AHEAD


def _weeks_of(year, month):
    return calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(year, month)


def grid_bounds(year, month):
    """The first and last day the month's grid shows (whole weeks)."""
    weeks = _weeks_of(year, month)
    return weeks[0][0], weeks[-1][-1]


def neighbours(year, month, today):
    """The (year, month) before and after, or None past the valid range."""
    before = (year - 1, 12) if month == 1 else (year, month - 1)
    after = (year + 1, 1) if month == 12 else (year, month + 1)
    return (
        before if is_valid_month(*before, today) else None,
        after if is_valid_month(*after, today) else None,
    )


def month_weeks(year, month, events, today):
    """Weeks (Monday first) of Days; `events` need `local_days` (see
    EventPage). Events keep their given order within a day."""
    weeks = [
        [Day(date=day, in_month=day.month == month, is_today=day == today) for day in week]
        for week in _weeks_of(year, month)
    ]
    days = {day.date: day for week in weeks for day in week}
    grid_first, grid_last = weeks[0][0].date, weeks[-1][-1].date
    for event in events:
        first, last = event.local_days
        # Only the days the grid shows, however long the event lasts.
        current, last = max(first, grid_first), min(last, grid_last)
        while current <= last:
            days[current].events.append(event)
            current += datetime.timedelta(days=1)
    return weeks
