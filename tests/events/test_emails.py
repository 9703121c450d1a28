"""E-mails about registrations: the confirmation carries the event as an
.ics attachment (a seat from the waiting list is a notification, with a
link to the event), is written in the member's language and, for an online
event, holds the joining link; a broken mail server does not undo the
registration."""

import datetime
import logging

import icalendar
import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend

from rusmeco_events.models import Registration
from rusmeco_events.registration import cancel, register
from tests.factories import EventPageFactory, MemberFactory, translate
from tests.helpers import EKATERINBURG, at

JOINING_LINK = "https://meet.rusmeco.example/room-7"


class BrokenBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("The mail server is down.")


def attachment_calendar(message):
    [(filename, content, mimetype)] = message.attachments
    assert filename == "event.ics"
    assert mimetype.startswith("text/calendar")
    return icalendar.Calendar.from_ical(content)


@pytest.fixture
def ural_webinar(calendar_ru, regions):
    return EventPageFactory(
        parent=calendar_ru,
        slug="ural-webinar",
        title="Онлайн-семинар с Урала",
        kind="training",
        training_format="blended",
        region=regions["ekaterinburg"],
        venue="Исторический особняк",
        start=at(EKATERINBURG, 2030, 5, 10, 18, 0),
        joining_link=JOINING_LINK,
        capacity=1,
    )


@pytest.mark.django_db
def test_the_confirmation_carries_the_event_as_an_ics_file(
    ural_webinar, anna, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(ural_webinar, anna, "ru")

    [message] = mail.outbox
    assert message.to == ["anna@members.example"]
    assert message.subject == "Регистрация подтверждена: Онлайн-семинар с Урала"
    assert "Здравствуйте, Анна Соколова!" in message.body
    assert "10 мая 2030, 18:00–20:00 (екатеринбургское время, UTC+5)" in message.body
    assert JOINING_LINK in message.body
    assert "http://testserver/ru/events/ural-webinar/" in message.body
    [event] = attachment_calendar(message).walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == "Asia/Yekaterinburg"
    assert event.start.astimezone(datetime.UTC) == datetime.datetime(
        2030, 5, 10, 13, 0, tzinfo=datetime.UTC
    )
    # The participant's own copy has the joining link; public files do not.
    assert JOINING_LINK in str(event["DESCRIPTION"])


@pytest.mark.django_db
def test_the_email_is_in_the_language_the_member_registered_in(
    calendar_en, ural_webinar, anna, django_capture_on_commit_callbacks
):
    translate(ural_webinar, title="Webinar from the Urals")

    with django_capture_on_commit_callbacks(execute=True):
        register(ural_webinar, anna, "en")

    [message] = mail.outbox
    assert message.subject == "Registration confirmed: Webinar from the Urals"
    assert "10 May 2030, 18:00–20:00 (Yekaterinburg time, UTC+5)" in message.body
    assert "http://testserver/en/events/ural-webinar/" in message.body
    [event] = attachment_calendar(message).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Webinar from the Urals"


@pytest.mark.django_db
def test_the_promotion_email_tells_the_member_waiting_that_the_seat_is_theirs(
    ural_webinar, anna, boris, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(ural_webinar, anna, "ru")
        register(ural_webinar, boris, "ru")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        cancel(ural_webinar, anna)

    # The notification centre's e-mail ("waitlist_promoted"), which replaced
    # the promotion e-mail of its own: it links to the event's page, whose
    # calendar file the member adds, and may be turned off in one click.
    [message] = mail.outbox
    assert message.to == ["boris@members.example"]
    assert message.subject == "Для вас освободилось место: «Онлайн-семинар с Урала»"
    assert "http://testserver/ru/events/ural-webinar/" in message.body
    assert "List-Unsubscribe" in message.extra_headers


@pytest.mark.django_db
def test_nothing_is_sent_before_the_registration_is_committed(ural_webinar, anna):
    # Inside a transaction that has not committed yet (the test's own).
    register(ural_webinar, anna, "ru")

    assert mail.outbox == []


@pytest.mark.django_db
def test_members_without_an_address_get_no_email(ural_webinar, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        register(ural_webinar, MemberFactory(username="silent", email="", address=None), "ru")

    assert mail.outbox == []
    assert Registration.objects.get().status == "confirmed"


@pytest.mark.django_db
def test_a_broken_mail_server_is_logged_and_keeps_the_registration(
    client, ural_webinar, anna, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.events.test_emails.BrokenBackend"
    client.force_login(anna)

    with (
        caplog.at_level(logging.ERROR, logger="rusmeco_events.emails"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(f"{ural_webinar.url}register/")

    assert response.status_code == 302
    assert Registration.objects.get().status == "confirmed"
    assert "Could not send the confirmation e-mail" in caplog.text
