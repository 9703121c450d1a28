"""Expressions of interest: a member writes to a listing's company from
the listing, the company's managers hear of it and reply on the site;
addresses stay hidden until each side shares its own; everyone else is
refused and writes nothing."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from notifications.models import Notification
from partnerships.models import Interest, InterestMessage
from tests.factories import MemberFactory
from tests.helpers import csrf_client, csrf_token, logged_in
from tests.partnerships.contact_fixtures import INBOX, contact_url, interest_url

pytestmark = pytest.mark.django_db


def test_the_listing_page_offers_the_form_to_a_member(contact_listing, anna):
    page = logged_in(anna).get(contact_listing.url).text

    assert f'action="{interest_url(contact_listing)}"' in page
    assert "Выразить интерес" in page


def test_the_listing_page_asks_a_visitor_to_log_in(contact_listing):
    page = Client().get(contact_listing.url).text

    assert "Войдите, чтобы выразить интерес" in page
    assert interest_url(contact_listing) not in page


def test_the_listing_page_tells_the_company_it_is_theirs(contact_listing, boris, vera):
    for person in (boris, vera):
        page = logged_in(person).get(contact_listing.url).text
        assert "Это объявление вашей компании" in page
        assert interest_url(contact_listing) not in page


def test_a_member_expresses_interest_and_the_managers_are_told(
    contact_listing, anna, boris, vera, django_capture_on_commit_callbacks
):
    client = csrf_client(anna)
    token = csrf_token(client, contact_listing.url)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            interest_url(contact_listing),
            {"body": "Мы делаем <b>корпуса</b>.", "csrfmiddlewaretoken": token},
        )

    interest = Interest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == contact_url(interest)
    assert (interest.member, interest.company, interest.status) == (
        anna,
        contact_listing.company,
        "open",
    )
    assert interest.region == contact_listing.region
    assert interest.listing_key == contact_listing.translation_key
    assert [m.body for m in interest.messages.all()] == ["Мы делаем <b>корпуса</b>."]
    told = Notification.objects.get()
    assert (told.recipient, told.event, told.actor) == (boris, "partnership_interest", anna)
    # Vera is a member of the company, not a manager.
    assert not Notification.objects.filter(recipient=vera).exists()
    assert [message.to for message in mail.outbox] == [[boris.email]]
    assert "Датчики давления" in mail.outbox[0].subject + mail.outbox[0].body

    page = logged_in(boris).get(contact_url(interest)).text
    assert "Мы делаем &lt;b&gt;корпуса&lt;/b&gt;." in page
    assert anna.email not in page


def test_the_notification_names_the_listing_in_the_bell(
    contact_listing, anna, boris, partners_en, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        logged_in(anna).post(interest_url(contact_listing), {"body": "Здравствуйте"})
    interest = Interest.objects.get()

    told = Notification.objects.get()
    # The listing's title is the member's writing, marked as such.
    sentences = {
        "ru": "проявляет интерес к «<span data-content>Датчики давления</span>»",
        "en": "is interested in “<span data-content>Датчики давления</span>”",
    }
    for language, sentence in sentences.items():
        client = logged_in(boris)
        assert sentence in client.get(f"/{language}/notifications/").text
        opened = client.post(f"/{language}/notifications/{told.pk}/open/")
        assert opened["Location"] == contact_url(interest, language)
    # Nobody else is told, and nobody else would see it named.
    assert Notification.objects.filter(recipient=boris).count() == 1


def test_the_conversation_between_member_and_manager(
    contact_interest, anna, boris, vera, django_capture_on_commit_callbacks
):
    manager = csrf_client(boris)
    token = csrf_token(manager, contact_url(contact_interest))

    with django_capture_on_commit_callbacks(execute=True):
        response = manager.post(
            contact_url(contact_interest),
            {
                "action": "reply",
                "body": "Спасибо, давайте созвонимся.",
                "csrfmiddlewaretoken": token,
            },
        )

    assert response.status_code == 302
    reply = InterestMessage.objects.latest("pk")
    assert (reply.author, reply.from_company) == (boris, True)
    told = Notification.objects.get(event="partnership_message")
    assert (told.recipient, told.actor) == (anna, boris)

    member = csrf_client(anna)
    token = csrf_token(member, contact_url(contact_interest))
    page = member.get(contact_url(contact_interest)).text
    assert "Спасибо, давайте созвонимся." in page
    assert boris.email not in page

    with django_capture_on_commit_callbacks(execute=True):
        member.post(
            contact_url(contact_interest),
            {"action": "reply", "body": "Договорились.", "csrfmiddlewaretoken": token},
        )
    assert Notification.objects.filter(
        event="partnership_message", recipient=boris, actor=anna
    ).exists()
    assert not Notification.objects.filter(recipient=vera).exists()


def test_each_side_shares_its_own_address(contact_interest, anna, boris):
    member, manager = csrf_client(anna), csrf_client(boris)
    member_token = csrf_token(member, contact_url(contact_interest))
    manager_token = csrf_token(manager, contact_url(contact_interest))
    assert anna.email not in manager.get(contact_url(contact_interest)).text

    member.post(
        contact_url(contact_interest),
        {"action": "share_email", "csrfmiddlewaretoken": member_token},
    )

    contact_interest.refresh_from_db()
    assert contact_interest.member_email_shared_at is not None
    assert contact_interest.company_email_shared_at is None
    assert anna.email in manager.get(contact_url(contact_interest)).text
    assert boris.email not in member.get(contact_url(contact_interest)).text

    manager.post(
        contact_url(contact_interest),
        {"action": "share_email", "csrfmiddlewaretoken": manager_token},
    )

    contact_interest.refresh_from_db()
    assert contact_interest.company_email_shared_by == boris
    assert boris.email in member.get(contact_url(contact_interest)).text


def test_the_inbox_lists_sent_and_received_newest_activity_first(
    contact_listing, partners_ru, anna, boris, gleb
):
    from tests.factories import CompanyFactory, ListingPageFactory
    from tests.partnerships.contact_fixtures import make_interest

    first = make_interest(contact_listing, anna)
    anna_company = CompanyFactory(name="Код и смысл", manager=anna)
    other = ListingPageFactory(parent=partners_ru, company=anna_company, title="Базы знаний")
    received = make_interest(other, boris, body="Интересно")

    page = logged_in(anna).get(INBOX).text

    assert page.index(contact_url(received)) < page.index(contact_url(first))
    assert "Базы знаний" in page and "Датчики давления" in page
    assert contact_url(first) not in logged_in(gleb).get(INBOX).text
    assert contact_url(first) in logged_in(boris).get(INBOX).text


def test_unread_conversations_are_marked_until_read(contact_interest, boris):
    client = logged_in(boris)
    assert "is-unread" in client.get(INBOX).text

    client.get(contact_url(contact_interest))

    assert "is-unread" not in client.get(INBOX).text


@pytest.mark.parametrize("url", ["interest", "inbox", "conversation"])
def test_visitors_are_sent_to_log_in(contact_interest, contact_listing, url):
    address = {
        "interest": interest_url(contact_listing),
        "inbox": INBOX,
        "conversation": contact_url(contact_interest),
    }[url]

    response = Client().get(address)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    response = Client().post(address, {"body": "Привет", "action": "reply"})
    assert response.status_code in (302, 403)
    assert Interest.objects.count() == 1 and InterestMessage.objects.count() == 1


@pytest.mark.parametrize("who", ["stranger", "gleb", "company_member", "coordinator"])
def test_others_do_not_see_or_write_in_the_conversation(
    contact_interest, who, vera, gleb, staff, anna
):
    from tests.factories import MemberFactory

    person = {
        "stranger": MemberFactory(username="stranger"),
        "gleb": gleb,
        "company_member": vera,
        "coordinator": staff["moscow"],
    }[who]
    client = csrf_client(person)
    # A token from a page they may open.
    token = csrf_token(client, INBOX)

    assert client.get(contact_url(contact_interest)).status_code == 404
    for data in (
        {"action": "reply", "body": "Вмешиваюсь"},
        {"action": "share_email"},
        {"action": "outcome", "outcome": "no_result"},
        {"action": "introduction", "note": ""},
    ):
        response = client.post(
            contact_url(contact_interest), {**data, "csrfmiddlewaretoken": token}
        )
        assert response.status_code == 404
    contact_interest.refresh_from_db()
    assert InterestMessage.objects.count() == 1
    assert contact_interest.status == "open" and contact_interest.member_email_shared_at is None
    assert (
        contact_interest.company_email_shared_at is None
        and contact_interest.introduction_requested_at is None
    )
    assert anna.email not in client.get(INBOX).text


@pytest.mark.parametrize(
    "data",
    [
        {"action": "reply", "body": "Без токена"},
        {"action": "share_email"},
        {"action": "outcome", "outcome": "no_result"},
        {"action": "introduction"},
    ],
)
def test_conversation_posts_need_the_csrf_token(contact_interest, anna, boris, data):
    for person in (anna, boris):
        response = csrf_client(person).post(contact_url(contact_interest), data)
        assert response.status_code == 403
    contact_interest.refresh_from_db()
    assert InterestMessage.objects.count() == 1 and contact_interest.status == "open"
    assert (
        contact_interest.member_email_shared_at is None
        and contact_interest.introduction_requested_at is None
    )


def test_expressing_interest_needs_the_csrf_token(contact_listing, anna):
    response = csrf_client(anna).post(interest_url(contact_listing), {"body": "Без токена"})

    assert response.status_code == 403
    assert not Interest.objects.exists()


def test_the_conversation_in_english(contact_interest, anna, partners_en):
    page = logged_in(anna).get(contact_url(contact_interest, "en")).text

    assert "Share my e-mail address" in page
    assert "Ask for an introduction" in page


def test_a_closed_listing_offers_no_form_but_keeps_the_conversation_link(
    contact_listing, contact_interest, anna
):
    type(contact_listing).objects.filter(pk=contact_listing.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    # Live until Wagtail's scheduler unpublishes it, but closed.
    newcomer = logged_in(MemberFactory()).get(contact_listing.url).text
    assert "Это объявление больше не открыто." in newcomer
    assert "Выразить интерес" not in newcomer and "listing-contact-body" not in newcomer
    assert "Открыть переписку" in logged_in(anna).get(contact_listing.url).text
