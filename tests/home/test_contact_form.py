"""The contact form: a message reaches the site's contact address; bad
input gets a clear, translated error and writes nothing; bots that fill
in the hidden trap and visitors who send too many messages send nothing."""

import pytest
from bs4 import BeautifulSoup
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


# --- bots and floods ------------------------------------------------------------

HONEYPOT = "homepage"


@pytest.mark.django_db
def test_bot_trap_is_hidden_by_a_stylesheet_and_announced_to_screen_readers(client, contact_ru):
    page = BeautifulSoup(client.get(contact_ru.url).text, "html.parser")
    form = page.select_one("form.form")
    trap = form.find("input", attrs={"name": HONEYPOT})

    assert trap is not None
    assert trap["tabindex"] == "-1"
    assert trap["autocomplete"] == "off"
    wrapper = trap.find_parent("div")
    assert "visually-hidden" in wrapper["class"]
    assert wrapper.find("label", attrs={"for": trap["id"]}).get_text() == "Оставьте это поле пустым"
    # No inline style or script that a Content-Security-Policy would block.
    assert not form.select("[style]")
    assert not form.select("script")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ru", "Форма не отправлена: похоже, её заполнила программа."),
        ("en", "The form was not sent because it looks as if a program filled it in."),
    ],
)
def test_a_filled_bot_trap_sends_and_stores_nothing(client, request, form_data, language, message):
    page = request.getfixturevalue(f"contact_{language}")

    response = client.post(page.url, {**form_data, HONEYPOT: "http://spam.example/"})

    assert response.status_code == 200
    assert message in response.text
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_person_who_leaves_the_trap_empty_is_heard_and_the_trap_is_not_stored(
    contact_ru, form_data
):
    client = Client(enforce_csrf_checks=True)
    page = BeautifulSoup(client.get(contact_ru.url).text, "html.parser")
    # A browser sends every field of the form, the empty trap included.
    sent = {field["name"]: field.get("value", "") for field in page.select("form.form input")}
    assert HONEYPOT in sent

    response = client.post(contact_ru.url, {**sent, **form_data})

    assert "Спасибо" in response.text
    submission = FormSubmission.objects.get()
    assert HONEYPOT not in submission.form_data
    assert "Оставьте это поле пустым" not in mail.outbox[0].body


def send_from(client, page, data, address):
    return client.post(page.url, data, REMOTE_ADDR=address)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ru", "Вы отправили несколько сообщений за короткое время"),
        ("en", "You have sent several messages in a short time"),
    ],
)
def test_many_messages_from_one_visitor_address_are_refused(
    client, request, form_data, names, language, message
):
    page = request.getfixturevalue(f"contact_{language}")
    for number in range(5):
        data = {**form_data, names["email"]: f"person{number}@company.example"}
        assert send_from(client, page, data, "203.0.113.7").status_code == 200

    response = send_from(
        client, page, {**form_data, names["email"]: "last@company.example"}, "203.0.113.7"
    )

    assert response.status_code == 429
    assert message in response.text
    assert "last@company.example" in response.text  # what was typed is kept
    assert FormSubmission.objects.count() == 5
    assert len(mail.outbox) == 5
    # Another visitor is not held back.
    assert send_from(client, page, form_data, "198.51.100.20").status_code == 200
    assert len(mail.outbox) == 6


@pytest.mark.django_db
def test_many_messages_from_one_e_mail_address_are_refused_from_any_visitor_address(
    client, contact_ru, form_data, names
):
    for number in range(3):
        send_from(client, contact_ru, form_data, f"203.0.113.{number}")

    response = send_from(
        client, contact_ru, {**form_data, names["email"]: "ANNA@company.example"}, "203.0.113.99"
    )

    assert response.status_code == 429
    assert FormSubmission.objects.count() == 3
    assert len(mail.outbox) == 3
    other = {**form_data, names["email"]: "boris@company.example"}
    assert send_from(client, contact_ru, other, "203.0.113.99").status_code == 200


@pytest.mark.django_db
def test_refused_and_invalid_messages_do_not_count_against_the_limit(
    client, contact_ru, form_data, names
):
    for _ in range(5):
        client.post(contact_ru.url, {**form_data, names["email"]: "not-an-address"})
        client.post(contact_ru.url, {**form_data, HONEYPOT: "spam"})

    response = client.post(contact_ru.url, form_data)

    assert "Спасибо" in response.text
    assert FormSubmission.objects.count() == 1
