"""Expressions of interest in "My data": the export holds the expressions
a member sent with their conversations and what they wrote for their
company; deleting the account removes the expressions they sent with
every message, and keeps what they wrote as a company's manager, shown as
by a deleted member."""

import pytest
from django.contrib.auth import get_user_model

from partnerships.models import Interest, InterestMessage
from tests.factories import PASSWORD
from tests.helpers import logged_in
from tests.partnerships.contact_fixtures import contact_url, make_interest

pytestmark = pytest.mark.django_db

EXPORT = "/ru/accounts/data/export/"
DELETE = "/ru/accounts/data/delete/"


def test_the_export_holds_sent_expressions_and_company_messages(
    contact_interest, anna, boris, people_ru
):
    contact_interest.messages.create(author=boris, from_company=True, body="Ответ компании")
    Interest.objects.update(status="contact_made")

    anna_data = logged_in(anna).get(EXPORT).json()["partnership_interests"]
    boris_data = logged_in(boris).get(EXPORT).json()["partnership_interests"]

    [sent] = anna_data["sent"]
    assert (sent["listing"], sent["company"], sent["status"]) == (
        "Датчики давления",
        "Зеленоградские сенсоры",
        "contact_made",
    )
    assert [(m["text"], m["by_me"]) for m in sent["messages"]] == [
        ("Здравствуйте! Нам интересно.", True),
        ("Ответ компании", False),
    ]
    assert anna_data["written_for_companies"] == []
    assert boris_data["sent"] == []
    assert [m["text"] for m in boris_data["written_for_companies"]] == ["Ответ компании"]


def test_deleting_the_member_removes_their_expressions(
    contact_interest, contact_listing, anna, boris, people_ru
):
    contact_interest.messages.create(author=boris, from_company=True, body="Ответ компании")

    response = logged_in(anna).post(DELETE, {"password": PASSWORD, "confirm": "on"})

    assert response.status_code == 302
    assert not get_user_model().objects.filter(username="anna").exists()
    assert not Interest.objects.exists()
    assert not InterestMessage.objects.exists()


def test_deleting_a_manager_keeps_their_messages_by_a_deleted_member(
    contact_listing, anna, boris, gleb, people_ru
):
    interest = make_interest(contact_listing, anna)
    interest.messages.create(author=boris, from_company=True, body="Ответ компании")
    own = make_interest(contact_listing, gleb)

    response = logged_in(boris).post(DELETE, {"password": PASSWORD, "confirm": "on"})

    assert response.status_code == 302
    reply = InterestMessage.objects.get(body="Ответ компании")
    assert reply.author is None and reply.interest == interest
    page = logged_in(anna).get(contact_url(interest)).text
    assert "Ответ компании" in page and "удалённый участник" in page
    assert Interest.objects.filter(pk=own.pk).exists()
