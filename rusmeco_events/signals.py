"""Signals of the events app: when an event is published with more seats
than before, members on its waiting list get the new seats at once."""

from wagtail.signals import page_published

from rusmeco_events import registration
from rusmeco_events.models import EventPage


def fill_seats_on_publish(sender, instance, **kwargs):
    registration.fill_free_seats(instance)


def connect_signals():
    page_published.connect(
        fill_seats_on_publish, sender=EventPage, dispatch_uid="events-fill-seats"
    )
