"""Listings a member wrote are in "My data"; when the account is deleted
they stay with the company, with no author, and an approval later still
publishes them. Coordinators translate a listing with wagtail-localize."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Revision

from home.member_data import export_member_data
from partnerships.models import ListingPage
from tests.factories import PASSWORD, CompanyFactory, translate_with_localize
from tests.helpers import AdminClient, logged_in

pytestmark = pytest.mark.django_db


def write(client, regions, title, company):
    return client.post(
        "/ru/partners/write/",
        {
            "company": company.pk,
            "listing_type": "research",
            "title": title,
            "summary": "Кратко.",
            "description": "Подробно.",
            "sought": "Лаборатория.",
            "sector": "biotech",
            "region": regions["moscow"].pk,
            "stage": "idea",
        },
    )


def test_my_data_holds_the_listings_and_deleting_the_account_keeps_them(
    partners_ru, people_ru, anna, boris, regions, staff
):
    company = CompanyFactory(name="Биолаб", manager=anna)
    company.memberships.create(user=boris, role="manager", accepted=True)
    client = logged_in(anna)
    write(client, regions, "Совместные исследования", company)
    listing = ListingPage.objects.get()

    exported = export_member_data(anna)["partnership_listings"]
    assert exported[0]["title"] == "Совместные исследования"
    assert exported[0]["company"] == "Биолаб" and exported[0]["state"] == "draft"
    assert export_member_data(boris)["partnership_listings"] == []
    assert client.get("/ru/accounts/data/export/").json()["partnership_listings"][0]["type"] == (
        "research"
    )

    response = client.post("/ru/accounts/data/delete/", {"password": PASSWORD, "confirm": "on"})

    assert response.status_code == 302
    assert not get_user_model().objects.filter(username="anna").exists()
    listing.refresh_from_db()
    assert listing.company == company and listing.author is None and listing.owner is None
    assert all(
        revision.content["author"] is None
        for revision in Revision.objects.filter(object_id=str(listing.pk))
    )
    # The review goes on: the coordinator approves, and it is public.
    task_state = listing.current_workflow_task_state
    AdminClient(staff["moscow"]).send(
        "post",
        reverse("wagtailadmin_pages:workflow_action", args=[listing.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert ListingPage.objects.open().get().author is None
    # The other manager keeps it in their listings page.
    assert "Совместные исследования" in logged_in(boris).get("/ru/partners/mine/").text


@pytest.mark.localize
def test_a_coordinator_translates_a_listing_with_wagtail_localize(
    partners_ru, partners_en, anna, regions, topics, staff
):
    company = CompanyFactory(manager=anna)
    write(logged_in(anna), regions, "Совместные исследования", company)
    listing = ListingPage.objects.get()
    task_state = listing.current_workflow_task_state
    AdminClient(staff["moscow"]).send(
        "post",
        reverse("wagtailadmin_pages:workflow_action", args=[listing.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    listing.refresh_from_db()

    english = translate_with_localize(listing, title="Joint research", summary="In short.")

    assert english.live and english.locale.language_code == "en"
    assert english.title == "Joint research" and english.summary == "In short."
    assert english.company == company and english.author == anna
    # What the listing is about stays in sync (shown in the page's language).
    assert english.region == regions["moscow"]
    assert english.get_parent().pk == partners_en.pk
    assert ListingPage.objects.open(english.locale).get() == english
    # The managers see one listing in each language's listings page.
    assert logged_in(anna).get("/en/partners/mine/").text.count("listing-row") == 1
    assert "Joint research" in logged_in(anna).get("/en/partners/mine/").text
