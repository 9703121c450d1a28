"""The event calendar's list views: upcoming events, the archive of past
events, the filters and pagination, in both languages; visitors see only
live, public events of the page's language."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import EventPageFactory, translate
from tests.helpers import in_days


def listed(html):
    soup = BeautifulSoup(html, "html.parser")
    return [link.get_text(strip=True) for link in soup.select(".event-card h3 a")]


@pytest.fixture
def programme(calendar_ru, regions, topics):
    return {
        "ipr": EventPageFactory(
            parent=calendar_ru,
            slug="ipr",
            title="Патенты",
            region=regions["moscow"],
            start=in_days(5),
            topics=[topics["ipr"]],
        ),
        "online": EventPageFactory(
            parent=calendar_ru,
            slug="online",
            title="Онлайн-знания",
            kind="online",
            start=in_days(2),
            topics=[topics["knowledge-management"]],
        ),
        "ekb": EventPageFactory(
            parent=calendar_ru,
            slug="ekb",
            title="Качество на Урале",
            region=regions["ekaterinburg"],
            start=in_days(9),
            topics=[topics["quality-management"], topics["ipr"]],
        ),
        "past": EventPageFactory(
            parent=calendar_ru, slug="past", title="Прошлая встреча", start=in_days(-20)
        ),
        "older": EventPageFactory(
            parent=calendar_ru, slug="older", title="Давняя встреча", start=in_days(-60)
        ),
    }


@pytest.mark.django_db
def test_upcoming_events_are_listed_soonest_first(client, programme):
    html = client.get("/ru/events/").text

    assert listed(html) == ["Онлайн-знания", "Патенты", "Качество на Урале"]
    assert "екатеринбургское время, UTC+5" in html


@pytest.mark.django_db
def test_the_archive_lists_past_events_latest_first(client, programme):
    html = client.get("/ru/events/archive/").text

    assert listed(html) == ["Прошлая встреча", "Давняя встреча"]


@pytest.mark.django_db
def test_drafts_and_private_events_are_not_listed(client, calendar_ru, programme):
    programme["ipr"].unpublish()
    PageViewRestriction.objects.create(
        page=programme["ekb"], restriction_type=PageViewRestriction.LOGIN
    )

    assert listed(client.get("/ru/events/").text) == ["Онлайн-знания"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"region": "ekaterinburg"}, ["Качество на Урале"]),
        ({"kind": "online"}, ["Онлайн-знания"]),
        ({"theme": "ipr"}, ["Патенты", "Качество на Урале"]),
        ({"theme": "ipr", "region": "moscow"}, ["Патенты"]),
    ],
)
def test_filters_narrow_the_list(client, programme, query, expected):
    assert listed(client.get("/ru/events/", query).text) == expected


@pytest.mark.django_db
def test_a_bad_filter_value_is_reported_and_ignored(client, programme):
    response = client.get("/ru/events/", {"region": "atlantis", "kind": "<script>x</script>"})

    assert response.status_code == 200
    assert "Выберите корректный вариант." in response.text
    assert "<script>x</script>" not in response.text
    assert listed(response.text) == ["Онлайн-знания", "Патенты", "Качество на Урале"]


@pytest.mark.django_db
def test_english_page_lists_english_events_with_english_terms(client, calendar_en, programme):
    translate(programme["ekb"], title="Quality in the Urals")

    html = client.get("/en/events/", {"theme": "quality-management"}).text

    assert listed(html) == ["Quality in the Urals"]
    assert "Quality management" in html and "Intellectual property rights" in html
    assert "Ekaterinburg" in html and "Yekaterinburg time, UTC+5" in html
    assert "Управление качеством" not in html


@pytest.mark.django_db
def test_the_list_is_paginated_and_keeps_the_filters(client, calendar_ru, regions):
    for number in range(25):
        EventPageFactory(
            parent=calendar_ru,
            slug=f"e{number}",
            region=regions["ekaterinburg"],
            start=in_days(1 + number),
        )

    first = client.get("/ru/events/", {"region": "ekaterinburg"}).text
    second = client.get("/ru/events/", {"region": "ekaterinburg", "page": 2}).text
    beyond = client.get("/ru/events/", {"region": "ekaterinburg", "page": 999}).text
    garbage = client.get("/ru/events/", {"page": "abc"})

    assert len(listed(first)) == 20
    assert 'href="?region=ekaterinburg&amp;page=2"' in first
    assert len(listed(second)) == 5
    assert listed(beyond) == listed(second)  # past the end: the last page
    assert garbage.status_code == 200 and len(listed(garbage.text)) == 20


@pytest.mark.django_db
def test_empty_list_says_so(client, calendar_ru):
    html = client.get("/ru/events/", {"kind": "training"}).text

    assert "Ближайших мероприятий нет." in html
    assert "Сбросить фильтры" in html


@pytest.mark.django_db
def test_the_calendar_offers_its_feeds(client, programme):
    html = client.get("/ru/events/").text

    assert 'href="/ru/events/feed/"' in html
    assert 'href="/ru/events/feed/region/ekaterinburg/"' in html
    assert 'href="/ru/events/feed/theme/ipr/"' in html
    assert '<link rel="alternate" type="text/calendar"' in html


@pytest.mark.django_db
def test_a_past_event_with_a_report_links_to_it(client, programme):
    past = programme["past"]
    past.report_body = [("paragraph", "<p>Отчёт о встрече.</p>")]
    past.save_revision().publish()

    html = client.get("/ru/events/archive/").text

    assert f'href="{past.url}#report"' in html


@pytest.mark.django_db
def test_events_past_their_expiry_date_are_not_listed(client, calendar_ru, programme):
    programme["ipr"].expire_at = timezone.now() - datetime.timedelta(hours=1)
    programme["ipr"].save()

    feed = client.get("/ru/events/feed/").content.decode()

    assert listed(client.get("/ru/events/").text) == ["Онлайн-знания", "Качество на Урале"]
    assert "Онлайн-знания" in feed and "Патенты" not in feed
