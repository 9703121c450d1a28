"""A mail server that is down never costs a member their action: the
comment, the invitation, the contact message and the registration are kept,
the page answers as usual, and the failed e-mail is logged.

Every message goes through the queue (home/mail.py); the tests run it with
the immediate backend, so the delivery happens inside the request, through
Django's SMTP backend (the one EMAIL_HOST selects) to a real port on
127.0.0.1 that refuses connections. tests/portal/test_tasks.py covers the
database queue, where it is tried again later."""

import pytest
from django.test import Client
from django_comments_xtd.models import XtdComment
from wagtail.contrib.forms.models import FormSubmission

from community.models import CompanyMembership
from rusmeco_events.models import Registration
from tests.factories import (
    CaseStudyPageFactory,
    CommentFactory,
    CompanyFactory,
    EventPageFactory,
    MemberFactory,
)
from tests.helpers import comment_form_data


def failed_sends(caplog):
    return [record for record in caplog.records if "Could not send e-mail" in record.getMessage()]


@pytest.mark.django_db
def test_a_reply_to_a_followed_thread_is_kept(mail_server_down, library_ru, anna, boris):
    item = CaseStudyPageFactory(parent=library_ru)
    followed = CommentFactory(page=item, user=anna, followup=True)
    client = Client()
    client.force_login(boris)

    response = client.post(
        "/ru/comments/post/", comment_form_data(item, "Отвечаю на вопрос", reply_to=followed.pk)
    )

    assert response.status_code == 302
    reply = XtdComment.objects.get(comment="Отвечаю на вопрос")
    assert reply.parent_id == followed.pk and reply.is_public
    [failure] = failed_sends(mail_server_down)
    assert "anna@members.example" in failure.getMessage()


@pytest.mark.django_db
def test_an_invitation_is_kept(
    mail_server_down, people_ru, anna_client, anna, django_capture_on_commit_callbacks
):
    company = CompanyFactory(name="Ромашка", slug="romashka", manager=anna)
    olga = MemberFactory(username="olga")

    with django_capture_on_commit_callbacks(execute=True):
        response = anna_client.post(
            "/ru/accounts/companies/romashka/members/",
            {"email": "olga@members.example", "role": "member"},
        )

    assert response.status_code == 302
    assert CompanyMembership.objects.get(company=company, user=olga).accepted is False
    [failure] = failed_sends(mail_server_down)
    assert "olga@members.example" in failure.getMessage()


@pytest.mark.django_db
def test_a_contact_message_is_kept(mail_server_down, contact_ru):
    name, email, message = (field.clean_name for field in contact_ru.get_form_fields())

    response = Client().post(
        contact_ru.url, {name: "Анна", email: "anna@company.example", message: "Здравствуйте!"}
    )

    assert response.status_code == 200
    assert "Спасибо" in response.text
    assert FormSubmission.objects.filter(page=contact_ru).count() == 1
    [failure] = failed_sends(mail_server_down)
    assert "office@rusmeco.example" in failure.getMessage()


@pytest.mark.django_db
def test_a_registration_is_kept(
    mail_server_down, calendar_ru, anna_client, anna, django_capture_on_commit_callbacks
):
    event = EventPageFactory(parent=calendar_ru, slug="meeting")

    with django_capture_on_commit_callbacks(execute=True):
        response = anna_client.post(f"{event.url}register/")

    assert response.status_code == 302
    assert Registration.objects.get(event=event, user=anna).status == "confirmed"
    [failure] = failed_sends(mail_server_down)
    assert "anna@members.example" in failure.getMessage()
