"""Events in the Wagtail admin: editors enter an event's times as local
time of its region and are told when the end comes before the start;
coordinators see the registrations and download them as CSV, and nobody
else does."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from rusmeco_events.models import EventPage, Registration
from rusmeco_events.registration import register
from tests.factories import EventPageFactory, MemberFactory, StaffFactory
from tests.helpers import EKATERINBURG, MOSCOW, at

REGISTRATIONS_URL = reverse("registrations:index")


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("events", "eventpage", parent.pk))


def event_form(topics=(), **fields):
    values = {
        "title": "Встреча в Екатеринбурге",
        "slug": "ekaterinburg-evening",
        "kind": "meeting",
        "training_format": "",
        "start": "2030-05-10 18:00",
        "end": "2030-05-10 21:00",
        "region": "",
        "venue": "",
        "address": "",
        "joining_link": "",
        "summary": "",
        "capacity": "",
        "registration_deadline": "",
        "body": streamfield([]),
        "speakers": streamfield([]),
        "report_body": streamfield([]),
        "report_gallery": streamfield([]),
        "report_documents": streamfield([]),
        "comments": inline_formset([]),
        **fields,
    }
    data = nested_form_data(values)
    data["topics"] = [topic.pk for topic in topics]
    return data


@pytest.mark.django_db
def test_times_are_entered_as_local_time_of_the_region(
    client, coordinator, calendar_ru, regions, topics
):
    client.force_login(coordinator)

    response = client.post(
        add_url(calendar_ru),
        event_form(
            region=regions["ekaterinburg"].pk, topics=[topics["ipr"]], **{"action-publish": ""}
        ),
    )

    assert response.status_code == 302
    page = EventPage.objects.get(slug="ekaterinburg-evening")
    # 18:00 in Ekaterinburg, not 18:00 Moscow time (the admin's own zone).
    assert page.start == at(EKATERINBURG, 2030, 5, 10, 18, 0)
    assert page.end == at(EKATERINBURG, 2030, 5, 10, 21, 0)
    assert list(page.topics.all()) == [topics["ipr"]]

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).text
    assert 'value="2030-05-10 18:00"' in edit  # shown back as the local time


@pytest.mark.django_db
def test_events_without_a_region_are_entered_in_moscow_time(client, coordinator, calendar_ru):
    client.force_login(coordinator)

    client.post(add_url(calendar_ru), event_form(kind="online"))

    assert EventPage.objects.get().start == at(MOSCOW, 2030, 5, 10, 18, 0)


@pytest.mark.django_db
def test_an_end_before_the_start_is_refused_in_the_admin(client, coordinator, calendar_ru, regions):
    client.force_login(coordinator)

    response = client.post(
        add_url(calendar_ru),
        event_form(region=regions["moscow"].pk, end="2030-05-10 17:00"),
    )

    assert response.status_code == 200
    assert "Окончание должно быть позже начала." in response.text
    assert not EventPage.objects.exists()


@pytest.mark.django_db
def test_a_garbled_date_is_refused_in_the_admin(client, coordinator, calendar_ru, regions):
    client.force_login(coordinator)

    response = client.post(
        add_url(calendar_ru), event_form(region=regions["moscow"].pk, start="2030-13-45 25:00")
    )

    assert response.status_code == 200
    assert not EventPage.objects.exists()


@pytest.mark.django_db
def test_the_admin_offers_themes_of_the_pages_language(client, coordinator, calendar_ru, topics):
    client.force_login(coordinator)

    html = client.get(add_url(calendar_ru)).text

    assert "Управление качеством" in html and "Quality management" not in html


@pytest.mark.django_db
def test_a_region_in_another_language_is_refused(
    client, coordinator, calendar_ru, regions, locale_en
):
    english_region = regions["moscow"].get_translation(locale_en)
    client.force_login(coordinator)

    response = client.post(add_url(calendar_ru), event_form(region=english_region.pk))

    assert response.status_code == 200
    assert not EventPage.objects.exists()


@pytest.fixture
def registrations(calendar_ru, anna, boris):
    event = EventPageFactory(
        parent=calendar_ru, slug="popular", title="Популярная встреча", capacity=1
    )
    register(event, anna, "ru")
    register(event, boris, "en")
    return event


@pytest.mark.django_db
def test_coordinator_sees_the_registrations(client, coordinator, registrations):
    client.force_login(coordinator)

    response = client.get(REGISTRATIONS_URL)

    assert response.status_code == 200
    assert "Анна Соколова" in response.text
    assert "boris@members.example" in response.text
    assert "В листе ожидания" in response.text


@pytest.mark.django_db
def test_coordinator_downloads_the_registrations_as_csv(client, coordinator, registrations):
    client.force_login(coordinator)

    response = client.get(REGISTRATIONS_URL, {"export": "csv", "event": registrations.pk})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="registrations.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:5] == [
        "Мероприятие",
        "Начало мероприятия",
        "Участник",
        "Электронная почта",
        "Статус",
    ]
    assert [row[2:5] for row in rows[1:]] == [
        ["Анна Соколова", "anna@members.example", "confirmed"],
        ["Борис Орлов", "boris@members.example", "waiting"],
    ]
    assert rows[1][0] == "Популярная встреча"


@pytest.mark.django_db
def test_spreadsheet_formulas_typed_by_members_are_exported_as_text(
    client, coordinator, calendar_ru
):
    event = EventPageFactory(parent=calendar_ru, slug="formula")
    register(
        event, MemberFactory(username="mallory", first_name="=HYPERLINK(1)", last_name="x"), "ru"
    )
    client.force_login(coordinator)

    response = client.get(REGISTRATIONS_URL, {"export": "csv"})

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[1][2] == "'=HYPERLINK(1) x"


@pytest.mark.django_db
def test_the_event_page_in_the_admin_links_to_its_registrations(client, coordinator, registrations):
    client.force_login(coordinator)

    html = client.get(reverse("wagtailadmin_pages:edit", args=[registrations.pk])).text

    assert f"{REGISTRATIONS_URL}?event={registrations.pk}" in html


@pytest.mark.django_db
def test_members_cannot_see_the_registrations(client, anna, registrations):
    client.force_login(anna)

    response = client.get(REGISTRATIONS_URL, {"export": "csv"})

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_editors_without_the_permission_cannot_see_the_registrations(client, registrations):
    editor = StaffFactory(username="editor")
    editors = Group.objects.create(name="Editors of another kind")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(editors)
    client.force_login(editor)

    listing = client.get(REGISTRATIONS_URL)
    export = client.get(REGISTRATIONS_URL, {"export": "csv"})

    assert listing.status_code == 302 and export.status_code == 302
    assert "anna@members.example" not in listing.text


@pytest.mark.django_db
def test_registrations_cannot_be_changed_in_the_admin_even_by_a_superuser(client, registrations):
    admin = StaffFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(admin)
    registration = Registration.objects.get(user__username="anna")

    edit = client.post(
        reverse("registrations:edit", args=[registration.pk]), {"status": "cancelled"}
    )
    delete = client.post(reverse("registrations:delete", args=[registration.pk]))
    add = client.get(reverse("registrations:add"))

    assert {edit.status_code, delete.status_code, add.status_code} == {302}
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    assert client.get(reverse("registrations:inspect", args=[registration.pk])).status_code == 200


@pytest.mark.django_db
def test_a_new_event_can_be_previewed_before_it_is_saved(
    client, coordinator, calendar_ru, regions, topics
):
    client.force_login(coordinator)
    url = reverse("wagtailadmin_pages:preview_on_add", args=("events", "eventpage", calendar_ru.pk))
    data = event_form(region=regions["ekaterinburg"].pk, topics=[topics["ipr"]])

    assert client.post(url, data).json()["is_valid"]
    response = client.get(url)

    assert response.status_code == 200
    assert "Встреча в Екатеринбурге" in response.text
    assert "Права интеллектуальной собственности" in response.text
    assert "(екатеринбургское время, UTC+5)" in response.text
    assert not EventPage.objects.exists()


@pytest.mark.django_db
def test_changes_to_an_event_can_be_previewed(client, coordinator, calendar_ru, regions, topics):
    page = EventPageFactory(
        parent=calendar_ru, slug="previewed", region=regions["moscow"], topics=[topics["ipr"]]
    )
    client.force_login(coordinator)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = event_form(
        title="Новое название",
        slug="previewed",
        region=regions["moscow"].pk,
        topics=[topics["quality-management"]],
    )

    assert client.post(url, data).json()["is_valid"]
    html = client.get(url).text

    assert "Новое название" in html and "Управление качеством" in html
    assert EventPage.objects.get(pk=page.pk).title != "Новое название"
