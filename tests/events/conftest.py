"""Fixtures of the events tests: an event calendar in Russian (and its
English translation), a helper to add events, and members. Regions and
themes come from tests/conftest.py."""

import datetime
import zoneinfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from home.demo import child_page, translate
from home.models import Region
from rusmeco_events.models import EventIndexPage, EventPage

MOSCOW = zoneinfo.ZoneInfo("Europe/Moscow")
EKATERINBURG = zoneinfo.ZoneInfo("Asia/Yekaterinburg")


@pytest.fixture
def calendar_ru(home_ru, regions, topics):
    return child_page(
        home_ru,
        EventIndexPage,
        "events",
        title="Мероприятия",
        intro="Встречи, онлайн-события и тренинги.",
        show_in_menus=True,
    )


@pytest.fixture
def calendar_en(calendar_ru, home_en):
    return translate(
        calendar_ru,
        "en",
        {"Мероприятия": "Events", "Встречи, онлайн-события и тренинги.": "Meetings and more."},
    )


def at(zone, *parts):
    """An aware datetime: at(EKATERINBURG, 2025, 3, 10, 23, 30)."""
    return datetime.datetime(*parts, tzinfo=zone)


def in_days(days, hour=18, zone=MOSCOW):
    """A moment `days` from now at `hour` o'clock local time."""
    date = timezone.now().astimezone(zone).date() + datetime.timedelta(days=days)
    return datetime.datetime.combine(date, datetime.time(hour), zone)


def add_event(calendar, slug, *, topics=(), **fields):
    """An event under `calendar`: by default a face-to-face meeting in
    Moscow a week from now, two hours long."""
    region = fields.pop("region", None)
    if region is None and fields.get("kind", "meeting") == "meeting":
        region = Region.objects.get(locale=calendar.locale, slug="moscow")
    start = fields.pop("start", None) or in_days(7)
    values = {
        "title": f"Событие {slug}",
        "kind": "meeting",
        "start": start,
        "end": start + datetime.timedelta(hours=2),
        "summary": "Короткое описание.",
        **fields,
    }
    event = EventPage(slug=slug, locale=calendar.locale, region=region, **values)
    if topics:
        event.topics = list(topics)
    calendar.add_child(instance=event)
    event.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


@pytest.fixture
def make_member(db):
    def make(username, email=None, **extra):
        return get_user_model().objects.create_user(
            username,
            f"{username}@members.example" if email is None else email,
            "pw-member-12345",
            **extra,
        )

    return make


@pytest.fixture
def member(make_member):
    return make_member("anna", first_name="Анна", last_name="Петрова")


@pytest.fixture
def other_member(make_member):
    return make_member("boris", first_name="Борис", last_name="Иванов")


@pytest.fixture
def coordinator(make_member):
    user = make_member("coordinator")
    user.groups.add(Group.objects.get(name="Coordinators"))
    return user
