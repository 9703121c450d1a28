"""Outcomes: the company's managers close an expression as "contact
made", "agreement signed" or "no result", which frees the member to
express interest again; coordinators count them per region and month in
the admin (their regions only, the head office all) and download them as
CSV, with cells that a spreadsheet cannot run as formulas."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from community.models import Company
from home.models import Region
from partnerships.contact_choices import Status
from partnerships.models import Interest
from tests.factories import ListingPageFactory, MemberFactory
from tests.helpers import AdminClient, csrf_client, csrf_token, logged_in
from tests.partnerships.contact_fixtures import contact_url, interest_url, make_interest

pytestmark = pytest.mark.django_db

REPORT = "/admin/partnerships/outcomes/"
CSV = "/admin/partnerships/outcomes/csv/"


@pytest.mark.parametrize("outcome", ["contact_made", "agreement_signed", "no_result"])
def test_the_manager_records_the_outcome(contact_interest, contact_listing, anna, boris, outcome):
    client = csrf_client(boris)
    token = csrf_token(client, contact_url(contact_interest))

    response = client.post(
        contact_url(contact_interest),
        {"action": "outcome", "outcome": outcome, "csrfmiddlewaretoken": token},
    )

    assert response.status_code == 302
    contact_interest.refresh_from_db()
    assert contact_interest.status == outcome
    assert contact_interest.closed_by == boris and contact_interest.closed_at is not None
    page = logged_in(anna).get(contact_url(contact_interest)).text
    assert str(Status(outcome).label) in page
    assert 'value="reply"' not in page
    # The member may express interest again.
    again = logged_in(anna).post(interest_url(contact_listing), {"body": "Снова"})
    assert again.status_code == 302
    assert Interest.objects.filter(member=anna).count() == 2


def test_a_closed_expression_cannot_be_closed_again(contact_interest, boris):
    Interest.objects.update(status=Status.NO_RESULT)

    logged_in(boris).post(
        contact_url(contact_interest), {"action": "outcome", "outcome": "agreement_signed"}
    )

    contact_interest.refresh_from_db()
    assert contact_interest.status == Status.NO_RESULT


def test_a_plain_member_of_the_company_cannot_record_it(contact_interest, vera):
    response = logged_in(vera).post(
        contact_url(contact_interest), {"action": "outcome", "outcome": "contact_made"}
    )

    assert response.status_code == 404
    contact_interest.refresh_from_db()
    assert contact_interest.status == Status.OPEN


@pytest.fixture
def outcomes(contact_listing, partners_ru, regions, anna, gleb):
    """Moscow: one open and one agreement this month, one contact made two
    months ago; Ekaterinburg: one with no result this month."""
    eva = MemberFactory(username="eva")
    this_month = make_interest(contact_listing, anna)
    Interest.objects.filter(pk=this_month.pk).update(
        introduced_on=timezone.localdate(), introduction_requested_at=timezone.now()
    )
    make_interest(contact_listing, eva, status=Status.AGREEMENT_SIGNED)
    earlier = make_interest(contact_listing, MemberFactory(), status=Status.CONTACT_MADE)
    Interest.objects.filter(pk=earlier.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=62)
    )
    ural = ListingPageFactory(
        parent=partners_ru,
        company=Company.objects.get(name="Уральские покрытия"),
        region=regions["ekaterinburg"],
    )
    make_interest(ural, anna, status=Status.NO_RESULT)


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_the_moscow_coordinator_counts_moscow_only(outcomes, staff):
    client = AdminClient(staff["moscow"])  # in English

    page = client.get(REPORT).content.decode()
    rows = csv_rows(client.get(CSV))

    assert "Moscow" in page and "Ekaterinburg" not in page
    assert rows[0] == [
        "Region",
        "Month",
        "Sent",
        "Open",
        "Contact made",
        "Agreement signed",
        "No result",
        "Introduced",
    ]
    month = timezone.localdate().strftime("%Y-%m")
    assert rows[1] == ["Moscow", month, "2", "1", "0", "1", "0", "1"]
    assert rows[2][0] == "Moscow" and rows[2][2:] == ["1", "0", "1", "0", "0", "0"]
    assert len(rows) == 3


def test_the_head_office_counts_every_region(outcomes, staff):
    rows = csv_rows(AdminClient(staff["admin"]).get(CSV))

    regions = [row[0] for row in rows[1:]]
    assert sorted(regions) == ["Ekaterinburg", "Moscow", "Moscow"]
    ural = next(row for row in rows if row[0] == "Ekaterinburg")
    assert ural[2:] == ["1", "0", "0", "0", "1", "0"]


def test_the_report_in_russian(outcomes, staff):
    page = AdminClient(staff["ekaterinburg"]).get(REPORT).content.decode()

    assert "Итоги партнёрств" in page
    assert "Екатеринбург" in page and "Москва" not in page


def test_spreadsheet_formulas_are_written_as_text(outcomes, staff):
    Region.objects.filter(slug="moscow").update(name='=HYPERLINK("http://evil.example")')

    rows = csv_rows(AdminClient(staff["moscow"]).get(CSV))

    assert rows[1][0] == '\'=HYPERLINK("http://evil.example")'


def test_others_cannot_see_the_outcomes(outcomes, staff, anna):
    for client in (AdminClient(staff["editor"]), logged_in(anna)):
        assert client.get(REPORT).status_code == 302
        assert client.get(CSV).status_code == 302
    assert reverse("partnerships_outcomes") == REPORT
