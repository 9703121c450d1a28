"""The background job queue: with the database backend (production's and
development's), a request only writes a task row, in its own transaction,
and a worker delivers the e-mail afterwards, attachments and all; a mail
server that is down costs retries with a growing wait, then a failed task
with its reason in the superusers' report. Wagtail's own tasks (the search
index) go through the same queue.

The rest of the suite runs tasks at once (the immediate backend); these
tests switch to the database backend. Those that run the worker commit for
real (transactional tests), as the worker does; the worker runs here in the
test's process, bounded by count (and, with `--batch`, by the queue being
empty)."""

import base64
from datetime import timedelta
from email.mime.text import MIMEText

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from wagtail.contrib.forms.models import FormSubmission

from home.tasks import ATTEMPTS
from rusmeco_events.models import Registration
from tests.factories import ArticlePageFactory, EventPageFactory, StaffFactory
from tests.helpers import logged_in

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
MAIL_TASK = "home.mail.deliver_email"
# Each run of the worker stops when the queue holds nothing ready, or
# after this many tasks, whichever comes first.
WORKER_MAX_TASKS = 20


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE


def run_worker():
    """What `manage.py db_worker --batch --max-tasks 20` does, without
    taking over the test process's signals."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=WORKER_MAX_TASKS,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


def mail_tasks():
    return DBTaskResult.objects.filter(task_path=MAIL_TASK).order_by("enqueued_at")


def post_contact_message(contact_page):
    name, email, message = (field.clean_name for field in contact_page.get_form_fields())
    return Client().post(
        contact_page.url, {name: "Анна", email: "anna@company.example", message: "Здравствуйте!"}
    )


@pytest.mark.django_db(transaction=True)
def test_a_contact_message_is_queued_and_the_worker_delivers_it(database_queue, contact_ru):
    response = post_contact_message(contact_ru)

    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=contact_ru).count() == 1
    assert mail.outbox == []
    [queued] = mail_tasks()
    assert queued.status == "READY"

    run_worker()

    [message] = mail.outbox
    assert message.to == ["office@rusmeco.example"]
    assert message.reply_to == ["anna@company.example"]
    assert "Здравствуйте!" in message.body
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"


@pytest.mark.django_db(transaction=True)
def test_a_registration_confirmation_keeps_its_calendar_file(
    database_queue, calendar_ru, anna_client, anna
):
    event = EventPageFactory(parent=calendar_ru, slug="meeting", title="Встреча")

    response = anna_client.post(f"{event.url}register/")

    assert response.status_code == 302
    assert Registration.objects.get(event=event, user=anna).status == "confirmed"
    assert mail.outbox == []
    assert mail_tasks().count() == 1

    run_worker()

    [message] = mail.outbox
    assert message.to == ["anna@members.example"]
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == ("event.ics", "text/calendar")
    assert content.startswith("BEGIN:VCALENDAR") and "Встреча" in content


@pytest.mark.django_db(transaction=True)
def test_every_part_of_a_message_survives_the_queue(database_queue):
    picture = bytes(range(256))
    note = MIMEText("Примечание", "plain", "utf-8")
    note.add_header("Content-Disposition", "attachment", filename="note.txt")
    sent = EmailMultiAlternatives(
        subject="Приглашение",
        body="Текст письма",
        from_email="office@rusmeco.example",
        to=["anna@members.example"],
        cc=["boris@members.example"],
        bcc=["archive@rusmeco.example"],
        reply_to=["coordinator@rusmeco.example"],
        headers={"List-Unsubscribe": "<https://portal.example/unsubscribe/abc/>"},
    )
    sent.attach_alternative("<p>Текст письма</p>", "text/html")
    sent.attach("logo.bin", picture, "application/octet-stream")
    sent.attach("programme.txt", "Программа", "text/plain")
    sent.attach(note)

    assert sent.send() == 1
    assert mail.outbox == []
    [queued] = mail_tasks()
    arguments = queued.args_kwargs["args"][0]
    assert base64.b64decode(arguments["attachments"][0]["content"]["base64"]) == picture

    run_worker()

    [received] = mail.outbox
    assert received.subject == "Приглашение"
    assert received.body == "Текст письма"
    assert received.from_email == "office@rusmeco.example"
    assert (received.to, received.cc, received.bcc, received.reply_to) == (
        ["anna@members.example"],
        ["boris@members.example"],
        ["archive@rusmeco.example"],
        ["coordinator@rusmeco.example"],
    )
    assert received.extra_headers == {
        "List-Unsubscribe": "<https://portal.example/unsubscribe/abc/>"
    }
    assert received.alternatives == [("<p>Текст письма</p>", "text/html")]
    assert received.attachments[:2] == [
        ("logo.bin", picture, "application/octet-stream"),
        ("programme.txt", "Программа", "text/plain"),
    ]
    assert received.attachments[2].get_filename() == "note.txt"
    assert received.attachments[2].get_payload(decode=True).decode() == "Примечание"
    # And the whole message still renders for the wire.
    assert b'Content-Disposition: attachment; filename="logo.bin"' in received.message().as_bytes()


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_sends_nothing(database_queue):
    with pytest.raises(RuntimeError), transaction.atomic():
        mail.send_mail("Не будет", "Текст", None, ["anna@members.example"])
        assert mail_tasks().count() == 1
        raise RuntimeError("the request failed after sending")

    assert mail_tasks().count() == 0
    run_worker()
    assert mail.outbox == []


def failed_sends(caplog):
    return [r for r in caplog.records if "Could not send e-mail" in r.getMessage()]


@pytest.mark.django_db(transaction=True)
def test_a_mail_server_that_is_down_means_retries_with_back_off_then_a_failed_task(
    database_queue, mail_server_down, contact_ru
):
    response = post_contact_message(contact_ru)

    assert response.status_code == 200
    assert "Спасибо" in response.text
    waits = []
    for attempt in range(1, ATTEMPTS):
        [ready] = DBTaskResult.objects.ready().filter(task_path=MAIL_TASK)
        assert ready.args_kwargs["kwargs"].get("attempt", 1) == attempt
        before = timezone.now()
        run_worker()
        after = timezone.now()
        [retry] = mail_tasks().filter(status="READY")
        assert retry.args_kwargs["kwargs"]["attempt"] == attempt + 1
        waits.append((before, retry.run_after, after))
        # Time passes: the retry falls due.
        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()

    for (before, run_after, after), minutes in zip(waits, [1, 5, 25, 125], strict=True):
        assert (
            before + timedelta(minutes=minutes) <= run_after <= after + timedelta(minutes=minutes)
        )
    tasks = list(mail_tasks())
    assert [task.status for task in tasks] == ["SUCCESSFUL"] * (ATTEMPTS - 1) + ["FAILED"]
    assert all(task.return_value["retried_as"] for task in tasks[:-1])
    failed = tasks[-1]
    assert failed.exception_class_path == "builtins.ConnectionRefusedError"
    assert "ConnectionRefusedError" in failed.traceback
    assert len(failed_sends(mail_server_down)) == ATTEMPTS
    assert "office@rusmeco.example" in failed_sends(mail_server_down)[-1].getMessage()
    assert mail.outbox == []

    superuser = StaffFactory(username="admin", is_superuser=True, language="en")
    report = logged_in(superuser).get(reverse("failed_tasks_report"))

    assert report.status_code == 200
    assert "deliver_email" in report.text
    assert "office@rusmeco.example" in report.text
    assert "ConnectionRefusedError" in report.text


def fail_a_task(path, args, *, attempt=None, when):
    """A failed task as the worker leaves it."""
    kwargs = {"attempt": attempt} if attempt else {}
    row = DBTaskResult.objects.create(
        args_kwargs={"args": args, "kwargs": kwargs},
        task_path=path,
        backend_name="default",
        run_after=when,
        worker_ids=["worker"],
    )
    try:
        raise ConnectionRefusedError(111, "Connection refused")
    except ConnectionRefusedError as error:
        row.set_failed(error)
    DBTaskResult.objects.filter(pk=row.pk).update(finished_at=when)
    return row


def fail_tasks(count):
    now = timezone.now()
    for number in range(count):
        fail_a_task(
            MAIL_TASK,
            [{"subject": f"Письмо {number}", "to": [f"member{number}@members.example"]}],
            attempt=ATTEMPTS,
            when=now - timedelta(hours=count - number),
        )


@pytest.mark.django_db
def test_the_report_lists_failed_tasks_newest_first_with_attempts_and_reason(database_queue):
    now = timezone.now()
    fail_a_task(
        "modelsearch.tasks.insert_or_update_object_task",
        ["library", "articlepage", 7],
        when=now - timedelta(days=1),
    )
    fail_a_task(
        MAIL_TASK,
        [{"subject": "Подтверждение", "to": ["anna@members.example"]}],
        attempt=ATTEMPTS,
        when=now,
    )
    DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path=MAIL_TASK,
        backend_name="default",
        run_after=now,
    )
    superuser = StaffFactory(username="admin", is_superuser=True, language="ru")

    response = logged_in(superuser).get(reverse("failed_tasks_report"))

    assert response.status_code == 200
    page = BeautifulSoup(response.text, "html.parser")
    assert "Неудачные фоновые задачи" in page.title.text
    headings = [cell.get_text(strip=True) for cell in page.select("table thead th")]
    assert headings == ["Задача", "Подробности", "Завершилась ошибкой", "Попытки", "Причина"]
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.select("td")]
        for row in page.select("table tbody tr")
    ]
    # The task still waiting is not listed; the newest failure comes first.
    assert [row[:2] for row in rows] == [
        ["deliver_email", "Подтверждение → anna@members.example"],
        ["insert_or_update_object_task", "{'args': ['library', 'articlepage', 7], 'kwargs': {}}"],
    ]
    assert [row[3] for row in rows] == [str(ATTEMPTS), "1"]
    assert all(
        row[4].startswith("ConnectionRefusedError: [Errno 111] Connection refused") for row in rows
    )
    assert "Traceback (most recent call last)" in rows[0][4]


@pytest.mark.django_db
def test_only_superusers_see_the_report(database_queue, staff):
    fail_tasks(1)
    url = reverse("failed_tasks_report")

    editor = logged_in(staff["editor"])
    denied = editor.get(url)
    reports_menu = editor.get(reverse("wagtailadmin_home")).text
    anonymous = Client().get(url)

    assert denied.status_code == 302
    assert denied.url == reverse("wagtailadmin_home")
    assert url not in reports_menu
    assert anonymous.status_code == 302
    assert anonymous.url.startswith(reverse("wagtailadmin_login"))
    assert url in logged_in(staff["admin"]).get(reverse("wagtailadmin_home")).text


@pytest.mark.django_db
def test_the_report_takes_the_same_queries_for_few_and_many_failed_tasks(
    database_queue, django_assert_max_num_queries
):
    client = logged_in(StaffFactory(username="admin", is_superuser=True))
    url = reverse("failed_tasks_report")
    fail_tasks(2)
    client.get(url)  # the session and the user's profile, read once
    with django_assert_max_num_queries(12) as few:
        assert client.get(url).status_code == 200
    fail_tasks(40)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)

    assert response.text.count("deliver_email") == 42


@pytest.mark.django_db
def test_publishing_a_page_queues_the_search_index_update(database_queue, library_ru):
    article = ArticlePageFactory(parent=library_ru, live=False, title="Бережливое производство")
    DBTaskResult.objects.all().delete()

    article.save_revision().publish()

    index_tasks = DBTaskResult.objects.filter(
        task_path="modelsearch.tasks.insert_or_update_object_task"
    )
    assert [task.args_kwargs["args"][2] for task in index_tasks] != []
    assert {str(task.args_kwargs["args"][2]) for task in index_tasks} == {str(article.pk)}
    assert {task.status for task in index_tasks} == {"READY"}
