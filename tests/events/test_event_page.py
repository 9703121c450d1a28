"""An event's page: its times in the right zone with the zone named, the
visitor's own time for online events, the joining link for confirmed
participants only, speakers and the report after the event."""

import io

import pytest
from django.core.files.images import ImageFile
from django.test import Client
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from rusmeco_events.registration import register
from rusmeco_events.times import zone_label
from tests.factories import EventPageFactory, MemberFactory, translate
from tests.helpers import EKATERINBURG, MOSCOW, at, in_days

JOINING_LINK = "https://meet.rusmeco.example/room-42"


@pytest.mark.django_db
def test_a_face_to_face_event_shows_its_regions_local_time(client, calendar_ru, regions):
    event = EventPageFactory(
        parent=calendar_ru,
        slug="ural",
        region=regions["ekaterinburg"],
        start=at(EKATERINBURG, 2030, 5, 10, 18, 0),
        end=at(EKATERINBURG, 2030, 5, 10, 21, 0),
    )

    html = client.get(event.url).text

    assert "10 мая 2030, 18:00–21:00" in html
    assert "(екатеринбургское время, UTC+5)" in html
    assert 'datetime="2030-05-10T16:00:00+03:00"' in html  # the same instant
    assert "data-visitor-time" not in html


@pytest.mark.django_db
def test_the_english_page_names_the_zone_in_english(client, calendar_ru, calendar_en, regions):
    event = EventPageFactory(
        parent=calendar_ru,
        slug="ural",
        title="Встреча на Урале",
        region=regions["ekaterinburg"],
        start=at(EKATERINBURG, 2030, 5, 10, 18, 0),
    )
    english = translate(event, title="Meeting in the Urals")

    html = client.get(english.url).text

    assert "10 May 2030, 18:00–20:00" in html
    assert "(Yekaterinburg time, UTC+5)" in html
    assert "Face-to-face event · Ekaterinburg" in html


@pytest.mark.django_db
def test_an_online_event_also_shows_the_visitors_own_time(client, calendar_ru):
    event = EventPageFactory(
        parent=calendar_ru, slug="webinar", kind="online", start=at(MOSCOW, 2030, 5, 10, 11, 0)
    )

    html = client.get(event.url).text

    # The server gives Moscow time, named; the script adds the visitor's.
    assert "10 мая 2030, 11:00–13:00" in html and "(московское время, UTC+3)" in html
    assert 'data-start="2030-05-10T11:00:00+03:00"' in html
    assert 'data-label="По вашему времени"' in html
    assert "/static/events/local-time.js" in html


def test_zone_names_carry_the_offset_of_the_day():
    # Moscow kept summer time until 2011: UTC+4 in July 2010, UTC+3 in winter.
    assert zone_label(at(MOSCOW, 2010, 7, 1, 12, 0), MOSCOW).endswith("UTC+4")
    assert zone_label(at(MOSCOW, 2006, 11, 16, 14, 0), MOSCOW).endswith("UTC+3")
    assert zone_label(at(EKATERINBURG, 2006, 12, 7, 15, 0), EKATERINBURG).endswith("UTC+5")


@pytest.fixture
def online_event(calendar_ru):
    return EventPageFactory(
        parent=calendar_ru, slug="online-room", kind="online", capacity=1, joining_link=JOINING_LINK
    )


@pytest.mark.django_db
def test_the_joining_link_is_shown_only_to_confirmed_participants(online_event, anna, boris):
    register(online_event, anna, "ru")
    register(online_event, boris, "ru")  # the event is full: waiting list
    confirmed, waiting, outsider, anonymous = Client(), Client(), Client(), Client()
    confirmed.force_login(anna)
    waiting.force_login(boris)
    outsider.force_login(MemberFactory(username="outsider"))

    assert JOINING_LINK in confirmed.get(online_event.url).text
    for client in (waiting, outsider, anonymous):
        assert JOINING_LINK not in client.get(online_event.url).text
    assert JOINING_LINK not in anonymous.get(f"{online_event.url}ics/").text


@pytest.mark.django_db
def test_member_pages_are_never_cached_by_shared_caches(client, online_event, anna):
    register(online_event, anna, "ru")
    client.force_login(anna)

    response = client.get(online_event.url)

    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_speakers_and_the_report_are_shown(client, calendar_ru):
    picture = io.BytesIO()
    PillowImage.new("RGB", (64, 48), (29, 78, 137)).save(picture, "PNG")
    photo = get_image_model().objects.create(
        title="Фото встречи", file=ImageFile(picture, name="meeting.png")
    )
    event = EventPageFactory(
        parent=calendar_ru,
        slug="reported",
        start=in_days(-5),
        speakers=[
            ("speaker", {"name": "Ирина Соколова", "role": "Патентный поверенный", "about": ""})
        ],
        report_body=[("paragraph", "<p>Встреча собрала сорок участников.</p>")],
        report_gallery=[
            ("photo", {"image": photo, "caption": "Обсуждение", "alt_text": "Участники за столом"})
        ],
    )

    html = client.get(event.url).text

    assert "Ирина Соколова" in html and "Патентный поверенный" in html
    assert 'id="report"' in html and "Встреча собрала сорок участников." in html
    assert 'alt="Участники за столом"' in html and "Обсуждение" in html
    assert "Мероприятие уже прошло." in html


@pytest.mark.django_db
def test_themes_are_shown_in_the_pages_language(client, calendar_ru, calendar_en, topics):
    event = EventPageFactory(parent=calendar_ru, slug="themed", topics=[topics["ipr"]])
    english = translate(event, title="Themed event")

    assert "Intellectual property rights" in client.get(english.url).text
    assert "Права интеллектуальной собственности" in client.get(event.url).text


@pytest.mark.django_db
def test_an_unknown_event_is_not_found(client, calendar_ru):
    assert client.get("/ru/events/no-such-event/").status_code == 404
    assert client.get("/ru/events/no-such-event/ics/").status_code == 404
