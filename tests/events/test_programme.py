"""The learning page's programme of the coming months is drawn from the
scheduled events: its table matches them, in both languages."""

import pytest
from bs4 import BeautifulSoup

from home.demo import child_page, translate
from rusmeco_events.models import LearningPage
from rusmeco_events.programme import programme
from tests.events.conftest import add_event, in_days


@pytest.fixture
def learning_ru(home_ru, calendar_ru):
    return child_page(
        home_ru,
        LearningPage,
        "learning",
        title="Обучение",
        intro="Тренинги для компаний.",
        months_ahead=3,
        show_in_menus=True,
    )


@pytest.fixture
def scheduled(calendar_ru, regions, topics):
    return {
        "ipr-meeting": add_event(
            calendar_ru,
            "ipr-meeting",
            region=regions["moscow"],
            start=in_days(10),
            topics=[topics["ipr"]],
        ),
        "km-online": add_event(
            calendar_ru,
            "km-online",
            kind="online",
            start=in_days(20),
            topics=[topics["knowledge-management"]],
        ),
        "km-training": add_event(
            calendar_ru,
            "km-training",
            kind="training",
            training_format="online",
            start=in_days(30),
            topics=[topics["knowledge-management"]],
        ),
        "quality-training": add_event(
            calendar_ru,
            "quality-training",
            kind="training",
            training_format="blended",
            region=regions["st-petersburg"],
            start=in_days(40),
            topics=[topics["quality-management"]],
        ),
        # Left out: past, beyond the three months, not published.
        "past": add_event(calendar_ru, "past", start=in_days(-5), topics=[topics["ipr"]]),
        "far": add_event(
            calendar_ru,
            "far",
            kind="online",
            start=in_days(150),
            topics=[topics["quality-management"]],
        ),
        "draft": add_event(
            calendar_ru, "draft", kind="online", start=in_days(12), topics=[topics["ipr"]]
        ),
    }


def table(html):
    """[[theme, online, face-to-face, training], ...] as the visitor reads it."""
    soup = BeautifulSoup(html, "html.parser")
    rows = soup.select(".programme-table tbody tr")
    return [
        [" ".join(cell.get_text(" ", strip=True).split()) for cell in row.find_all(["th", "td"])]
        for row in rows
    ]


@pytest.mark.django_db
def test_the_programme_matches_the_scheduled_events(locale_ru, scheduled):
    scheduled["draft"].unpublish()

    rows, trainings, _ = programme(locale_ru.pk, months_ahead=3)

    cells = {
        row.theme.slug: (
            [event.slug for event in row.online],
            [event.slug for event in row.meeting],
            [event.slug for event in row.training],
        )
        for row in rows
    }
    assert cells == {
        "ipr": ([], ["ipr-meeting"], []),
        "quality-management": ([], [], ["quality-training"]),
        "knowledge-management": (["km-online"], [], ["km-training"]),
    }
    assert [row.theme.slug for row in rows] == [
        "ipr",
        "quality-management",
        "knowledge-management",
    ]  # in the themes' own order
    assert [event.slug for event in trainings] == ["km-training", "quality-training"]


@pytest.mark.django_db
def test_the_learning_page_shows_the_table(client, learning_ru, scheduled):
    scheduled["draft"].unpublish()

    html = client.get("/ru/learning/").text
    rows = table(html)

    assert [row[0] for row in rows] == [
        "Права интеллектуальной собственности",
        "Управление качеством",
        "Управление знаниями",
    ]
    ipr, quality, knowledge = rows
    assert ipr[1].startswith("—") and "Москва" in ipr[2] and ipr[3].startswith("—")
    assert "смешанный" in quality[3] and "Санкт-Петербург" in quality[3]
    assert knowledge[1] != "—" and "онлайн" in knowledge[3]
    assert f'href="{scheduled["km-training"].url}"' in html
    assert "Ближайшие тренинги" in html


@pytest.mark.django_db
def test_a_new_event_appears_in_the_programme_at_once(
    client, calendar_ru, learning_ru, scheduled, topics
):
    add_event(
        calendar_ru,
        "ipr-online",
        kind="online",
        start=in_days(15),
        topics=[topics["ipr"]],
    )

    rows = table(client.get("/ru/learning/").text)

    assert not rows[0][1].startswith("—")


@pytest.mark.django_db
def test_the_english_programme_names_themes_in_english(client, learning_ru, calendar_en, scheduled):
    translate(learning_ru, "en", {"Обучение": "Learning"})
    for key in ("ipr-meeting", "km-training"):
        translate(scheduled[key], "en", {scheduled[key].title: f"English {key}"})

    rows = table(client.get("/en/learning/").text)

    assert [row[0] for row in rows] == ["Intellectual property rights", "Knowledge management"]
    assert "online" in rows[1][3]


@pytest.mark.django_db
def test_an_empty_programme_says_so(client, learning_ru):
    html = client.get("/ru/learning/").text

    assert "На ближайшие месяцы мероприятия пока не запланированы." in html
