"""No overbooking: members who register for the last seats at the same
moment never get more confirmed seats than the event has.

Several threads register at once, each as a different member. On
PostgreSQL they post to the register button's URL, each with their own
session. SQLite's in-memory test database refuses a table to a second
connection outright ("database table is locked") instead of making it wait,
so sessions cannot be written concurrently there; on SQLite the threads call
the registration service the view calls. On PostgreSQL the event's row lock makes them
queue; on SQLite the database lets one writer through at a time and the
others try again. Either way the invariant is the same.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import mail
from django.db import connection, connections
from django.test import Client

from rusmeco_events import registration
from rusmeco_events.models import Registration
from tests.factories import EventPageFactory, MemberFactory

MEMBERS = 8
SEATS = 3


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_never_exceed_the_seats(migrated_site, calendar_ru):
    event = EventPageFactory(parent=calendar_ru, slug="last-seats", capacity=SEATS)
    members = [MemberFactory(username=f"member{number}") for number in range(MEMBERS)]
    start_together = threading.Barrier(MEMBERS)

    through_the_web = connection.vendor == "postgresql"

    def register(member):
        try:
            if through_the_web:
                # Each member presses the register button in their own browser.
                browser = Client()
                browser.force_login(member)
                start_together.wait(timeout=30)
                return browser.post(event.url + "register/").status_code
            start_together.wait(timeout=30)
            registration.register(event, member, "ru")
            return 302
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=MEMBERS) as pool:
        answers = list(pool.map(register, members, timeout=120))

    assert answers == [302] * MEMBERS  # back to the event page with a message
    registrations = Registration.objects.filter(event=event)
    assert registrations.filter(status="confirmed").count() == SEATS
    assert registrations.filter(status="waiting").count() == MEMBERS - SEATS
    # One confirmation e-mail per seat, none for the waiting list.
    confirmed = registrations.filter(status="confirmed").values_list("user__email", flat=True)
    assert sorted(message.to[0] for message in mail.outbox) == sorted(confirmed)
    # The waiting list keeps the order in which the registrations were written.
    waiting = list(registrations.filter(status="waiting").order_by("pk"))
    assert [item.registered_at for item in waiting] == sorted(
        item.registered_at for item in waiting
    )
