""" "My data": a member downloads everything the portal holds about them and
can delete their account, after confirming their password again when
their log-in is not recent; other apps take part through the hooks of
home/member_data.py. Deleting the account ends its sessions everywhere."""

import json
from importlib import import_module
from urllib.parse import quote

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.test import Client
from django_comments.models import CommentFlag
from wagtail import hooks
from wagtail.contrib.forms.models import FormSubmission

from community.models import Company, CompanyMembership, Profile, Role
from tests.factories import (
    PASSWORD,
    ArticlePageFactory,
    CommentFactory,
    CommentFlagFactory,
    CompanyFactory,
    MemberFactory,
)
from tests.helpers import csrf_client, csrf_token, logged_in, picture, stale_log_in

DELETE = "/ru/accounts/data/delete/"


def delete_data(**overrides):
    return {"password": PASSWORD, "confirm": "on", **overrides}


@pytest.mark.django_db
def test_export_holds_account_profile_companies_and_other_apps_data(
    anna, anna_client, people_ru, regions, topics
):
    profile = Profile.objects.get(user=anna)
    profile.region = regions["moscow"]
    profile.about = "О себе"
    profile.save()
    profile.themes.set([topics["ipr"]])
    CompanyFactory(name="Ромашка", manager=anna)

    def export_comments(user):
        return "comments", [{"text": f"comment by {user.get_username()}"}]

    with hooks.register_temporarily("register_member_data_export", export_comments):
        response = anna_client.get("/ru/accounts/data/export/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "anna@members.example"
    assert data["account"]["email_addresses"] == [
        {"email": "anna@members.example", "verified": True, "primary": True}
    ]
    assert data["profile"]["name"] == "Анна Соколова"
    assert data["profile"]["region"] == "Москва"
    assert data["profile"]["themes"] == ["Права интеллектуальной собственности"]
    assert data["profile"]["about"] == "О себе"
    assert data["companies"] == [
        {
            "company": "Ромашка",
            "role": "manager",
            "accepted": True,
            "since": data["companies"][0]["since"],
        }
    ]
    assert data["comments"] == [{"text": "comment by anna"}]


@pytest.mark.django_db
def test_export_is_only_ever_ones_own(anna, boris, people_ru):
    data = logged_in(boris).get("/ru/accounts/data/export/", {"user": anna.pk}).json()

    assert data["account"]["email"] == "boris@members.example"
    assert "anna" not in json.dumps(data)


@pytest.mark.django_db
def test_visitors_cannot_export_or_delete(client, people_ru, anna):
    assert client.get("/ru/accounts/data/export/").status_code == 302
    assert client.post(DELETE, delete_data()).status_code == 302
    assert get_user_model().objects.filter(pk=anna.pk).exists()


@pytest.mark.django_db
def test_delete_needs_csrf(anna, people_ru):
    client = csrf_client(anna)

    assert client.post(DELETE, delete_data()).status_code == 403
    assert get_user_model().objects.filter(pk=anna.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (delete_data(password="wrong"), "Неверный пароль."),
        (delete_data(confirm=""), "Требуется заполнить это поле."),
        ({}, "Требуется заполнить это поле."),
    ],
)
def test_delete_without_the_password_and_the_tick_deletes_nothing(
    anna, anna_client, people_ru, data, message
):
    response = anna_client.post(DELETE, data)

    assert response.status_code == 200
    assert message in response.text
    assert get_user_model().objects.filter(pk=anna.pk).exists()
    assert Profile.objects.filter(user=anna).exists()


@pytest.mark.django_db
def test_guessing_the_password_in_the_delete_form_is_throttled(anna, anna_client, people_ru):
    for _ in range(10):
        anna_client.post(DELETE, delete_data(password="wrong"))

    response = anna_client.post(DELETE, delete_data())

    assert "Слишком много попыток." in response.text
    assert get_user_model().objects.filter(pk=anna.pk).exists()


@pytest.mark.django_db
def test_delete_removes_account_profile_photo_and_runs_every_apps_erasure(
    anna, people_ru, django_capture_on_commit_callbacks
):
    client = csrf_client(anna)
    token = csrf_token(client, "/ru/accounts/profile/edit/")
    client.post(
        "/ru/accounts/profile/edit/",
        {
            "display_name": "Анна",
            "visibility": "public",
            "photo": picture(),
            "csrfmiddlewaretoken": token,
        },
    )
    photo = Profile.objects.get(user=anna).photo.name
    assert default_storage.exists(photo)
    erased = []

    def erase_comments(user):
        erased.append(user.email)

    token = csrf_token(client, "/ru/accounts/data/")
    with (
        hooks.register_temporarily("register_member_data_erasure", erase_comments),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(DELETE, delete_data(csrfmiddlewaretoken=token), follow=True)

    assert "Ваша учётная запись удалена." in response.text
    assert erased == ["anna@members.example"]
    assert not get_user_model().objects.filter(username="anna").exists()
    assert not Profile.objects.filter(display_name="Анна").exists()
    assert not default_storage.exists(photo)
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_failing_erasure_leaves_everything_in_place(
    anna, anna_client, people_ru, regions, django_capture_on_commit_callbacks
):
    CompanyFactory(name="Ромашка", manager=anna)

    def broken(user):
        raise RuntimeError("the comments database is down")

    anna_client.raise_request_exception = False
    with (
        hooks.register_temporarily("register_member_data_erasure", broken),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = anna_client.post(DELETE, delete_data())

    assert response.status_code == 500
    assert get_user_model().objects.filter(pk=anna.pk).exists()
    assert Profile.objects.filter(user=anna).exists()
    assert CompanyMembership.objects.filter(user=anna, role=Role.MANAGER).exists()


@pytest.mark.django_db
def test_a_company_passes_to_its_longest_standing_member_or_goes(
    anna, boris, anna_client, people_ru, regions
):
    vera = MemberFactory(username="vera")
    shared = CompanyFactory(name="Ромашка", manager=anna, members=[boris, vera])
    alone = CompanyFactory(name="Одиночка", manager=anna)
    co_managed = CompanyFactory(name="Вдвоём", manager=anna)
    CompanyMembership.objects.create(
        company=co_managed, user=vera, role=Role.MANAGER, accepted=True
    )

    anna_client.post(DELETE, delete_data())

    assert shared.memberships.get(user=boris).role == Role.MANAGER  # joined before Vera
    assert shared.memberships.get(user=vera).role == Role.MEMBER
    assert not Company.objects.filter(pk=alone.pk).exists()
    assert co_managed.memberships.get(user=vera).role == Role.MANAGER
    assert not CompanyMembership.objects.filter(user__username="anna").exists()


@pytest.mark.django_db
def test_editors_and_administrators_are_deleted_by_an_administrator(people_ru):
    editor = MemberFactory(username="editor")
    editor.is_staff = True
    editor.save()

    response = logged_in(editor).post(DELETE, delete_data())

    assert response.status_code == 403
    assert "удаляет администратор" in response.text
    assert get_user_model().objects.filter(pk=editor.pk).exists()


# --- asking for the password again ----------------------------------------------

EXPORT = "/ru/accounts/data/export/"
REAUTHENTICATE = "/ru/accounts/reauthenticate/"


@pytest.mark.django_db
def test_export_after_a_stale_log_in_asks_for_the_password_then_goes_on(anna, people_ru):
    client = stale_log_in(csrf_client(anna))

    response = client.get(EXPORT)

    assert response.status_code == 302
    assert response["Location"] == f"{REAUTHENTICATE}?next={quote(EXPORT, safe='')}"
    assert "attachment" not in response.get("Content-Disposition", "")

    token = csrf_token(client, response["Location"])
    response = client.post(
        response["Location"], {"password": PASSWORD, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert response["Location"] == EXPORT
    assert client.get(EXPORT).json()["account"]["email"] == "anna@members.example"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"), [("ru", "Неверный пароль."), ("en", "Incorrect password.")]
)
def test_a_wrong_password_on_confirmation_is_refused_and_exports_nothing(
    anna, people_ru, language, message
):
    client = stale_log_in(csrf_client(anna))
    export = f"/{language}/accounts/data/export/"
    url = f"/{language}/accounts/reauthenticate/?next={export}"
    token = csrf_token(client, url)

    response = client.post(url, {"password": "wrong", "csrfmiddlewaretoken": token})

    assert response.status_code == 200
    assert message in response.text
    assert client.get(export).status_code == 302  # still asked for the password


@pytest.mark.django_db
def test_delete_after_a_stale_log_in_asks_for_the_password_and_deletes_nothing(anna, people_ru):
    client = stale_log_in(csrf_client(anna))
    token = csrf_token(client, "/ru/accounts/data/")

    response = client.post(DELETE, delete_data(csrfmiddlewaretoken=token))

    assert response.status_code == 302
    assert response["Location"] == f"{REAUTHENTICATE}?next={quote('/ru/accounts/data/', safe='')}"
    assert get_user_model().objects.filter(pk=anna.pk).exists()
    assert Profile.objects.filter(user=anna).exists()
    # The delete form's password is not kept in the session to be replayed.
    assert PASSWORD not in json.dumps(dict(client.session.items()), default=str)

    response = client.post(
        response["Location"], {"password": PASSWORD, "csrfmiddlewaretoken": token}
    )
    assert response["Location"] == "/ru/accounts/data/"
    client.post(DELETE, delete_data(csrfmiddlewaretoken=token))
    assert not get_user_model().objects.filter(pk=anna.pk).exists()


@pytest.mark.django_db
def test_a_log_in_counts_as_a_recent_password_for_five_minutes(anna, people_ru):
    client = csrf_client()
    token = csrf_token(client, "/ru/accounts/login/")
    client.post(
        "/ru/accounts/login/",
        {"login": "anna@members.example", "password": PASSWORD, "csrfmiddlewaretoken": token},
    )
    assert client.get(EXPORT).json()["account"]["email"] == "anna@members.example"

    stale_log_in(client, minutes=4)
    assert client.get(EXPORT).status_code == 200

    stale_log_in(client, minutes=6)
    assert client.get(EXPORT)["Location"].startswith(REAUTHENTICATE)


# --- everything in the export, nothing left after deletion -----------------------


@pytest.fixture
def anna_commented(anna, boris, library_ru):
    """Anna's comment on an article (sent from 192.0.2.10) and her flag on
    Boris's comment."""
    article = ArticlePageFactory(parent=library_ru, title="Статья")
    CommentFactory(page=article, user=anna, comment="Мой отзыв", ip_address="192.0.2.10")
    flagged = CommentFactory(page=article, user=boris, comment="Реклама")
    CommentFlagFactory(comment=flagged, user=anna)
    return article


def send_contact_message(page, email, message):
    name, address, text = [field.clean_name for field in page.get_form_fields()]
    response = Client().post(page.url, {name: "Анна", address: email, text: message})
    assert response.status_code == 200


@pytest.mark.django_db
def test_export_holds_comment_addresses_flags_and_contact_messages(
    anna, anna_client, people_ru, anna_commented, contact_ru, contact_en
):
    send_contact_message(contact_ru, "Anna@Members.example", "Вопрос о членстве")
    send_contact_message(contact_en, "anna@members.example", "A question in English")
    send_contact_message(contact_ru, "boris@members.example", "Чужое сообщение")
    # An address Anna added but never confirmed does not make others' messages hers.
    EmailAddress.objects.create(user=anna, email="boris@members.example", verified=False)

    data = anna_client.get(EXPORT).json()

    assert [(c["text"], c["ip_address"]) for c in data["library_comments"]] == [
        ("Мой отзыв", "192.0.2.10")
    ]
    assert [(f["comment_text"], f["flag"]) for f in data["library_comment_flags"]] == [
        ("Реклама", CommentFlag.SUGGEST_REMOVAL)
    ]
    messages = [list(m["fields"].values()) for m in data["contact_messages"]]
    assert [m[2] for m in messages] == ["Вопрос о членстве", "A question in English"]
    assert [m["form"] for m in data["contact_messages"]] == ["Контакты", "Contact"]


@pytest.mark.django_db
def test_deleting_the_account_erases_the_members_contact_messages_only(
    anna, anna_client, people_ru, contact_ru
):
    send_contact_message(contact_ru, "anna@members.example", "Вопрос о членстве")
    send_contact_message(contact_ru, "boris@members.example", "Вопрос Бориса")

    anna_client.post(DELETE, delete_data())

    assert not get_user_model().objects.filter(pk=anna.pk).exists()
    remaining = [list(s.form_data.values())[2] for s in FormSubmission.objects.all()]
    assert remaining == ["Вопрос Бориса"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "engine",
    [
        "django.contrib.sessions.backends.db",
        "django.contrib.sessions.backends.cached_db",
        "django.contrib.sessions.backends.cache",
    ],
)
def test_deleting_the_account_ends_the_members_sessions_on_every_device(
    anna, boris, people_ru, settings, engine
):
    settings.SESSION_ENGINE = engine
    laptop, phone, other_member = logged_in(anna), logged_in(anna), logged_in(boris)
    phone_session = phone.session.session_key
    store = import_module(engine).SessionStore

    response = laptop.post(DELETE, delete_data())

    assert response.status_code == 302
    assert not store().exists(phone_session)  # gone from the store, not merely orphaned
    assert phone.get("/ru/accounts/profile/").status_code == 302  # asked to log in
    assert "_auth_user_id" not in phone.session
    assert other_member.get("/ru/accounts/profile/").status_code == 200
