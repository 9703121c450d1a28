"""The learning page's programme of the coming months is drawn from the
scheduled events: its table matches them, in both languages."""

import pytest
from bs4 import BeautifulSoup

from home.demo import child_page
from rusmeco_events.models import LearningPage
from rusmeco_events.programme import programme
from tests.factories import EventPageFactory, translate
from tests.helpers import in_days


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
    def event(slug, days, theme, **fields):
        return EventPageFactory(
            parent=calendar_ru, slug=slug, start=in_days(days), topics=[topics[theme]], **fields
        )

    return {
        "ipr-meeting": event("ipr-meeting", 10, "ipr", region=regions["moscow"]),
        "km-online": event("km-online", 20, "knowledge-management", kind="online"),
        "km-training": event(
            "km-training", 30, "knowledge-management", kind="training", training_format="online"
        ),
        "quality-training": event(
            "quality-training",
            40,
            "quality-management",
            kind="training",
            training_format="blended",
            region=regions["st-petersburg"],
        ),
        # Left out: past, beyond the three months, not published.
        "past": event("past", -5, "ipr"),
        "far": event("far", 150, "quality-management", kind="online"),
        "draft": event("draft", 12, "ipr", kind="online"),
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
    EventPageFactory(
        parent=calendar_ru,
        slug="ipr-online",
        kind="online",
        start=in_days(15),
        topics=[topics["ipr"]],
    )

    rows = table(client.get("/ru/learning/").text)

    assert not rows[0][1].startswith("—")


@pytest.mark.django_db
def test_the_english_programme_names_themes_in_english(client, learning_ru, calendar_en, scheduled):
    translate(learning_ru, title="Learning")
    for key in ("ipr-meeting", "km-training"):
        translate(scheduled[key], title=f"English {key}")

    rows = table(client.get("/en/learning/").text)

    assert [row[0] for row in rows] == ["Intellectual property rights", "Knowledge management"]
    assert "online" in rows[1][3]


@pytest.mark.django_db
def test_an_empty_programme_says_so(client, learning_ru):
    html = client.get("/ru/learning/").text

    assert "На ближайшие месяцы мероприятия пока не запланированы." in html
