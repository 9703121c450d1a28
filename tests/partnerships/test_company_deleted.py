"""A company's listings go with the company: deleting it deletes its
listings in every language, with their revisions and reviews, so no
coordinator is left with a review of a listing whose company is gone.
Conversations keep the listing's title."""

import pytest
from wagtail.models import Revision, WorkflowState

from partnerships.models import Interest, ListingPage
from tests.factories import ListingPageFactory, translate
from tests.helpers import csrf_client, csrf_token

pytestmark = pytest.mark.django_db


def test_deleting_a_company_deletes_its_listings_in_every_language(
    partners_en, contact_company, contact_listing, contact_interest, boris, vera
):
    translate(contact_listing, "en", title="Pressure sensors")
    waiting = ListingPageFactory(
        parent=contact_listing.get_parent(), company=contact_company, live=False
    )
    waiting.get_workflow().start(waiting, boris)
    other = ListingPageFactory(parent=contact_listing.get_parent())
    assert ListingPage.objects.filter(company=contact_company).count() == 3
    url = f"/ru/accounts/companies/{contact_company.slug}/delete/"

    # A plain member of the company may not delete it: nothing goes.
    member = csrf_client(vera)
    member.post(url, {"csrfmiddlewaretoken": csrf_token(member, "/ru/partners/")})
    assert ListingPage.objects.filter(company=contact_company).count() == 3

    manager = csrf_client(boris)
    response = manager.post(url, {"csrfmiddlewaretoken": csrf_token(manager, url)})

    assert response.status_code == 302
    assert list(ListingPage.objects.all()) == [other]
    assert not WorkflowState.objects.filter(object_id=str(waiting.pk)).exists()
    assert not Revision.objects.filter(object_id__in=[str(waiting.pk), str(contact_listing.pk)])
    assert manager.get("/ru/partners/sensors/").status_code == 404
    interest = Interest.objects.get(pk=contact_interest.pk)
    assert interest.listing is None and interest.listing_title == "Датчики давления"
