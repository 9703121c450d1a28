"""Warm introductions: the member asks the coordinators of the listing's
region once; those coordinators (and the head office, and superusers) see
the request on their dashboard and record the introduction, which tells
the member and the company; coordinators of other regions and everyone
else are refused and write nothing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.models import Notification
from partnerships.models import Interest
from tests.factories import ListingPageFactory
from tests.helpers import AdminClient, csrf_client, csrf_token, logged_in
from tests.partnerships.contact_fixtures import contact_url, make_interest

pytestmark = pytest.mark.django_db


def ask(interest, note="Мы встречались на выставке."):
    Interest.objects.filter(pk=interest.pk).update(
        introduction_requested_at=timezone.now(), introduction_request_note=note
    )
    interest.refresh_from_db()
    return interest


def record_url(interest):
    return reverse("partnerships_introduce", args=[interest.pk])


def test_the_member_asks_once(contact_interest, anna):
    client = csrf_client(anna)
    token = csrf_token(client, contact_url(contact_interest))
    url = contact_url(contact_interest)

    response = client.post(
        url, {"action": "introduction", "note": "Знаем их директора.", "csrfmiddlewaretoken": token}
    )

    assert response.status_code == 302
    contact_interest.refresh_from_db()
    asked_at = contact_interest.introduction_requested_at
    assert asked_at is not None
    assert contact_interest.introduction_request_note == "Знаем их директора."
    page = client.get(url).text
    assert "Запрошено у координаторов региона объявления" in page
    assert 'value="introduction"' not in page

    response = client.post(
        url,
        {"action": "introduction", "note": "Ещё раз", "csrfmiddlewaretoken": token},
        follow=True,
    )

    assert "Вы уже попросили о знакомстве." in response.text
    contact_interest.refresh_from_db()
    assert contact_interest.introduction_requested_at == asked_at
    assert contact_interest.introduction_request_note == "Знаем их директора."


@pytest.mark.parametrize("who", ["moscow", "coordinator", "admin"])
def test_the_dashboard_shows_the_request_to_the_regions_coordinators(contact_interest, staff, who):
    ask(contact_interest)

    dashboard = AdminClient(staff[who]).dashboard.content.decode()

    assert 'id="partnership-introductions-section"' in dashboard
    assert f'data-interest="{contact_interest.pk}"' in dashboard
    assert record_url(contact_interest) in dashboard


def test_coordinators_of_other_regions_do_not_see_it(contact_interest, staff):
    ask(contact_interest)

    dashboard = AdminClient(staff["ekaterinburg"]).dashboard.content.decode()
    listing = AdminClient(staff["ekaterinburg"]).get(reverse("partnerships_introductions"))

    assert f'data-interest="{contact_interest.pk}"' not in dashboard
    assert listing.status_code == 200
    assert f'data-interest="{contact_interest.pk}"' not in listing.content.decode()


def test_people_who_coordinate_nothing_have_no_panel_and_no_page(contact_interest, staff):
    ask(contact_interest)
    client = AdminClient(staff["editor"])

    assert 'id="partnership-introductions-section"' not in client.dashboard.content.decode()
    assert client.get(reverse("partnerships_introductions")).status_code == 302
    assert client.get(record_url(contact_interest)).status_code == 302


def test_the_regions_coordinator_records_the_introduction(
    contact_interest, staff, anna, boris, vera, django_capture_on_commit_callbacks
):
    ask(contact_interest)
    client = AdminClient(staff["moscow"])
    page = client.get(record_url(contact_interest))
    assert page.status_code == 200
    assert "Мы встречались на выставке." in page.content.decode()
    day = timezone.localdate() - datetime.timedelta(days=1)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            record_url(contact_interest),
            {
                "introduced_on": day.isoformat(),
                "note": "Созвонились втроём.",
                "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
            },
        )

    assert response.status_code == 302
    contact_interest.refresh_from_db()
    assert contact_interest.introduced_on == day
    assert contact_interest.introduced_by == staff["moscow"]
    assert contact_interest.introduction_note == "Созвонились втроём."
    told = Notification.objects.filter(event="partnership_introduction")
    assert {notice.recipient for notice in told} == {anna, boris}
    assert "Созвонились втроём." in logged_in(anna).get(contact_url(contact_interest)).text
    # The request has left the panel.
    assert (
        f'data-interest="{contact_interest.pk}"'
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    # The coordinator who introduced may read the conversation, not write.
    reader = csrf_client(staff["moscow"])
    assert reader.get(contact_url(contact_interest)).status_code == 200
    token = reader.cookies["csrftoken"].value
    response = reader.post(
        contact_url(contact_interest),
        {"action": "reply", "body": "Я", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 403
    assert contact_interest.messages.count() == 1


def test_the_head_office_introduces_in_any_region(contact_interest, staff):
    ask(contact_interest)
    client = AdminClient(staff["coordinator"])

    client.post(
        record_url(contact_interest),
        {
            "introduced_on": timezone.localdate().isoformat(),
            "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
        },
    )

    contact_interest.refresh_from_db()
    assert contact_interest.introduced_by == staff["coordinator"]


def test_a_coordinator_of_another_region_is_refused(contact_interest, staff):
    ask(contact_interest)
    client = AdminClient(staff["ekaterinburg"])

    assert client.get(record_url(contact_interest)).status_code == 302
    response = client.post(
        record_url(contact_interest),
        {
            "introduced_on": timezone.localdate().isoformat(),
            "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
        },
    )

    assert response.status_code == 302
    contact_interest.refresh_from_db()
    assert contact_interest.introduced_on is None
    assert not Notification.objects.exists()


def test_an_ekaterinburg_listing_goes_to_its_own_coordinators(
    partners_ru, regions, anna, gleb, staff
):
    from community.models import Company

    listing = ListingPageFactory(
        parent=partners_ru,
        company=Company.objects.get(name="Уральские покрытия"),
        region=regions["ekaterinburg"],
    )
    interest = ask(make_interest(listing, anna))

    assert (
        f'data-interest="{interest.pk}"'
        in AdminClient(staff["ekaterinburg"]).dashboard.content.decode()
    )
    assert (
        f'data-interest="{interest.pk}"'
        not in AdminClient(staff["moscow"]).dashboard.content.decode()
    )


@pytest.mark.parametrize(
    "data, error",
    [
        ({"introduced_on": ""}, "Please give the date of the introduction."),
        ({"introduced_on": "вчера"}, "Please give a date such as 2026-03-31."),
        ({"introduced_on": "2999-01-01"}, "An introduction cannot be dated in the future."),
    ],
)
def test_bad_introduction_input_is_refused(contact_interest, staff, data, error):
    ask(contact_interest)
    client = AdminClient(staff["moscow"])  # the admin in English

    response = client.post(
        record_url(contact_interest),
        {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value},
    )

    assert response.status_code == 400
    assert error in response.content.decode()
    contact_interest.refresh_from_db()
    assert contact_interest.introduced_on is None


def test_bad_introduction_input_in_russian(contact_interest, staff):
    ask(contact_interest)
    # The head office's admin is in Russian.
    client = AdminClient(staff["coordinator"])

    response = client.post(
        record_url(contact_interest),
        {"introduced_on": "2999-01-01", "csrfmiddlewaretoken": client.cookies["csrftoken"].value},
    )

    assert "Дата знакомства не может быть в будущем." in response.content.decode()


def test_recording_needs_the_csrf_token(contact_interest, staff):
    ask(contact_interest)
    client = AdminClient(staff["moscow"])

    response = client.post(
        record_url(contact_interest), {"introduced_on": timezone.localdate().isoformat()}
    )

    assert response.status_code == 403
    contact_interest.refresh_from_db()
    assert contact_interest.introduced_on is None


def test_unknown_and_unasked_expressions_are_not_found(contact_interest, staff):
    client = AdminClient(staff["moscow"])

    # Not found (the admin's "not found" passes through the language
    # redirect first).
    unknown = reverse("partnerships_introduce", args=[987654])
    assert client.get(unknown, follow=True).status_code == 404
    # Not asked for: nothing to record.
    assert client.get(record_url(contact_interest), follow=True).status_code == 404


def test_an_introduction_is_recorded_once(contact_interest, staff):
    ask(contact_interest)
    Interest.objects.update(introduced_on=timezone.localdate(), introduced_by=staff["moscow"])
    client = AdminClient(staff["coordinator"])

    response = client.post(
        record_url(contact_interest),
        {
            "introduced_on": timezone.localdate().isoformat(),
            "note": "Снова",
            "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
        },
    )

    assert response.status_code == 302
    contact_interest.refresh_from_db()
    assert contact_interest.introduced_by == staff["moscow"]
    assert contact_interest.introduction_note == ""


def test_members_cannot_open_the_admin_pages(contact_interest, anna):
    ask(contact_interest)
    client = logged_in(anna)

    for url in (reverse("partnerships_introductions"), record_url(contact_interest)):
        assert client.get(url).status_code == 302
