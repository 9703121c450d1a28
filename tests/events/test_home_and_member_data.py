"""The events app elsewhere on the portal: the "Upcoming events" section of
the home page, and a member's registrations in their data export and
account erasure."""

import pytest
from django.core import mail
from wagtail.models import PageViewRestriction

from home.member_data import erase_member_data, export_member_data
from rusmeco_events.models import Registration
from rusmeco_events.registration import register
from tests.factories import EventPageFactory, translate
from tests.helpers import EKATERINBURG, at, in_days


def upcoming_section(html):
    start = html.index('class="home-events"')
    return html[start : html.index("</section>", start)]


@pytest.mark.django_db
def test_the_home_page_shows_the_next_events(client, calendar_ru, regions):
    for number in range(6):
        EventPageFactory(
            parent=calendar_ru,
            slug=f"e{number}",
            title=f"Встреча {number}",
            start=in_days(number + 1),
        )
    EventPageFactory(
        parent=calendar_ru,
        slug="ural",
        title="Уральская встреча",
        region=regions["ekaterinburg"],
        start=at(EKATERINBURG, 2000 + 99, 1, 1, 0, 30),
    )
    EventPageFactory(parent=calendar_ru, slug="past", title="Прошлая встреча", start=in_days(-1))

    section = upcoming_section(client.get("/ru/").text)

    assert "Ближайшие мероприятия" in section
    assert [f"Встреча {number}" in section for number in range(6)] == [True] * 4 + [False] * 2
    assert "Прошлая встреча" not in section
    assert 'href="/ru/events/">Все мероприятия</a>' in section
    assert "(московское время, UTC+3)" in section


@pytest.mark.django_db
def test_the_home_section_leaves_out_drafts_and_private_events(client, calendar_ru):
    draft = EventPageFactory(parent=calendar_ru, slug="draft", title="Черновик", start=in_days(1))
    private = EventPageFactory(
        parent=calendar_ru, slug="private", title="Закрытая", start=in_days(2)
    )
    EventPageFactory(parent=calendar_ru, slug="open", title="Открытая", start=in_days(3))
    draft.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    section = upcoming_section(client.get("/ru/").text)

    assert "Открытая" in section
    assert "Черновик" not in section and "Закрытая" not in section


@pytest.mark.django_db
def test_the_english_home_page_shows_english_events(client, calendar_en, calendar_ru):
    event = EventPageFactory(parent=calendar_ru, slug="meet", title="Встреча", start=in_days(2))
    translate(event, title="Meeting")

    section = upcoming_section(client.get("/en/").text)

    assert "Upcoming events" in section and "Meeting" in section
    assert 'href="/en/events/">All events</a>' in section


@pytest.mark.django_db
def test_no_section_without_upcoming_events(client, calendar_ru):
    EventPageFactory(parent=calendar_ru, slug="past", start=in_days(-3))

    assert 'class="home-events"' not in client.get("/ru/").text


@pytest.mark.django_db
def test_a_members_registrations_are_in_their_data_export(calendar_ru, anna, boris):
    event = EventPageFactory(parent=calendar_ru, slug="export", title="Встреча для экспорта")
    register(event, anna, "ru")
    register(event, boris, "ru")

    exported = export_member_data(anna)["event_registrations"]

    assert len(exported) == 1
    assert exported[0]["event"] == "Встреча для экспорта"
    assert exported[0]["status"] == "confirmed"
    assert exported[0]["event_start"] == event.start.isoformat()


@pytest.mark.django_db
def test_erasing_a_member_frees_their_seat_for_the_next_in_line(
    calendar_ru, anna, boris, django_capture_on_commit_callbacks
):
    event = EventPageFactory(parent=calendar_ru, slug="erase", capacity=1)
    register(event, anna, "ru")
    register(event, boris, "ru")

    with django_capture_on_commit_callbacks(execute=True):
        erase_member_data(anna)

    assert not Registration.objects.filter(user=anna).exists()
    assert Registration.objects.get(user=boris).status == "confirmed"
    assert [message.to for message in mail.outbox] == [["boris@members.example"]]


@pytest.mark.django_db
def test_whats_new_on_the_home_page_lists_event_reports(client, calendar_ru, calendar_en):
    reported = EventPageFactory(
        parent=calendar_ru, slug="kick-off", title="Первая встреча", start=in_days(-10)
    )
    EventPageFactory(
        parent=calendar_ru, slug="no-report", title="Встреча без отчёта", start=in_days(-5)
    )
    draft = EventPageFactory(
        parent=calendar_ru, slug="draft-report", title="Черновик отчёта", start=in_days(-3)
    )
    reported.report_body = [("paragraph", "<p>Встреча прошла хорошо.</p>")]
    reported.save_revision().publish()
    draft.report_body = [("paragraph", "<p>Ещё не готово.</p>")]
    draft.save_revision()  # not published: no report yet

    html = client.get("/ru/").text
    section = html[html.index('class="home-section whats-new"') :]
    section = section[: section.index("</section>")]

    assert f'href="{reported.url}#report" data-content>Первая встреча</a>' in section
    assert "Отчёт о мероприятии" in section
    assert "Встреча без отчёта" not in section and "Черновик отчёта" not in section
    assert 'href="/ru/events/">Все мероприятия</a>' in section
    # The English home page lists only English reports: there are none yet.
    assert "Первая встреча" not in client.get("/en/").text
