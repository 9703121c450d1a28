"""The event pages: where they may be created, what an event must have, and
the date of its report."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from rusmeco_events.models import EventIndexPage, EventPage, LearningPage
from tests.factories import EventPageFactory
from tests.helpers import MOSCOW, at, in_days


class TestPageTree(WagtailPageTestCase):
    def test_event_calendar_and_learning_page_sit_under_the_home_page(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(LearningPage, {HomePage})

    def test_events_live_only_in_an_event_calendar(self):
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertCanNotCreateAt(StandardPage, EventPage)
        self.assertCanNotCreateAt(HomePage, EventPage)

    def test_events_and_learning_pages_have_no_children(self):
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertAllowedSubpageTypes(LearningPage, set())


def event(**fields):
    values = {
        "title": "Встреча",
        "slug": "meeting",
        "kind": "online",
        "start": at(MOSCOW, 2030, 5, 10, 18, 0),
        "end": at(MOSCOW, 2030, 5, 10, 20, 0),
        **fields,
    }
    return EventPage(**values)


TREE_FIELDS = ["path", "depth"]  # set when the page is added to the tree


def errors_of(page):
    with pytest.raises(ValidationError) as caught:
        page.full_clean(exclude=TREE_FIELDS)
    return caught.value.message_dict


@pytest.mark.django_db
def test_an_end_before_the_start_is_refused():
    page = event(end=at(MOSCOW, 2030, 5, 10, 17, 0))

    assert errors_of(page)["end"] == ["Окончание должно быть позже начала."]


@pytest.mark.django_db
def test_an_end_equal_to_the_start_is_refused():
    page = event(end=at(MOSCOW, 2030, 5, 10, 18, 0))

    assert "end" in errors_of(page)


@pytest.mark.django_db
def test_a_training_needs_its_format_and_other_kinds_drop_it():
    assert "training_format" in errors_of(event(kind="training"))

    online = event(kind="online", training_format="blended")
    online.full_clean(exclude=TREE_FIELDS)
    assert online.training_format == ""


@pytest.mark.django_db
def test_a_face_to_face_event_needs_its_region():
    assert errors_of(event(kind="meeting"))["region"] == ["Для очной встречи укажите регион."]


@pytest.mark.django_db
def test_registration_cannot_close_after_the_start():
    page = event(registration_deadline=at(MOSCOW, 2030, 5, 11, 0, 0))

    assert "registration_deadline" in errors_of(page)


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["archive", "calendar", "feed"])
def test_an_event_cannot_take_an_address_the_calendar_uses(slug):
    assert errors_of(event(slug=slug))["slug"] == [
        "Календарь мероприятий сам использует этот адрес: выберите другой."
    ]


@pytest.mark.django_db
def test_capacity_must_be_at_least_one():
    assert "capacity" in errors_of(event(capacity=0))


@pytest.mark.django_db
def test_kinds_of_event_tell_what_the_event_offers(calendar_ru, regions):
    online = EventPageFactory(parent=calendar_ru, slug="online", kind="online")
    meeting = EventPageFactory(parent=calendar_ru, slug="meeting", kind="meeting")
    blended = EventPageFactory(
        parent=calendar_ru,
        slug="blended",
        kind="training",
        training_format="blended",
        region=regions["moscow"],
    )
    remote = EventPageFactory(
        parent=calendar_ru, slug="remote", kind="training", training_format="online"
    )

    assert (online.meets_online, online.meets_in_person) == (True, False)
    assert (meeting.meets_online, meeting.meets_in_person) == (False, True)
    assert (blended.meets_online, blended.meets_in_person) == (True, True)
    assert (remote.meets_online, remote.meets_in_person) == (True, False)
    assert str(blended.kind_label) == "Смешанный тренинг"
    assert str(remote.kind_label) == "Онлайн-тренинг"


@pytest.mark.django_db
def test_the_report_is_dated_when_it_first_goes_live(calendar_ru):
    page = EventPageFactory(parent=calendar_ru, slug="with-report", start=in_days(-3))
    assert page.report_published_at is None

    page.report_body = [("paragraph", "<p>Встреча прошла хорошо.</p>")]
    page.save_revision()  # a draft does not date the report
    assert EventPage.objects.get(pk=page.pk).report_published_at is None

    page.save_revision().publish()
    first = EventPage.objects.get(pk=page.pk).report_published_at
    assert first is not None

    # Later revisions keep the first date ("What's new" lists it once).
    edited = EventPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    edited.report_body = [("paragraph", "<p>Добавили фотографии.</p>")]
    edited.save_revision().publish()
    assert EventPage.objects.get(pk=page.pk).report_published_at == first


@pytest.mark.django_db
def test_recent_reports_are_listed_newest_first(calendar_ru, locale_ru):
    older = EventPageFactory(parent=calendar_ru, slug="older", start=in_days(-30))
    newer = EventPageFactory(parent=calendar_ru, slug="newer", start=in_days(-10))
    EventPageFactory(parent=calendar_ru, slug="no-report", start=in_days(-5))
    for page, days_ago in ((older, 20), (newer, 2)):
        page.report_body = [("paragraph", "<p>Отчёт.</p>")]
        page.report_published_at = in_days(-days_ago)
        page.save_revision().publish()

    reports = EventPage.objects.visible(locale_ru.pk).reports()
    assert [page.slug for page in reports] == ["newer", "older"]


@pytest.mark.django_db
def test_registration_closes_at_the_deadline_or_the_start(calendar_ru):
    start = in_days(10)
    page = EventPageFactory(parent=calendar_ru, slug="closes", start=start)
    assert page.registration_closes_at == start

    page.registration_deadline = start - datetime.timedelta(days=2)
    assert page.registration_closes_at == start - datetime.timedelta(days=2)
