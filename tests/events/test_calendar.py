"""The month calendar: each event sits on the days it takes place in its
own time zone, the months are navigable through the URL, and a month that
does not exist is a 404."""

import datetime

import pytest
from bs4 import BeautifulSoup

from tests.factories import EventPageFactory, translate
from tests.helpers import EKATERINBURG, MOSCOW, at


def calendar_days(html):
    """{"2025-03-10": ["18:30 Title", ...]} for every day of the grid."""
    soup = BeautifulSoup(html, "html.parser")
    return {
        cell["data-date"]: [" ".join(link.get_text().split()) for link in cell.select("a")]
        for cell in soup.select("td[data-date]")
    }


@pytest.fixture
def march(calendar_ru, regions):
    """Events of March 2025 near midnight and across days."""
    return {
        "late-ekb": EventPageFactory(
            parent=calendar_ru,
            slug="late-ekb",
            title="Поздняя встреча",
            region=regions["ekaterinburg"],
            start=at(EKATERINBURG, 2025, 3, 10, 23, 30),
            end=at(EKATERINBURG, 2025, 3, 11, 1, 0),
        ),
        "early-ekb": EventPageFactory(
            parent=calendar_ru,
            slug="early-ekb",
            title="Ночная встреча",
            region=regions["ekaterinburg"],
            start=at(EKATERINBURG, 2025, 3, 12, 0, 30),
            end=at(EKATERINBURG, 2025, 3, 12, 0, 59),
        ),
        "late-moscow": EventPageFactory(
            parent=calendar_ru,
            slug="late-moscow",
            title="Московская ночь",
            region=regions["moscow"],
            start=at(MOSCOW, 2025, 3, 14, 23, 30),
            end=at(MOSCOW, 2025, 3, 14, 23, 59),
        ),
        "training": EventPageFactory(
            parent=calendar_ru,
            slug="training",
            title="Трёхдневный тренинг",
            kind="training",
            training_format="online",
            start=at(MOSCOW, 2025, 3, 20, 10, 0),
            end=at(MOSCOW, 2025, 3, 22, 17, 0),
        ),
        "to-midnight": EventPageFactory(
            parent=calendar_ru,
            slug="to-midnight",
            title="До полуночи",
            kind="online",
            start=at(MOSCOW, 2025, 3, 25, 20, 0),
            end=at(MOSCOW, 2025, 3, 26, 0, 0),
        ),
        "month-end": EventPageFactory(
            parent=calendar_ru,
            slug="month-end",
            title="Последний день",
            kind="online",
            start=at(MOSCOW, 2025, 3, 31, 12, 0),
        ),
    }


@pytest.mark.django_db
def test_a_late_evening_event_in_ekaterinburg_is_on_its_own_day(client, march):
    days = calendar_days(client.get("/ru/events/calendar/2025-03/").text)

    assert days["2025-03-10"] == ["23:30 Поздняя встреча, Екатеринбург"]
    # It goes on until 01:00, so the 11th shows it going on, not starting.
    assert days["2025-03-11"] == ["продолжение Поздняя встреча, Екатеринбург"]
    assert days["2025-03-14"] == ["23:30 Московская ночь, Москва"]


@pytest.mark.django_db
def test_an_event_after_midnight_in_ekaterinburg_is_on_the_next_day(client, march):
    days = calendar_days(client.get("/ru/events/calendar/2025-03/").text)

    # 00:30 on the 12th in Ekaterinburg is 22:30 on the 11th in Moscow.
    assert days["2025-03-12"] == ["00:30 Ночная встреча, Екатеринбург"]


@pytest.mark.django_db
def test_a_multi_day_event_is_on_each_of_its_days(client, march):
    days = calendar_days(client.get("/ru/events/calendar/2025-03/").text)

    assert days["2025-03-20"] == ["10:00 Трёхдневный тренинг"]
    assert days["2025-03-21"] == ["продолжение Трёхдневный тренинг"]
    assert days["2025-03-22"] == ["продолжение Трёхдневный тренинг"]
    assert days["2025-03-23"] == []


@pytest.mark.django_db
def test_an_event_ending_at_midnight_does_not_spill_onto_the_next_day(client, march):
    days = calendar_days(client.get("/ru/events/calendar/2025-03/").text)

    assert days["2025-03-25"] == ["20:00 До полуночи"]
    assert days["2025-03-26"] == []


@pytest.mark.django_db
def test_the_grid_shows_the_events_of_neighbouring_days(client, march):
    # April 2025 starts on a Tuesday: its grid begins with Monday 31 March.
    days = calendar_days(client.get("/ru/events/calendar/2025-04/").text)

    assert days["2025-03-31"] == ["12:00 Последний день"]


@pytest.mark.django_db
def test_months_are_navigable_through_the_url(client, march):
    html = client.get("/ru/events/calendar/2025-03/").text

    assert '<h2 id="month-title">Март 2025</h2>' in html
    assert 'rel="prev" href="/ru/events/calendar/2025-02/"' in html
    assert 'rel="next" href="/ru/events/calendar/2025-04/"' in html
    assert '<th scope="col"><abbr title="Понедельник">Пн</abbr></th>' in html


@pytest.mark.django_db
def test_navigation_crosses_years(client, calendar_ru):
    html = client.get("/ru/events/calendar/2025-01/").text

    assert 'href="/ru/events/calendar/2024-12/"' in html
    assert 'href="/ru/events/calendar/2025-02/"' in html


@pytest.mark.django_db
def test_the_calendar_without_a_month_shows_this_month(client, calendar_ru):
    from django.utils import timezone

    today = timezone.localdate()
    html = client.get("/ru/events/calendar/").text

    assert f'data-date="{today:%Y-%m-%d}" aria-current="date"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "month", ["2026-13", "2026-00", "1999-12", "9999-01", "2026-1", "20x6-01", "2026-05-01"]
)
def test_months_that_do_not_exist_are_not_found(client, calendar_ru, month):
    assert client.get(f"/ru/events/calendar/{month}/").status_code == 404


@pytest.mark.django_db
def test_filters_apply_to_the_calendar_and_survive_navigation(client, march):
    html = client.get("/ru/events/calendar/2025-03/", {"region": "ekaterinburg"}).text
    days = calendar_days(html)

    assert days["2025-03-10"] == ["23:30 Поздняя встреча, Екатеринбург"]
    assert days["2025-03-14"] == []
    assert 'href="/ru/events/calendar/2025-04/?region=ekaterinburg"' in html


@pytest.mark.django_db
def test_the_calendar_speaks_english_on_the_english_page(client, calendar_en, march):
    translate(march["late-ekb"], title="Late meeting")

    html = client.get("/en/events/calendar/2025-03/").text
    days = calendar_days(html)

    assert '<h2 id="month-title">March 2025</h2>' in html
    assert days["2025-03-10"] == ["23:30 Late meeting, Ekaterinburg"]
    assert days["2025-03-14"] == []  # not translated yet: not in the English calendar


@pytest.mark.django_db
def test_a_month_without_events_says_so(client, calendar_ru):
    html = client.get("/ru/events/calendar/2024-02/").text

    assert "В этом месяце мероприятий нет." in html


def test_month_weeks_places_events_by_their_local_days():
    from rusmeco_events.month import month_weeks

    class Event:
        local_days = (datetime.date(2025, 2, 27), datetime.date(2025, 3, 2))

    weeks = month_weeks(2025, 3, [Event()], today=datetime.date(2025, 3, 1))
    busy = [day.date.isoformat() for week in weeks for day in week if day.events]

    assert busy == ["2025-02-27", "2025-02-28", "2025-03-01", "2025-03-02"]
    assert weeks[0][0].date == datetime.date(2025, 2, 24)  # weeks start on Monday
