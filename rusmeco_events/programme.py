"""The programme of the coming months: which themes the community takes up
in online events, face-to-face events and trainings (online or blended).

It is drawn from the events that are scheduled, never typed by hand, so it
cannot disagree with the calendar: a theme is a row when at least one
upcoming event covers it, and each cell lists the events of that kind.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from home.terms import terms_of_locale
from rusmeco_events.choices import EventKind
from rusmeco_events.models import EventPage
from rusmeco_events.terms import dress

COLUMNS = (EventKind.ONLINE, EventKind.MEETING, EventKind.TRAINING)


@dataclass
class Row:
    theme: object
    cells: dict = field(default_factory=lambda: {kind: [] for kind in COLUMNS})

    @property
    def online(self):
        return self.cells[EventKind.ONLINE]

    @property
    def meeting(self):
        return self.cells[EventKind.MEETING]

    @property
    def training(self):
        return self.cells[EventKind.TRAINING]


def programme(locale_id, months_ahead, now=None):
    """(rows, trainings, until): rows of the programme table in theme order,
    the upcoming trainings, and the last day the programme looks at."""
    now = now or timezone.now()
    until = now + datetime.timedelta(days=round(months_ahead * 30.44))
    events = dress(
        list(
            EventPage.objects.visible(locale_id).for_listing().upcoming(now).filter(start__lt=until)
        ),
        terms_of_locale(locale_id),
    )
    rows = {}
    for event in events:
        for theme in event.themes:
            row = rows.setdefault(theme.slug, Row(theme=theme))
            row.cells[event.kind].append(event)
    ordered = sorted(rows.values(), key=lambda row: (row.theme.sort_order, row.theme.name))
    trainings = [event for event in events if event.kind == EventKind.TRAINING]
    return ordered, trainings, until


def programme_context(learning_page):
    rows, trainings, until = programme(learning_page.locale_id, learning_page.months_ahead)
    return {"programme": rows, "trainings": trainings, "programme_until": until}
