"""The contact form: a message reaches the site's contact address; bad
input gets a clear, translated error and writes nothing."""

import pytest
from django.core import mail
from django.test import Client
from wagtail.contrib.forms.models import FormSubmission

GOOD = ["Анна Петрова", "anna@company.example", "Здравствуйте!"]


def field_names(page):
    return [field.clean_name for field in page.get_form_fields()]


@pytest.fixture
def names(contact_ru):
    """The form's field names: name, e-mail, message."""
    name, email, message = field_names(contact_ru)
    return {"name": name, "email": email, "message": message}


@pytest.fixture
def form_data(names):
    return dict(zip(names.values(), GOOD, strict=True))


@pytest.mark.django_db
def test_message_reaches_the_sites_contact_address(client, contact_ru, form_data):
    response = client.post(contact_ru.url, form_data)

    assert response.status_code == 200
    assert "Спасибо" in response.text
    assert FormSubmission.objects.filter(page=contact_ru).count() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["office@rusmeco.example"]
    assert message.reply_to == ["anna@company.example"]
    assert message.subject == "Сообщение с портала"
    assert "Здравствуйте!" in message.body


@pytest.mark.django_db
def test_own_address_of_the_form_wins_over_site_settings(client, contact_ru, form_data):
    contact_ru.to_address = "events@rusmeco.example, board@rusmeco.example"
    contact_ru.save_revision().publish()

    client.post(contact_ru.url, form_data)

    assert mail.outbox[0].to == ["events@rusmeco.example", "board@rusmeco.example"]


@pytest.mark.django_db
def test_english_form_sends_to_the_same_address(client, contact_en, form_data):
    # The English fields keep the clean names of their Russian source.
    assert field_names(contact_en) == list(form_data)

    response = client.post(contact_en.url, form_data)

    assert "Thank you" in response.text
    assert mail.outbox[0].to == ["office@rusmeco.example"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected_error"),
    [("ru", "Введите правильный адрес электронной почты."), ("en", "Enter a valid email address.")],
)
def test_malformed_address_is_rejected_with_a_translated_error(
    client, request, language, expected_error, form_data, names
):
    page = request.getfixturevalue(f"contact_{language}")
    data = {**form_data, names["email"]: "anna(at)company"}

    response = client.post(page.url, data)

    assert response.status_code == 200
    assert expected_error in response.text
    assert 'value="Анна Петрова"' in response.text  # what was typed is kept
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "Анна\r\nBcc: everyone@victim.example"),
        ("name", "Анна\nSubject: spam"),
        ("email", "anna@company.example\r\nBcc: everyone@victim.example"),
    ],
)
def test_header_injection_is_rejected(client, contact_ru, form_data, names, field, value):
    response = client.post(contact_ru.url, {**form_data, names[field]: value})

    assert response.status_code == 200
    assert 'class="field-error"' in response.text
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_line_break_error_is_translated(client, contact_en, form_data, names):
    data = {**form_data, names["name"]: "Anna\r\nBcc: x@y.example"}

    response = client.post(contact_en.url, data)

    assert "This field must fit on one line." in response.text


@pytest.mark.django_db
def test_empty_required_fields_are_reported(client, contact_ru):
    response = client.post(contact_ru.url, {})

    assert response.text.count('class="field-error"') == 3
    assert "Требуется заполнить это поле." in response.text
    assert FormSubmission.objects.count() == 0


@pytest.mark.django_db
def test_form_without_csrf_token_is_refused(contact_ru, form_data):
    csrf_client = Client(enforce_csrf_checks=True)

    response = csrf_client.post(contact_ru.url, form_data)

    assert response.status_code == 403
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_form_with_csrf_token_is_accepted(contact_ru, form_data):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.get(contact_ru.url)
    token = csrf_client.cookies["csrftoken"].value

    response = csrf_client.post(contact_ru.url, {**form_data, "csrfmiddlewaretoken": token})

    assert response.status_code == 200
    assert FormSubmission.objects.count() == 1


@pytest.mark.django_db
def test_html_in_a_message_is_sent_as_plain_text(client, contact_ru, form_data, names):
    response = client.post(
        contact_ru.url, {**form_data, names["message"]: "<script>alert(1)</script>"}
    )

    assert "<script>alert(1)</script>" not in response.text

    assert "<script>alert(1)</script>" in mail.outbox[0].body  # plain-text e-mail
    assert mail.outbox[0].content_subtype == "plain"
