"""Accounts with django-allauth: sign-up with e-mail confirmation, log-in by
e-mail, log-out, password reset, in both languages and in the site's look."""

import re

import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from community.models import Profile
from tests.factories import PASSWORD
from tests.helpers import csrf_client, csrf_token, stale_log_in


def confirmation_link(message):
    return re.search(r"https?://testserver(/\S+/confirm-email/\S+/)", message.body).group(1)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading", "signup"),
    [("ru", "Войти", "Регистрация"), ("en", "Log in", "Sign up")],
)
def test_log_in_page_in_both_languages_and_the_sites_look(
    client, home_en, language, heading, signup
):
    response = client.get(f"/{language}/accounts/login/")

    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.text
    assert f"<h1>{heading}</h1>" in response.text
    assert 'class="site-header"' in response.text  # the site's frame, not allauth's page
    assert signup in response.text  # the header offers sign-up


@pytest.mark.django_db
def test_member_logs_in_by_e_mail_and_returns_to_the_page(home_en, anna):
    client = csrf_client()
    token = csrf_token(client, "/en/accounts/login/")

    response = client.post(
        "/en/accounts/login/",
        {
            "login": "anna@members.example",
            "password": PASSWORD,
            "next": "/en/",
            "csrfmiddlewaretoken": token,
        },
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert "Анна Соколова" in client.get("/en/").text  # header shows the member's name


@pytest.mark.django_db
def test_log_in_by_user_name_is_not_offered(client, home_en, anna):
    response = client.post("/en/accounts/login/", {"login": "anna", "password": PASSWORD})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "http://testserver.evil.example/"]
)
def test_log_in_redirects_only_within_the_site(client, home_en, anna, target):
    response = client.post(
        "/en/accounts/login/",
        {"login": "anna@members.example", "password": PASSWORD, "next": target},
    )

    assert response.status_code == 302
    assert "evil.example" not in response["Location"]
    assert response["Location"] == "/en/accounts/profile/"


@pytest.mark.django_db
def test_wrong_password_gets_a_translated_error_and_no_session(client, home_en, anna):
    response = client.post(
        "/ru/accounts/login/", {"login": "anna@members.example", "password": "wrong"}
    )

    assert response.status_code == 200
    assert 'class="form-errors"' in response.text
    assert "Указанные вами адрес электронной почты и/или пароль неверны." in response.text
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_log_in_without_csrf_token_is_refused(home_en, anna):
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        "/en/accounts/login/", {"login": "anna@members.example", "password": PASSWORD}
    )

    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ru", "Слишком много неудачных попыток входа в систему. Повторите попытку позже."),
        ("en", "Too many failed login attempts. Try again later."),
    ],
)
def test_site_log_in_is_throttled_after_repeated_failures(client, home_en, anna, language, message):
    url = f"/{language}/accounts/login/"
    for _ in range(5):
        client.post(url, {"login": "anna@members.example", "password": "wrong"})

    # Even the right password is refused while the limit holds.
    response = client.post(url, {"login": "anna@members.example", "password": PASSWORD})

    assert response.status_code == 200
    assert message in response.text
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_log_out_needs_a_post_with_csrf(home_en, anna):
    client = csrf_client(anna)

    assert client.get("/en/accounts/logout/").status_code == 200  # a confirmation page
    assert "_auth_user_id" in client.session
    assert client.post("/en/accounts/logout/").status_code == 403  # no token

    token = client.cookies["csrftoken"].value
    response = client.post("/en/accounts/logout/", {"csrfmiddlewaretoken": token})

    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_sign_up_confirm_log_in_edit_export_delete(home_en, people_ru, regions):
    """The whole path of a member, as they would walk it, CSRF enforced."""
    client = csrf_client()
    token = csrf_token(client, "/ru/accounts/signup/")

    response = client.post(
        "/ru/accounts/signup/",
        {
            "name": "Вера Новикова",
            "email": "vera@members.example",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "csrfmiddlewaretoken": token,
            "is_staff": "on",
            "is_superuser": "on",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/ru/accounts/confirm-email/"
    user = get_user_model().objects.get(email="vera@members.example")
    assert not user.is_staff and not user.is_superuser
    assert not Profile.objects.filter(user=user).exists()  # not before confirmation

    # Not confirmed yet: logging in leads to "confirm your address".
    fresh = csrf_client()
    token_fresh = csrf_token(fresh, "/ru/accounts/login/")
    refused = fresh.post(
        "/ru/accounts/login/",
        {"login": "vera@members.example", "password": PASSWORD, "csrfmiddlewaretoken": token_fresh},
    )
    assert "_auth_user_id" not in fresh.session
    assert refused["Location"] == "/ru/accounts/confirm-email/"

    # The confirmation e-mail is in Russian and leads back to the site.
    message = mail.outbox[-1]
    assert message.to == ["vera@members.example"]
    assert "[RUSMECO]" in message.subject
    assert "Вас приветствует RUSMECO!" in message.body
    assert "Вера Новикова" in message.body  # named by the name given, not a user name
    link = confirmation_link(message)
    assert link.startswith("/ru/accounts/confirm-email/")
    confirm_page = client.get(link)
    assert "Подтвердите адрес электронной почты" in confirm_page.text
    response = client.post(link, {"csrfmiddlewaretoken": client.cookies["csrftoken"].value})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session  # logged in on confirmation
    profile = Profile.objects.get(user=user)
    assert profile.display_name == "Вера Новикова"
    assert profile.visibility == "members"

    # Log out and in again by e-mail.
    client.post("/ru/accounts/logout/", {"csrfmiddlewaretoken": client.cookies["csrftoken"].value})
    token = csrf_token(client, "/ru/accounts/login/")
    response = client.post(
        "/ru/accounts/login/",
        {"login": "vera@members.example", "password": PASSWORD, "csrfmiddlewaretoken": token},
    )
    assert response["Location"] == "/ru/accounts/profile/"
    assert "Вера Новикова" in client.get("/ru/accounts/profile/").text

    # Edit the profile.
    token = csrf_token(client, "/ru/accounts/profile/edit/")
    response = client.post(
        "/ru/accounts/profile/edit/",
        {
            "display_name": "Вера Н. Новикова",
            "position": "Инженер",
            "region": regions["moscow"].pk,
            "languages": ["ru", "en"],
            "about": "Пишу о <b>качестве</b>.",
            "visibility": "public",
            "csrfmiddlewaretoken": token,
        },
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert (profile.display_name, profile.position, profile.visibility) == (
        "Вера Н. Новикова",
        "Инженер",
        "public",
    )
    page = Client().get(f"/ru/people/member/{profile.pk}/").text
    assert "Пишу о &lt;b&gt;качестве&lt;/b&gt;." in page  # escaped, not rendered

    # Export.
    exported = client.get("/ru/accounts/data/export/").json()
    assert exported["profile"]["name"] == "Вера Н. Новикова"
    assert exported["account"]["email"] == "vera@members.example"

    # Delete.
    token = csrf_token(client, "/ru/accounts/data/")
    response = client.post(
        "/ru/accounts/data/delete/",
        {"password": PASSWORD, "confirm": "on", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    assert not get_user_model().objects.filter(email="vera@members.example").exists()
    assert not Profile.objects.filter(pk=profile.pk).exists()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_sign_up_without_a_name_or_with_bad_input_writes_nothing(client, home_en):
    response = client.post(
        "/en/accounts/signup/",
        {"name": "   ", "email": "not-an-address", "password1": "1", "password2": "2"},
    )

    assert response.status_code == 200
    assert response.text.count('class="field-error"') >= 2
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_sign_up_with_a_taken_address_does_not_reveal_the_account(client, home_en, anna):
    response = client.post(
        "/en/accounts/signup/",
        {
            "name": "Someone",
            "email": "anna@members.example",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )

    # The same answer as a new address: "check your e-mail".
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    assert get_user_model().objects.filter(email="anna@members.example").count() == 1


@pytest.mark.django_db
def test_password_reset_does_not_reveal_whether_an_address_has_an_account(client, home_en, anna):
    known = client.post("/en/accounts/password/reset/", {"email": "anna@members.example"})
    unknown = client.post("/en/accounts/password/reset/", {"email": "nobody@members.example"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/en/accounts/password/reset/done/"
    done = client.get("/en/accounts/password/reset/done/").text
    assert "If an account uses this address" in done


@pytest.mark.django_db
def test_password_reset_link_sets_a_new_password(client, home_en, anna):
    client.post("/ru/accounts/password/reset/", {"email": "anna@members.example"})
    link = re.search(r"https?://testserver(/\S+)", mail.outbox[-1].body).group(1)

    form_page = client.get(link, follow=True)
    assert "Выберите новый пароль" in form_page.text
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"password1": "New-pass-phrase-77", "password2": "New-pass-phrase-77"},
    )

    assert response.status_code == 302
    anna.refresh_from_db()
    assert anna.check_password("New-pass-phrase-77")


@pytest.mark.django_db
def test_signed_up_members_never_reach_the_wagtail_admin(client, home_en, anna):
    client.force_login(anna)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_account_pages_need_a_log_in(client, home_en):
    for url in ("/ru/accounts/profile/", "/ru/accounts/profile/edit/", "/ru/accounts/data/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/ru/accounts/login/?next=")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"), [("ru", "Слишком много попыток"), ("en", "Too many attempts")]
)
def test_too_many_sign_ups_from_one_address_get_a_clear_page(client, home_en, language, message):
    for number in range(10):  # at most 10 sign-up forms in 10 minutes from one address
        client.post(f"/{language}/accounts/signup/", {"email": f"bot{number}@spam.example"})

    response = client.post(
        f"/{language}/accounts/signup/",
        {"name": "Bot", "email": "bot@spam.example", "password1": PASSWORD, "password2": PASSWORD},
    )

    assert response.status_code == 429
    assert f"<h1>{message}</h1>" in response.text
    assert 'class="site-header"' in response.text
    assert not get_user_model().objects.filter(email="bot@spam.example").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ru", "Форма не отправлена: похоже, её заполнила программа."),
        ("en", "The form was not sent because it looks as if a program filled it in."),
    ],
)
def test_sign_up_with_the_bot_trap_filled_creates_no_account(home_en, language, message):
    client = csrf_client()
    url = f"/{language}/accounts/signup/"
    token = csrf_token(client, url)

    response = client.post(
        url,
        {
            "name": "Bot",
            "email": "bot@spam.example",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "homepage": "http://spam.example/",
            "csrfmiddlewaretoken": token,
        },
    )

    assert response.status_code == 200
    assert message in response.text
    assert not get_user_model().objects.filter(email="bot@spam.example").exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_sign_up_form_hides_the_bot_trap_from_sight_not_from_screen_readers(client, home_en):
    page = BeautifulSoup(client.get("/en/accounts/signup/").text, "html.parser")
    trap = page.select_one('form input[name="homepage"]')

    assert trap["tabindex"] == "-1"
    assert trap["autocomplete"] == "off"
    wrapper = trap.find_parent("div")
    assert "visually-hidden" in wrapper["class"]
    assert wrapper.find("label").get_text() == "Leave this field empty"
    assert not page.select("form [style]")


# --- sensitive changes: the password again, and an e-mail about the change -------

NEW_PASSWORD = "Another-pass-phrase-58"
NEW_ADDRESS = "anna.new@members.example"


def add_address(client, language="ru"):
    url = f"/{language}/accounts/email/"
    token = csrf_token(client, url)
    return client.post(url, {"email": NEW_ADDRESS, "action_add": "", "csrfmiddlewaretoken": token})


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "subject", "text"),
    [
        ("ru", "Ваш пароль изменён", "Сообщаем об изменении в вашей учётной записи RUSMECO"),
        ("en", "Your password has been changed", "This e-mail tells you of a change"),
    ],
)
def test_changing_the_password_e_mails_the_member_in_their_language(
    home_en, anna, language, subject, text
):
    client = csrf_client(anna)
    url = f"/{language}/accounts/password/change/"
    token = csrf_token(client, url)

    response = client.post(
        url,
        {
            "oldpassword": PASSWORD,
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "csrfmiddlewaretoken": token,
        },
    )

    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["anna@members.example"]
    assert message.subject == f"[RUSMECO] {subject}"
    assert text in message.body
    assert "127.0.0.1" in message.body  # where the change came from


@pytest.mark.django_db
def test_a_new_e_mail_address_is_announced_to_the_old_one(home_en, anna):
    client = csrf_client(anna)
    add_address(client)
    link = confirmation_link(mail.outbox[-1])

    client.post(link, {"csrfmiddlewaretoken": client.cookies["csrftoken"].value})

    assert EmailAddress.objects.get(user=anna, primary=True).email == NEW_ADDRESS
    [notice] = [message for message in mail.outbox if message.to == ["anna@members.example"]]
    assert notice.subject == "[RUSMECO] Адрес вашей электронной почты изменён"
    assert (
        f"изменён с anna@members.example на {NEW_ADDRESS}." in notice.body
    )  # the member's language, in the portal's words


@pytest.mark.django_db
def test_adding_an_e_mail_address_after_a_stale_log_in_asks_for_the_password_first(home_en, anna):
    client = stale_log_in(csrf_client(anna))

    response = add_address(client)

    assert response.status_code == 302
    assert response["Location"].startswith("/ru/accounts/reauthenticate/?next=")
    assert not EmailAddress.objects.filter(email=NEW_ADDRESS).exists()
    assert mail.outbox == []

    token = client.cookies["csrftoken"].value
    response = client.post(
        response["Location"], {"password": PASSWORD, "csrfmiddlewaretoken": token}
    )

    # Once the password is confirmed, the change the member asked for goes on.
    assert EmailAddress.objects.filter(user=anna, email=NEW_ADDRESS, verified=False).exists()
    assert mail.outbox[-1].to == [NEW_ADDRESS]


@pytest.mark.django_db
def test_confirming_with_a_wrong_password_keeps_asking(home_en, anna):
    client = stale_log_in(csrf_client(anna))
    url = add_address(client)["Location"]

    response = client.post(
        url, {"password": "wrong", "csrfmiddlewaretoken": client.cookies["csrftoken"].value}
    )

    assert response.status_code == 200
    assert "Неверный пароль." in response.text
    assert not EmailAddress.objects.filter(email=NEW_ADDRESS).exists()
    assert add_address(client).status_code == 302
