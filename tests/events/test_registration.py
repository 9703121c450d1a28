"""Registering for an event on its page: signed-in members register, see
their status and cancel; a full event keeps a waiting list in order and a
cancellation gives the seat to the first person waiting. Everything else
(twice, too late, someone else's registration, no form token) is refused
with a clear message and writes nothing."""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.shortcuts import resolve_url
from django.test import Client
from django.utils import timezone

from rusmeco_events.models import Registration
from tests.factories import EventPageFactory, MemberFactory, translate
from tests.helpers import in_days


def register(client, event, callbacks):
    with callbacks(execute=True):
        return client.post(f"{event.url}register/", follow=True)


def cancel(client, event, callbacks):
    with callbacks(execute=True):
        return client.post(f"{event.url}cancel/", follow=True)


def statuses(event):
    return list(
        Registration.objects.filter(event=event)
        .order_by("registered_at", "pk")
        .values_list("user__username", "status")
    )


@pytest.fixture
def small_event(calendar_ru):
    return EventPageFactory(parent=calendar_ru, slug="small", capacity=2)


@pytest.mark.django_db
def test_member_registers_and_sees_the_confirmation(
    client, small_event, anna, django_capture_on_commit_callbacks
):
    client.force_login(anna)

    response = register(client, small_event, django_capture_on_commit_callbacks)

    assert response.redirect_chain == [(small_event.url, 302)]
    assert "Вы зарегистрированы. Мы отправили вам подтверждение" in response.text
    assert "Вы зарегистрированы на это мероприятие." in response.text
    assert "Отменить регистрацию" in response.text
    assert statuses(small_event) == [("anna", "confirmed")]
    assert [message.to for message in mail.outbox] == [["anna@members.example"]]


@pytest.mark.django_db
def test_seats_left_are_shown_and_counted_down(client, small_event, anna, boris):
    client.force_login(anna)
    assert "Осталось 2 места." in client.get(small_event.url).text

    client.post(f"{small_event.url}register/")

    client.force_login(boris)
    assert "Осталось 1 место." in client.get(small_event.url).text


@pytest.mark.django_db
def test_full_event_puts_members_on_the_waiting_list_in_order(
    small_event, django_capture_on_commit_callbacks
):
    clients = {}
    for name in ("anna", "boris", "vera", "gleb"):
        clients[name] = Client()
        clients[name].force_login(MemberFactory(username=name))

    for name in ("anna", "boris", "vera"):
        register(clients[name], small_event, django_capture_on_commit_callbacks)
    page = clients["gleb"].get(small_event.url).text
    assert "Все места заняты" in page
    assert "Встать в лист ожидания" in page
    response = register(clients["gleb"], small_event, django_capture_on_commit_callbacks)

    assert "Все места заняты, и вы в листе ожидания." in response.text
    assert "Ваш номер в листе ожидания: 2." in response.text
    assert statuses(small_event) == [
        ("anna", "confirmed"),
        ("boris", "confirmed"),
        ("vera", "waiting"),
        ("gleb", "waiting"),
    ]
    assert len(mail.outbox) == 2  # confirmations only; the waiting list gets none


@pytest.mark.django_db
def test_cancellation_promotes_the_first_person_waiting_who_gets_an_email(
    small_event, django_capture_on_commit_callbacks
):
    clients = {}
    for name in ("anna", "boris", "vera", "gleb"):
        clients[name] = Client()
        clients[name].force_login(MemberFactory(username=name))
        register(clients[name], small_event, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    response = cancel(clients["boris"], small_event, django_capture_on_commit_callbacks)

    assert "Ваша регистрация отменена." in response.text
    assert statuses(small_event) == [
        ("anna", "confirmed"),
        ("boris", "cancelled"),
        ("vera", "confirmed"),
        ("gleb", "waiting"),
    ]
    assert [message.to for message in mail.outbox] == [["vera@members.example"]]
    assert "освободилось место" in mail.outbox[0].subject
    assert "Ваш номер в листе ожидания: 1." in clients["gleb"].get(small_event.url).text


@pytest.mark.django_db
def test_leaving_the_waiting_list_promotes_nobody(small_event, django_capture_on_commit_callbacks):
    clients = {}
    for name in ("anna", "boris", "vera"):
        clients[name] = Client()
        clients[name].force_login(MemberFactory(username=name))
        register(clients[name], small_event, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    cancel(clients["vera"], small_event, django_capture_on_commit_callbacks)

    assert statuses(small_event)[-1] == ("vera", "cancelled")
    assert mail.outbox == []


@pytest.mark.django_db
def test_registering_again_after_cancelling_joins_the_end_of_the_line(
    small_event, django_capture_on_commit_callbacks
):
    clients = {}
    for name in ("anna", "boris", "vera"):
        clients[name] = Client()
        clients[name].force_login(MemberFactory(username=name))
        register(clients[name], small_event, django_capture_on_commit_callbacks)

    cancel(clients["anna"], small_event, django_capture_on_commit_callbacks)  # vera gets the seat
    register(clients["anna"], small_event, django_capture_on_commit_callbacks)

    assert dict(statuses(small_event)) == {
        "anna": "waiting",
        "boris": "confirmed",
        "vera": "confirmed",
    }
    assert Registration.objects.filter(event=small_event).count() == 3  # the row is reused


@pytest.mark.django_db
def test_registering_twice_is_refused_and_writes_nothing(client, small_event, anna):
    client.force_login(anna)
    client.post(f"{small_event.url}register/")
    before = list(Registration.objects.values_list("pk", "registered_at", "status"))

    response = client.post(f"{small_event.url}register/", follow=True)

    assert "Вы уже зарегистрированы на это мероприятие." in response.text
    assert list(Registration.objects.values_list("pk", "registered_at", "status")) == before


@pytest.mark.django_db
def test_registration_after_the_deadline_is_refused(client, calendar_ru, anna):
    start = in_days(3)
    event = EventPageFactory(
        parent=calendar_ru,
        slug="deadline-passed",
        start=start,
        registration_deadline=timezone.now() - datetime.timedelta(hours=1),
    )
    client.force_login(anna)
    assert "Регистрация закрыта." in client.get(event.url).text

    response = client.post(f"{event.url}register/", follow=True)

    assert "Регистрация закрылась" in response.text
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_registration_for_a_past_event_is_refused(client, calendar_ru, anna):
    event = EventPageFactory(parent=calendar_ru, slug="past", start=in_days(-10))
    client.force_login(anna)
    assert "Мероприятие уже прошло." in client.get(event.url).text

    response = client.post(f"{event.url}register/", follow=True)

    assert "Мероприятие уже прошло." in response.text
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_registration_closes_when_the_event_starts(client, calendar_ru, anna):
    started = timezone.now() - datetime.timedelta(minutes=30)
    event = EventPageFactory(
        parent=calendar_ru, slug="running", start=started, end=started + datetime.timedelta(hours=3)
    )
    client.force_login(anna)

    response = client.post(f"{event.url}register/", follow=True)

    assert "Регистрация закрылась с началом мероприятия." in response.text
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_anonymous_visitor_is_offered_a_link_to_log_in(client, small_event):
    html = client.get(small_event.url).text

    login = resolve_url(settings.LOGIN_URL)
    assert f'<a class="button" href="{login}?next=/ru/events/small/">' in html
    assert "Войдите, чтобы зарегистрироваться" in html
    assert 'action="/ru/events/small/register/"' not in html


@pytest.mark.django_db
def test_log_in_link_follows_the_login_url_setting(client, small_event, settings):
    settings.LOGIN_URL = "/ru/members/sign-in/"

    html = client.get(small_event.url).text

    assert 'href="/ru/members/sign-in/?next=/ru/events/small/"' in html


@pytest.mark.django_db
def test_anonymous_registration_is_sent_to_log_in_and_writes_nothing(client, small_event, settings):
    settings.LOGIN_URL = "/ru/members/sign-in/"

    response = client.post(f"{small_event.url}register/")

    assert response.status_code == 302
    assert response["Location"] == "/ru/members/sign-in/?next=/ru/events/small/"
    assert not Registration.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["register", "cancel"])
def test_registration_urls_only_accept_post(client, small_event, anna, action):
    client.force_login(anna)

    response = client.get(f"{small_event.url}{action}/")

    assert response.status_code == 405
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_registration_without_a_form_token_is_refused(small_event, anna):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(anna)

    response = csrf_client.post(f"{small_event.url}register/")

    assert response.status_code == 403
    # Django's own page, in the visitor's language.
    assert "Ошибка проверки CSRF. Запрос отклонён." in response.text
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_registration_with_the_form_token_is_accepted(small_event, anna):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(anna)
    csrf_client.get(small_event.url)
    token = csrf_client.cookies["csrftoken"].value

    response = csrf_client.post(f"{small_event.url}register/", {"csrfmiddlewaretoken": token})

    assert response.status_code == 302
    assert statuses(small_event) == [("anna", "confirmed")]


@pytest.mark.django_db
def test_cancelling_without_a_form_token_is_refused(small_event, anna):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(anna)
    csrf_client.get(small_event.url)
    token = csrf_client.cookies["csrftoken"].value
    csrf_client.post(f"{small_event.url}register/", {"csrfmiddlewaretoken": token})

    response = csrf_client.post(f"{small_event.url}cancel/")

    assert response.status_code == 403
    assert statuses(small_event) == [("anna", "confirmed")]


@pytest.mark.django_db
def test_a_member_cannot_cancel_someone_elses_registration(client, small_event, anna, boris):
    client.force_login(anna)
    client.post(f"{small_event.url}register/")

    client.force_login(boris)
    # Whatever is posted, the cancel form only ever acts on its sender's
    # own registration: it names no registration at all.
    registration = Registration.objects.get()
    response = client.post(
        f"{small_event.url}cancel/",
        {"registration": registration.pk, "user": anna.pk},
        follow=True,
    )

    assert "У вас нет регистрации на это мероприятие, отменять нечего." in response.text
    assert statuses(small_event) == [("anna", "confirmed")]


@pytest.mark.django_db
def test_cancelling_after_the_start_is_refused(client, calendar_ru, anna):
    event = EventPageFactory(parent=calendar_ru, slug="soon", start=in_days(2))
    client.force_login(anna)
    client.post(f"{event.url}register/")
    started = timezone.now() - datetime.timedelta(minutes=5)
    event.start, event.end = started, started + datetime.timedelta(hours=2)
    event.save_revision().publish()

    response = client.post(f"{event.url}cancel/", follow=True)

    assert "Мероприятие уже началось" in response.text
    assert Registration.objects.get().status == "confirmed"


@pytest.mark.django_db
def test_both_languages_share_one_list_of_seats(calendar_en, small_event, anna, boris):
    english = translate(small_event, title="Small event")
    russian_client, english_client, late_client = Client(), Client(), Client()
    russian_client.force_login(anna)
    english_client.force_login(boris)
    late_client.force_login(MemberFactory(username="late"))

    russian_client.post(f"{small_event.url}register/")
    response = english_client.post(f"{english.url}register/", follow=True)
    late = late_client.post(f"{english.url}register/", follow=True)

    assert "You are registered." in response.text
    assert "The event is full, so you are on the waiting list." in late.text
    assert Registration.objects.filter(event=small_event).count() == 3
    assert Registration.objects.get(user=boris).language == "en"


@pytest.mark.django_db
def test_raising_the_capacity_gives_seats_to_the_waiting_list(
    small_event, django_capture_on_commit_callbacks
):
    for name in ("anna", "boris", "vera", "gleb"):
        client = Client()
        client.force_login(MemberFactory(username=name))
        register(client, small_event, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    small_event.capacity = 3
    with django_capture_on_commit_callbacks(execute=True):
        small_event.save_revision().publish()

    assert dict(statuses(small_event))["vera"] == "confirmed"
    assert dict(statuses(small_event))["gleb"] == "waiting"
    assert [message.to for message in mail.outbox] == [["vera@members.example"]]


@pytest.mark.django_db
def test_event_without_a_capacity_confirms_everyone(
    calendar_ru, django_capture_on_commit_callbacks
):
    event = EventPageFactory(parent=calendar_ru, slug="open-to-all", capacity=None)
    for number in range(5):
        client = Client()
        client.force_login(MemberFactory(username=f"m{number}"))
        register(client, event, django_capture_on_commit_callbacks)

    assert {status for _, status in statuses(event)} == {"confirmed"}


@pytest.mark.django_db
def test_messages_and_statuses_are_in_english_on_english_pages(
    client, calendar_en, small_event, anna
):
    english = translate(small_event, title="Small event")
    client.force_login(anna)
    assert "2 seats left." in client.get(english.url).text

    response = client.post(f"{english.url}register/", follow=True)

    assert "You are registered for this event." in response.text
    assert "Cancel my registration" in response.text
    again = client.post(f"{english.url}register/", follow=True)
    assert "You are already registered for this event." in again.text
