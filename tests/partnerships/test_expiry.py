"""Listings expire six months after they are written; managers are
reminded two weeks before (`remind_expiring_listings`, once per listing
and expiry date) and renew a listing, open or expired, for six months
from the day they renew it: on the page, its latest revision and its
translations, so that Wagtail's `publish_scheduled` and a later approval
keep the new date."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from community.models import Role
from notifications.models import Notification
from partnerships.models import LISTING_LIFETIME, ListingPage, ListingReminder
from tests.factories import CompanyFactory, ListingPageFactory, MemberFactory, translate
from tests.helpers import AdminClient, csrf_client, csrf_token, logged_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def company(anna, regions):
    return CompanyFactory(name="Датчики и Ко", manager=anna)


def in_days(days):
    return timezone.now() + datetime.timedelta(days=days)


def listing_of(parent, company, days, **fields):
    listing = ListingPageFactory(parent=parent, company=company, expire_at=in_days(days), **fields)
    return ListingPage.objects.get(pk=listing.pk)


def assert_renewed(page, before):
    page = ListingPage.objects.get(pk=page.pk)
    expected = timezone.now() + LISTING_LIFETIME
    assert abs((page.expire_at - expected).total_seconds()) < 60
    assert page.expire_at > before
    revision = page.get_latest_revision_as_object()
    assert abs((revision.expire_at - page.expire_at).total_seconds()) < 1
    return page


def publish_scheduled():
    call_command("publish_scheduled", stdout=io.StringIO())


def test_a_manager_renews_an_open_listing_and_its_translation(
    partners_ru, partners_en, company, anna, regions
):
    listing = listing_of(partners_ru, company, 5)
    english = translate(listing, title="Humidity sensors wanted")
    before = listing.expire_at

    client = csrf_client(anna)
    token = csrf_token(client, "/ru/partners/mine/")
    response = client.post(f"/ru/partners/{listing.pk}/renew/", {"csrfmiddlewaretoken": token})

    assert response.status_code == 302 and response["Location"] == "/ru/partners/mine/"
    assert_renewed(listing, before)
    assert_renewed(english, before)
    assert "продлено до" in client.get("/ru/partners/mine/").text
    # Wagtail's scheduled unpublishing leaves it open.
    publish_scheduled()
    assert ListingPage.objects.open().count() == 2


def test_an_expired_listing_unpublished_by_wagtail_is_republished_when_renewed(
    partners_ru, partners_en, company, anna
):
    listing = listing_of(partners_ru, company, 30)
    english = translate(listing, title="Humidity sensors wanted")
    for page in (listing, english):
        Page.objects.filter(pk=page.pk).update(expire_at=in_days(-1))
        revision = page.get_latest_revision()
        revision.content["expire_at"] = in_days(-1).isoformat()
        revision.save()
    publish_scheduled()
    listing.refresh_from_db()
    assert not listing.live and listing.expired
    assert not ListingPage.objects.open().exists()
    mine = logged_in(anna).get("/ru/partners/mine/").text
    assert "Срок истёк" in mine and "срок истёк" in mine

    response = logged_in(anna).post(f"/ru/partners/{listing.pk}/renew/")

    assert response.status_code == 302
    assert_renewed(listing, in_days(0))
    assert ListingPage.objects.open().count() == 2
    publish_scheduled()
    assert ListingPage.objects.open().count() == 2


def test_an_expired_listing_with_changes_waits_for_the_review(
    partners_ru, company, anna, regions, staff
):
    listing = listing_of(partners_ru, company, 30)
    client = logged_in(anna)
    client.post(
        f"/ru/partners/{listing.pk}/edit/",
        {
            "listing_type": "technology_offer",
            "title": "Новая редакция",
            "summary": "Кратко.",
            "description": "Подробно.",
            "sought": "Партнёр.",
            "sector": "software",
            "region": regions["moscow"].pk,
            "stage": "market",
        },
    )
    Page.objects.filter(pk=listing.pk).update(expire_at=in_days(-1))
    publish_scheduled()
    listing.refresh_from_db()
    assert listing.expired and not listing.live

    response = client.post(f"/ru/partners/{listing.pk}/renew/", follow=True)

    assert "оно снова появится на портале, когда они их одобрят" in response.text
    listing = assert_renewed(listing, in_days(0))
    assert not listing.live
    assert listing.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    task_state = listing.current_workflow_task_state
    AdminClient(staff["moscow"]).send(
        "post",
        reverse("wagtailadmin_pages:workflow_action", args=[listing.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    published = ListingPage.objects.open().get()
    assert published.title == "Новая редакция"
    assert published.expire_at > in_days(180)


def test_a_listing_waiting_for_its_first_review_is_not_renewed(partners_ru, company, anna):
    listing = listing_of(partners_ru, company, 30, live=False)
    before = listing.expire_at
    response = logged_in(anna).post(f"/ru/partners/{listing.pk}/renew/", follow=True)
    assert "Продлить можно только опубликованное объявление" in response.text
    listing.refresh_from_db()
    assert listing.expire_at == before


def test_renewing_needs_a_post(partners_ru, company, anna):
    listing = listing_of(partners_ru, company, 5)
    assert logged_in(anna).get(f"/ru/partners/{listing.pk}/renew/").status_code == 405
    listing.refresh_from_db()
    assert listing.expire_at < in_days(6)


# --- reminders ---------------------------------------------------------------------


def remind():
    output = io.StringIO()
    call_command("remind_expiring_listings", stdout=output)
    return output.getvalue()


def test_managers_are_reminded_once_per_listing_and_expiry_date(
    partners_ru, partners_en, company, anna, boris
):
    colleague = MemberFactory()
    company.memberships.create(user=boris, role=Role.MANAGER, accepted=True)
    company.memberships.create(user=colleague, role=Role.MEMBER, accepted=True)
    soon = listing_of(partners_ru, company, 10, title="Скоро истекает")
    translate(soon, title="Expiring soon")
    listing_of(partners_ru, company, 20, title="Ещё не скоро")
    listing_of(partners_ru, company, 10, title="Черновик", live=False)
    listing_of(partners_ru, CompanyFactory(), 10, title="Чужое")
    mail.outbox.clear()

    assert "Reminded of 2 listing(s)" in remind()

    told = Notification.objects.filter(event="listing_expiring")
    assert sorted(
        told.filter(
            target_id__in=ListingReminder.objects.filter(listing=soon).values("pk")
        ).values_list("recipient__username", flat=True)
    ) == ["anna", "boris"]
    assert not told.filter(recipient=colleague).exists()
    assert ListingReminder.objects.count() == 2
    to_anna = [message for message in mail.outbox if message.to == [anna.email]]
    assert len(to_anna) == 1
    assert "Срок объявления «Скоро истекает» истекает в ближайшие две недели" in to_anna[0].subject
    assert "/ru/partners/mine/" in to_anna[0].body and "Продлить" in to_anna[0].body
    # The bell shows it too, with the link to the listings page.
    client = logged_in(anna)
    assert "Скоро истекает" in client.get("/ru/notifications/").text
    assert "Expiring soon" in client.get("/en/notifications/").text
    opened = client.post(f"/ru/notifications/{told.get(recipient=anna).pk}/open/")
    assert opened["Location"] == "/ru/partners/mine/"

    mail.outbox.clear()
    assert "Reminded of 0 listing(s)" in remind()
    assert told.count() == 2 and not mail.outbox

    # Renewed, and its new date comes close in its turn: reminded again.
    logged_in(anna).post(f"/ru/partners/{soon.pk}/renew/")
    ListingPage.objects.filter(translation_key=soon.translation_key).update(expire_at=in_days(7))
    remind()
    assert told.count() == 4


def test_a_reminder_is_not_shown_to_someone_who_no_longer_manages(partners_ru, company, anna):
    listing_of(partners_ru, company, 10)
    remind()
    company.memberships.filter(user=anna).update(role=Role.MEMBER)
    assert "Предложение" not in logged_in(anna).get("/ru/notifications/").text
