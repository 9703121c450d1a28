"""Bad input to expressions of interest and their conversations: each is
refused with a clear translated message, writes nothing and never ends in
a server error."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.test import override_settings
from django.utils import timezone

from partnerships import contacts
from partnerships.contact_choices import MESSAGE_MAX_LENGTH, Status
from partnerships.models import Interest, InterestMessage, ListingPage
from tests.factories import ListingPageFactory
from tests.helpers import logged_in
from tests.partnerships.contact_fixtures import contact_url, interest_url, make_interest

pytestmark = pytest.mark.django_db


def nothing_written(messages=0, interests=0):
    assert Interest.objects.count() == interests
    assert InterestMessage.objects.count() == messages


def test_the_form_page_opens(contact_listing, anna):
    response = logged_in(anna).get(interest_url(contact_listing))

    assert response.status_code == 200
    assert "Ваше сообщение компании" in response.text


@pytest.mark.parametrize("body", ["", "   \n  "])
def test_an_empty_message_is_refused(contact_listing, anna, body):
    response = logged_in(anna).post(interest_url(contact_listing), {"body": body})

    assert response.status_code == 400
    assert "Напишите, пожалуйста, сообщение." in response.text
    nothing_written()


def test_a_too_long_message_is_refused(contact_listing, anna):
    body = "я" * (MESSAGE_MAX_LENGTH + 1)

    response = logged_in(anna).post(interest_url(contact_listing), {"body": body})

    assert response.status_code == 400
    assert "Сообщение может быть не длиннее 2000 символов (в нём 2001)." in response.text
    nothing_written()


def test_a_message_of_the_longest_length_is_sent(contact_listing, anna):
    body = "я" * MESSAGE_MAX_LENGTH

    response = logged_in(anna).post(interest_url(contact_listing), {"body": body})

    assert response.status_code == 302
    assert InterestMessage.objects.get().body == body


@pytest.mark.parametrize("how", ["unknown", "expired", "unpublished", "companyless"])
def test_a_listing_that_is_not_open_is_refused(contact_listing, anna, how):
    listing_id = contact_listing.pk
    if how == "unknown":
        listing_id = 987654
    elif how == "expired":
        past = timezone.now() - datetime.timedelta(days=1)
        ListingPage.objects.filter(pk=listing_id).update(expire_at=past)
    elif how == "unpublished":
        contact_listing.unpublish()
    else:
        ListingPage.objects.filter(pk=listing_id).update(company=None)

    client = logged_in(anna)
    for response in (
        client.get(f"/ru/partners/{listing_id}/interest/"),
        client.post(f"/ru/partners/{listing_id}/interest/", {"body": "Здравствуйте"}),
    ):
        assert response.status_code == 404
        assert "Этого объявления нет или оно уже закрыто" in response.text
    nothing_written()


def test_an_unknown_listing_in_english(contact_listing, anna, partners_en):
    response = logged_in(anna).post("/en/partners/987654/interest/", {"body": "Hello"})

    assert response.status_code == 404
    assert "This listing does not exist or is no longer open" in response.text


@pytest.mark.parametrize("who", ["manager", "member"])
def test_no_interest_in_ones_own_company(contact_listing, boris, vera, who):
    person = boris if who == "manager" else vera

    response = logged_in(person).post(interest_url(contact_listing), {"body": "Себе"})

    assert response.status_code == 403
    assert "Это объявление вашей собственной компании" in response.text
    nothing_written()


def test_a_second_open_expression_leads_to_the_first(contact_interest, contact_listing, anna):
    client = logged_in(anna)
    response = client.post(interest_url(contact_listing), {"body": "Ещё раз"})

    assert response.status_code == 302
    assert response["Location"] == contact_url(contact_interest)
    nothing_written(messages=1, interests=1)
    page = client.get(response["Location"]).text
    assert "Вы уже выразили интерес к этому объявлению" in page


def test_the_database_keeps_one_open_expression_per_member_and_listing(contact_listing, anna):
    make_interest(contact_listing, anna)

    with pytest.raises(IntegrityError), transaction.atomic():
        make_interest(contact_listing, anna)

    # A closed one frees the member to express interest again.
    Interest.objects.update(status=Status.NO_RESULT)
    make_interest(contact_listing, anna)
    assert Interest.objects.count() == 2


def test_a_double_submit_makes_one_expression(contact_listing, partners_ru, anna):
    first = contacts._create(partners_ru, contact_listing, anna, "Первое")
    second = contacts._create(partners_ru, contact_listing, anna, "Второе")

    assert first is not None and second is None
    nothing_written(messages=1, interests=1)


def test_a_double_submit_through_the_view_lands_on_the_conversation(
    contact_listing, anna, monkeypatch
):
    """The check for an open expression passed for both requests; the
    second one meets the database's constraint."""
    existing = make_interest(contact_listing, anna)
    real = contacts.express_interest

    class Blind:
        """The partnerships page, blind to open expressions once."""

        def __init__(self, page):
            self.page, self.blind = page, True

        def __getattr__(self, name):
            return getattr(self.page, name)

        def interests(self):
            if self.blind:
                self.blind = False
                return Interest.objects.none()
            return self.page.interests()

    monkeypatch.setattr(
        contacts, "express_interest", lambda page, request, pk: real(Blind(page), request, pk)
    )

    response = logged_in(anna).post(interest_url(contact_listing), {"body": "Дважды"})

    assert response.status_code == 302
    assert response["Location"] == contact_url(existing)
    nothing_written(messages=1, interests=1)


@override_settings(ACCOUNT_RATE_LIMITS={"partnership_interest": "2/d/user"})
def test_expressions_are_rate_limited_per_member(partners_ru, contact_company, anna):
    listings = [ListingPageFactory(parent=partners_ru, company=contact_company) for _ in range(3)]
    client = logged_in(anna)

    for listing in listings[:2]:
        assert client.post(interest_url(listing), {"body": "Интересно"}).status_code == 302
    response = client.post(interest_url(listings[2]), {"body": "Интересно"})

    assert response.status_code == 400
    assert "Сегодня вы уже выразили интерес ко многим объявлениям" in response.text
    nothing_written(messages=2, interests=2)


@override_settings(ACCOUNT_RATE_LIMITS={"partnership_message": "1/m/user"})
def test_replies_are_rate_limited(contact_interest, boris):
    client = logged_in(boris)
    url = contact_url(contact_interest)

    assert client.post(url, {"action": "reply", "body": "Раз"}).status_code == 302
    response = client.post(url, {"action": "reply", "body": "Два"})

    assert response.status_code == 400
    assert "Вы отправили много сообщений за короткое время" in response.text
    assert InterestMessage.objects.count() == 2


@pytest.mark.parametrize(
    "data, error",
    [
        ({"action": "reply", "body": ""}, "Напишите, пожалуйста, сообщение."),
        ({"action": "reply", "body": "я" * 2001}, "не длиннее 2000 символов"),
        ({"action": "outcome", "outcome": "won"}, "Выберите один из предложенных итогов."),
        ({"action": "outcome"}, "Выберите, пожалуйста, итог."),
    ],
)
def test_bad_conversation_input_is_refused(contact_interest, boris, data, error):
    response = logged_in(boris).post(contact_url(contact_interest), data)

    assert response.status_code == 400
    assert error in response.text
    contact_interest.refresh_from_db()
    assert contact_interest.status == "open"
    assert InterestMessage.objects.count() == 1


def test_a_too_long_note_to_the_coordinators_is_refused(contact_interest, anna):
    response = logged_in(anna).post(
        contact_url(contact_interest), {"action": "introduction", "note": "я" * 1001}
    )

    assert response.status_code == 400
    contact_interest.refresh_from_db()
    assert contact_interest.introduction_requested_at is None


@pytest.mark.parametrize(
    "who, data",
    [
        ("member", {"action": "outcome", "outcome": "no_result"}),
        ("manager", {"action": "introduction", "note": ""}),
        ("member", {"action": "delete"}),
        ("member", {}),
    ],
)
def test_what_a_side_may_not_do_changes_nothing(contact_interest, anna, boris, who, data):
    client = logged_in(anna if who == "member" else boris)

    response = client.post(contact_url(contact_interest), data, follow=True)

    assert "Здесь этого сделать нельзя: ничего не изменено." in response.text
    contact_interest.refresh_from_db()
    assert contact_interest.status == "open"
    assert contact_interest.introduction_requested_at is None


def test_a_closed_conversation_takes_no_more_messages(contact_interest, anna):
    Interest.objects.update(status=Status.CONTACT_MADE)

    response = logged_in(anna).post(
        contact_url(contact_interest), {"action": "reply", "body": "Ещё"}, follow=True
    )

    assert "Эта переписка закрыта: ничего не изменено." in response.text
    assert InterestMessage.objects.count() == 1


@pytest.mark.parametrize("interest_id", ["987654", "0"])
def test_unknown_or_forged_conversation_ids_are_not_found(contact_interest, anna, interest_id):
    client = logged_in(anna)

    assert client.get(f"/ru/partners/contacts/{interest_id}/").status_code == 404
    response = client.post(
        f"/ru/partners/contacts/{interest_id}/", {"action": "reply", "body": "x"}
    )
    assert response.status_code == 404
    assert InterestMessage.objects.count() == 1
    assert client.get("/ru/partners/contacts/abc/").status_code == 404
