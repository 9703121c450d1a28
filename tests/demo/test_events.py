"""The demo's events: the calendar and the learning page in the main menu,
the three kick-off events of 2006 with their reports, and a programme of
upcoming events and trainings, in Russian and English; loading again
changes nothing."""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Revision

from rusmeco_events.models import EventPage

KICK_OFFS = [
    ("kick-off-zelenograd", datetime.date(2006, 11, 16), "moscow"),
    ("kick-off-st-petersburg", datetime.date(2006, 11, 24), "st-petersburg"),
    ("kick-off-ekaterinburg", datetime.date(2006, 12, 7), "ekaterinburg"),
]


def test_the_kick_off_events_of_2006_are_past_events_with_reports(demo, client):
    for slug, day, region in KICK_OFFS:
        for language in ("ru", "en"):
            event = EventPage.objects.get(slug=slug, locale__language_code=language)
            assert event.live and event.kind == "meeting"
            assert event.local_start.date() == day
            assert event.region.slug == region
            assert event.has_report and len(event.report_gallery) == 2
            assert event.report_published_at.date() > day
    ekaterinburg = EventPage.objects.get(slug="kick-off-ekaterinburg", locale__language_code="en")
    assert ekaterinburg.title == (
        "Effective management of intellectual property in innovative companies"
    )
    assert [topic.slug for topic in ekaterinburg.topics.all()] == ["ipr"]

    archive = client.get("/en/events/archive/").text
    assert "Community kick-off in Zelenograd" in archive
    page = client.get(ekaterinburg.url).text
    assert "7 December 2006, 15:00–19:00" in page and "(Yekaterinburg time, UTC+5)" in page
    assert "Irina Sokolova" in page and 'id="report"' in page


def test_menu_and_programme_of_upcoming_events_in_both_languages(demo, client):
    russian_home = client.get("/ru/").text
    english_home = client.get("/en/").text
    assert 'href="/ru/events/">Мероприятия</a>' in russian_home
    assert 'href="/ru/learning/">Обучение</a>' in russian_home
    assert 'href="/en/events/">Events</a>' in english_home
    assert 'href="/en/learning/">Learning</a>' in english_home
    assert "Ближайшие мероприятия" in russian_home and "Upcoming events" in english_home

    now = timezone.now()
    upcoming = EventPage.objects.filter(locale__language_code="ru", start__gt=now)
    kinds = {(event.kind, event.training_format) for event in upcoming}

    assert upcoming.count() == 11
    assert {("online", ""), ("meeting", ""), ("training", "online"), ("training", "blended")} == (
        kinds
    )
    assert all(event.start < now + datetime.timedelta(days=120) for event in upcoming)
    assert all(
        event.joining_link.startswith("https://meet.rusmeco.example/")
        for event in upcoming
        if event.meets_online
    )
    assert EventPage.objects.filter(locale__language_code="en", start__gt=now).count() == 11

    russian = client.get("/ru/learning/").text
    english = client.get("/en/learning/").text
    assert "Темы ближайших месяцев" in russian and "Права интеллектуальной собственности" in russian
    assert "Topics of the coming months" in english and "International business" in english


def test_loading_the_demo_again_changes_nothing(demo):
    def counts():
        return (
            EventPage.objects.count(),
            Revision.objects.count(),
            get_image_model().objects.count(),
            get_document_model().objects.count(),
            sorted(EventPage.objects.values_list("slug", "locale__language_code", "start")),
        )

    first = counts()
    call_command("load_demo_content", stdout=io.StringIO())

    assert counts() == first
