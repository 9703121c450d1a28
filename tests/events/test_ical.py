"""iCalendar files and feeds, read back with the `icalendar` package: the
right time zone (TZID and its VTIMEZONE), the right instants in UTC, and
only live, public events of the page's language in the feeds."""

import datetime

import icalendar
import pytest
from wagtail.models import PageViewRestriction

from tests.factories import EventPageFactory, translate
from tests.helpers import EKATERINBURG, MOSCOW, at, in_days

UTC = datetime.UTC


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    # RFC 5545: every TZID used has its VTIMEZONE.
    assert calendar.get_missing_tzids() == set()
    return calendar


def summaries(calendar):
    return [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]


@pytest.fixture
def ural_meeting(calendar_ru, regions, topics):
    return EventPageFactory(
        parent=calendar_ru,
        slug="ural",
        title="Встреча на Урале",
        region=regions["ekaterinburg"],
        venue="Исторический особняк",
        address="Екатеринбург, ул. Примерная, 1",
        start=at(EKATERINBURG, 2030, 5, 10, 23, 30),
        end=at(EKATERINBURG, 2030, 5, 11, 1, 0),
        topics=[topics["ipr"]],
    )


@pytest.mark.django_db
def test_an_event_downloads_as_an_ics_file_in_its_zone(client, ural_meeting):
    response = client.get(f"{ural_meeting.url}ics/")

    assert response["Content-Disposition"] == 'attachment; filename="ural.ics"'
    calendar = parse(response)
    [event] = calendar.walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == "Asia/Yekaterinburg"
    assert event["DTEND"].params["TZID"] == "Asia/Yekaterinburg"
    assert event.start.astimezone(UTC) == datetime.datetime(2030, 5, 10, 18, 30, tzinfo=UTC)
    assert event.end.astimezone(UTC) == datetime.datetime(2030, 5, 10, 20, 0, tzinfo=UTC)
    assert [zone.tz_name for zone in calendar.timezones] == ["Asia/Yekaterinburg"]
    assert str(event["SUMMARY"]) == "Встреча на Урале"
    assert str(event["LOCATION"]) == "Исторический особняк, Екатеринбург, ул. Примерная, 1"
    assert str(event["URL"]) == "http://localhost/ru/events/ural/"
    assert event.categories == ["Права интеллектуальной собственности"]
    assert "екатеринбургское время, UTC+5" in str(event["DESCRIPTION"])


@pytest.mark.django_db
def test_both_languages_of_an_event_are_one_event_to_a_calendar(client, calendar_en, ural_meeting):
    english = translate(ural_meeting, title="Meeting in the Urals")

    [russian] = parse(client.get(f"{ural_meeting.url}ics/")).walk("VEVENT")
    [translated] = parse(client.get(f"{english.url}ics/")).walk("VEVENT")

    assert russian["UID"] == translated["UID"]
    assert str(translated["SUMMARY"]) == "Meeting in the Urals"
    assert translated.categories == ["Intellectual property rights"]


@pytest.mark.django_db
def test_an_old_event_carries_the_zone_as_it_was_then(client, calendar_ru, regions):
    # Moscow kept summer time (UTC+4) until 2011.
    event = EventPageFactory(
        parent=calendar_ru,
        slug="summer-2010",
        region=regions["moscow"],
        start=at(MOSCOW, 2010, 7, 1, 12, 0),
    )

    [component] = parse(client.get(f"{event.url}ics/")).walk("VEVENT")

    assert component["DTSTART"].params["TZID"] == "Europe/Moscow"
    assert component.start.astimezone(UTC) == datetime.datetime(2010, 7, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def feed_events(calendar_ru, calendar_en, regions, topics):
    events = {
        "moscow": EventPageFactory(
            parent=calendar_ru,
            slug="moscow",
            title="Московская встреча",
            region=regions["moscow"],
            start=in_days(3),
            topics=[topics["quality-management"]],
        ),
        "ekb": EventPageFactory(
            parent=calendar_ru,
            slug="ekb",
            title="Уральская встреча",
            region=regions["ekaterinburg"],
            start=in_days(4),
            topics=[topics["ipr"]],
        ),
        "draft": EventPageFactory(
            parent=calendar_ru, slug="draft", title="Черновик", start=in_days(5)
        ),
        "private": EventPageFactory(
            parent=calendar_ru, slug="private", title="Закрытая", start=in_days(6)
        ),
        "online": EventPageFactory(
            parent=calendar_ru,
            slug="online",
            title="Онлайн",
            kind="online",
            start=in_days(7),
            joining_link="https://meet.rusmeco.example/secret-room",
        ),
        "long-ago": EventPageFactory(
            parent=calendar_ru, slug="long-ago", title="Давно", start=in_days(-400)
        ),
    }
    events["draft"].unpublish()
    PageViewRestriction.objects.create(
        page=events["private"], restriction_type=PageViewRestriction.LOGIN
    )
    translate(events["ekb"], title="Meeting in the Urals")
    return events


@pytest.mark.django_db
def test_the_feed_lists_only_live_public_events_of_the_language(client, feed_events):
    russian = parse(client.get("/ru/events/feed/"))
    english = parse(client.get("/en/events/feed/"))

    assert summaries(russian) == ["Московская встреча", "Уральская встреча", "Онлайн"]
    assert summaries(english) == ["Meeting in the Urals"]
    assert str(russian["X-WR-CALNAME"]) == "Мероприятия"
    assert {zone.tz_name for zone in russian.timezones} == {"Europe/Moscow", "Asia/Yekaterinburg"}


@pytest.mark.django_db
def test_feeds_never_carry_joining_links(client, feed_events):
    assert b"secret-room" not in client.get("/ru/events/feed/").content


@pytest.mark.django_db
def test_region_and_theme_feeds(client, feed_events):
    region = parse(client.get("/ru/events/feed/region/ekaterinburg/"))
    theme = parse(client.get("/ru/events/feed/theme/quality-management/"))

    assert summaries(region) == ["Уральская встреча"]
    assert str(region["X-WR-CALNAME"]) == "Мероприятия: Екатеринбург"
    assert summaries(theme) == ["Московская встреча"]
    assert str(theme["X-WR-CALNAME"]) == "Мероприятия: Управление качеством"


@pytest.mark.django_db
def test_unknown_region_or_theme_feeds_are_not_found(client, feed_events):
    assert client.get("/ru/events/feed/region/atlantis/").status_code == 404
    assert client.get("/ru/events/feed/theme/astrology/").status_code == 404


@pytest.mark.django_db
def test_an_empty_feed_is_still_a_valid_calendar(client, calendar_ru):
    calendar = parse(client.get("/ru/events/feed/"))

    assert summaries(calendar) == []


@pytest.mark.django_db
def test_a_private_events_file_is_behind_its_restriction(client, feed_events):
    response = client.get(f"{feed_events['private'].url}ics/")

    assert response.status_code == 302  # to the log-in, like the page itself
