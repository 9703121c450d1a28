"""What the portal's apps tell members through the notification centre:
replies and mentions in library comments, a seat from the waiting list, a
reminder the day before an event, an invitation to a company, a page
waiting for a coordinator's review, and new pages in followed themes and
regions. Each goes to the right member only, never to the one who acted,
never when the member turned it off, and never about what they may not
see."""

import datetime
import email
import email.policy
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_comments_xtd.models import XtdComment
from wagtail.models import PageViewRestriction

from community.mentions import MAX_MENTIONS
from community.models import CompanyMembership
from library.comment_notices import comment_posted
from notifications.followed import notify_followers
from notifications.models import Follow, Notification
from notifications.preferences import set_channel
from portal.links import absolute_url
from rusmeco_events.models import Registration
from rusmeco_events.notices import send_reminders
from rusmeco_events.registration import cancel, register
from tests.factories import (
    CaseStudyPageFactory,
    CommentFactory,
    CompanyFactory,
    EventPageFactory,
    MemberFactory,
    RegistrationFactory,
)
from tests.helpers import EKATERINBURG, comment_form_data, logged_in


def parsed(message):
    """The message as a mail client reads it."""
    return email.message_from_bytes(message.message().as_bytes(), policy=email.policy.default)


def parts(message):
    """(headers, text part, HTML part); a long subject is folded onto a
    line of its own, which mail clients join again without the space."""
    msg = parsed(message)
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    return msg, text, html


def notifications_of(user, event=None):
    found = Notification.objects.filter(recipient=user)
    return list(found.filter(event=event) if event else found)


def post_comment(user, page, text, **kwargs):
    response = logged_in(user).post("/ru/comments/post/", comment_form_data(page, text, **kwargs))
    assert response.status_code == 302
    return XtdComment.objects.filter(user=user).latest("pk")


@pytest.fixture
def case_study(library_ru, regions, topics):
    return CaseStudyPageFactory(
        parent=library_ru, title="Кейс о патентах", topics=[topics["ipr"]], region=regions["moscow"]
    )


# --- replies ------------------------------------------------------------------


@pytest.mark.django_db
def test_a_reply_notifies_the_author_replied_to_by_e_mail_at_once(case_study, anna, boris):
    first = post_comment(anna, case_study, "Есть вопрос")

    reply = post_comment(boris, case_study, "Есть ответ", reply_to=first.pk)

    [notice] = notifications_of(anna)
    assert (notice.event, notice.actor, notice.target) == ("reply", boris, reply)
    assert notifications_of(boris) == []
    [message] = mail.outbox
    assert message.to == ["anna@members.example"]
    msg, text, html = parts(message)
    assert msg["Subject"].strip() == "Борис Орлов ответил(а) вам: «Кейс о патентах»"
    link = f"http://testserver{case_study.url}#c{reply.pk}"
    assert link in text
    assert f'href="{link}"' in html
    unsubscribe = absolute_url("/ru/notifications/unsubscribe/")
    assert msg["List-Unsubscribe"].strip().startswith(f"<{unsubscribe}")
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


@pytest.mark.django_db
def test_replying_to_oneself_notifies_nobody(case_study, anna):
    first = post_comment(anna, case_study, "Вопрос")

    post_comment(anna, case_study, "Уточняю свой вопрос", reply_to=first.pk)

    assert Notification.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_member_who_turned_replies_off_gets_nothing(case_study, anna, boris):
    set_channel(anna, "reply", "off")
    first = post_comment(anna, case_study, "Вопрос", followup=True)

    post_comment(boris, case_study, "Ответ", reply_to=first.pk)

    # Neither the notification nor django-comments-xtd's follow-up e-mail:
    # the author replied to gets no follow-up, whatever their choice.
    assert Notification.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_reply_to_a_hidden_comment_notifies_nobody(case_study, anna, boris):
    hidden = CommentFactory(page=case_study, user=anna, is_public=False)
    reply = CommentFactory(page=case_study, user=boris, parent=hidden)

    comment_posted(reply)

    assert Notification.objects.count() == 0


@pytest.mark.django_db
def test_a_reply_hidden_later_is_no_longer_shown_nor_e_mailed(case_study, anna, boris):
    from notifications.display import describe, for_display

    set_channel(anna, "reply", "weekly")
    first = post_comment(anna, case_study, "Вопрос")
    reply = post_comment(boris, case_study, "Ответ", reply_to=first.pk)
    assert len(describe(for_display(Notification.objects.all()), anna)) == 1

    XtdComment.objects.filter(pk=reply.pk).update(is_public=False)

    assert describe(for_display(Notification.objects.all()), anna) == []


# --- mentions -----------------------------------------------------------------


@pytest.mark.django_db
def test_a_mention_by_display_name_notifies_the_member(case_study, anna, boris):
    comment = post_comment(boris, case_study, "Согласен с @анна соколова, и вот почему.")

    [notice] = notifications_of(anna)
    assert (notice.event, notice.actor, notice.target) == ("mention", boris, comment)
    [message] = mail.outbox
    msg, text, html = parts(message)
    assert msg["Subject"].strip() == "Борис Орлов упомянул(а) вас: «Кейс о патентах»"
    assert f"http://testserver{case_study.url}#c{comment.pk}" in text


@pytest.mark.django_db
def test_unknown_names_and_e_mail_addresses_mention_nobody(case_study, anna, boris):
    post_comment(boris, case_study, "Пишите на anna@members.example или @Незнакомец Иванов")

    assert Notification.objects.count() == 0


@pytest.mark.django_db
def test_a_member_mentioned_in_a_reply_to_them_gets_one_notice(case_study, anna, boris):
    first = post_comment(anna, case_study, "Вопрос")

    post_comment(boris, case_study, "@Анна Соколова, вот ответ", reply_to=first.pk)

    assert [n.event for n in notifications_of(anna)] == ["reply"]
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_comment_mentions_a_bounded_number_of_members(case_study, boris):
    members = [MemberFactory(username=f"member{n}", name=f"Участник{n}") for n in range(15)]
    text = " ".join(f"@Участник{n}" for n in range(15))

    post_comment(boris, case_study, text)

    told = set(Notification.objects.values_list("recipient_id", flat=True))
    assert told == {member.pk for member in members[:MAX_MENTIONS]}


@pytest.mark.django_db
def test_a_private_profile_cannot_be_mentioned(case_study, boris):
    MemberFactory(username="hidden", name="Скрытый Участник", profile__visibility="private")

    post_comment(boris, case_study, "@Скрытый Участник, ответьте")

    assert Notification.objects.count() == 0


# --- a seat from the waiting list -------------------------------------------------


@pytest.fixture
def full_event(calendar_ru, regions):
    return EventPageFactory(parent=calendar_ru, slug="full", title="Семинар", capacity=1)


@pytest.mark.django_db
def test_a_seat_from_the_waiting_list_is_one_notification_and_one_e_mail(
    full_event, anna, boris, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(full_event, anna, "ru")
        register(full_event, boris, "ru")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        cancel(full_event, anna)

    [notice] = Notification.objects.all()
    assert (notice.recipient, notice.event) == (boris, "waitlist_promoted")
    assert notice.target == Registration.objects.get(user=boris)
    [message] = mail.outbox
    msg, text, html = parts(message)
    assert msg["To"] == "boris@members.example"
    assert msg["Subject"].strip() == "Для вас освободилось место: «Семинар»"
    assert "http://testserver/ru/events/full/" in text
    assert 'href="http://testserver/ru/events/full/"' in html
    # What to do if the member cannot come, in both parts.
    assert "отмените её на странице мероприятия" in text
    assert "отмените её на странице мероприятия" in html
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


@pytest.mark.django_db
def test_a_member_who_turned_seats_off_gets_no_e_mail(
    full_event, anna, boris, django_capture_on_commit_callbacks
):
    set_channel(boris, "waitlist_promoted", "off")
    with django_capture_on_commit_callbacks(execute=True):
        register(full_event, anna, "ru")
        register(full_event, boris, "ru")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        cancel(full_event, anna)

    assert Registration.objects.get(user=boris).status == "confirmed"
    assert Notification.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_registration_is_shown_to_its_own_member_only(full_event, anna, boris):
    from notifications.targets import present

    registration = RegistrationFactory(event=full_event, user=boris)

    assert present([registration], boris)
    assert present([registration], anna) == {}


# --- reminders -------------------------------------------------------------------


@pytest.fixture
def tomorrow_in_ekaterinburg(calendar_ru, regions):
    """An Ekaterinburg meeting at 10:00 tomorrow, local time; the clock says
    20:30 in Ekaterinburg (18:30 in Moscow) today."""
    now = datetime.datetime(2030, 5, 9, 20, 30, tzinfo=EKATERINBURG)
    event = EventPageFactory(
        parent=calendar_ru,
        slug="tomorrow",
        title="Завтрашняя встреча",
        region=regions["ekaterinburg"],
        start=datetime.datetime(2030, 5, 10, 10, 0, tzinfo=EKATERINBURG),
    )
    return event, now


@pytest.mark.django_db
def test_confirmed_members_are_reminded_once_the_day_before(tomorrow_in_ekaterinburg, anna, boris):
    event, now = tomorrow_in_ekaterinburg
    RegistrationFactory(event=event, user=anna)
    RegistrationFactory(event=event, user=boris, status=Registration.Status.WAITING)
    later = EventPageFactory(
        parent=event.get_parent(), slug="later", start=now + datetime.timedelta(days=2)
    )
    RegistrationFactory(event=later, user=anna)

    assert send_reminders(now) == 1
    assert send_reminders(now) == 0

    [notice] = Notification.objects.all()
    assert (notice.recipient, notice.event) == (anna, "event_reminder")
    [message] = mail.outbox
    msg, text, html = parts(message)
    assert msg["Subject"].strip() == "Завтра: «Завтрашняя встреча»"
    assert "http://testserver/ru/events/tomorrow/" in text
    assert msg["List-Unsubscribe"]


@pytest.mark.django_db
def test_tomorrow_is_that_of_the_events_own_time_zone(tomorrow_in_ekaterinburg, anna):
    event, now = tomorrow_in_ekaterinburg
    RegistrationFactory(event=event, user=anna)

    # 23:30 in Moscow is already the event's day in Ekaterinburg.
    assert send_reminders(event.start - datetime.timedelta(hours=8, minutes=30)) == 0
    assert send_reminders(now) == 1


@pytest.mark.django_db
def test_the_reminder_command_runs_twice_and_reminds_once(calendar_ru, regions, anna):
    start = timezone.localtime() + datetime.timedelta(days=1)
    event = EventPageFactory(parent=calendar_ru, slug="soon", start=start)
    RegistrationFactory(event=event, user=anna)

    first, second = io.StringIO(), io.StringIO()
    call_command("send_event_reminders", stdout=first)
    call_command("send_event_reminders", stdout=second)

    assert (first.getvalue(), second.getvalue()) == ("1 reminder(s).\n", "0 reminder(s).\n")

    assert len(notifications_of(anna, "event_reminder")) == 1
    assert Registration.objects.get().reminded_at is not None


@pytest.mark.django_db
def test_a_member_who_turned_reminders_off_gets_nothing(tomorrow_in_ekaterinburg, anna):
    event, now = tomorrow_in_ekaterinburg
    set_channel(anna, "event_reminder", "off")
    RegistrationFactory(event=event, user=anna)

    send_reminders(now)

    assert Notification.objects.count() == 0
    assert mail.outbox == []


# --- company invitations ------------------------------------------------------------


@pytest.mark.django_db
def test_an_invitation_is_a_notification_linking_to_the_companies_page(
    people_ru, anna, boris, django_capture_on_commit_callbacks
):
    company = CompanyFactory(name="Ромашка", slug="romashka", manager=anna)

    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in(anna).post(
            "/ru/accounts/companies/romashka/members/",
            {"email": "boris@members.example", "role": "member"},
        )

    assert response.status_code == 302
    membership = CompanyMembership.objects.get(company=company, user=boris)
    [notice] = Notification.objects.all()
    assert (notice.recipient, notice.event, notice.actor) == (boris, "company_invitation", anna)
    assert notice.target == membership
    [message] = mail.outbox
    msg, text, html = parts(message)
    assert msg["To"] == "boris@members.example"
    assert msg["Subject"].strip() == "Анна Соколова приглашает вас в компанию «Ромашка»"
    link = absolute_url("/ru/accounts/companies/")
    assert link in text
    assert f'href="{link}"' in html
    assert "Чтобы принять или отклонить приглашение" in text
    assert msg["List-Unsubscribe"]


@pytest.mark.django_db
def test_an_invitation_is_shown_to_the_invited_member_only(people_ru, anna, boris):
    from notifications.targets import present

    company = CompanyFactory(name="Ромашка", manager=anna)
    invitation = CompanyMembership.objects.create(company=company, user=boris, accepted=False)

    assert present([invitation], boris)
    assert present([invitation], anna) == {}


@pytest.mark.django_db
def test_a_member_who_turned_invitations_off_gets_nothing(
    people_ru, anna, boris, django_capture_on_commit_callbacks
):
    set_channel(boris, "company_invitation", "off")
    company = CompanyFactory(name="Ромашка", slug="romashka", manager=anna)

    with django_capture_on_commit_callbacks(execute=True):
        logged_in(anna).post(
            "/ru/accounts/companies/romashka/members/",
            {"email": "boris@members.example", "role": "member"},
        )

    assert CompanyMembership.objects.get(company=company, user=boris).accepted is False
    assert Notification.objects.count() == 0
    assert mail.outbox == []


# --- reviews ----------------------------------------------------------------------


@pytest.mark.django_db
def test_a_submitted_page_waits_for_its_regions_coordinators(
    client, library_ru, topics, regions, staff
):
    from tests.library.test_workflow import case_study_form, submit

    submit(client, library_ru, staff["editor"], case_study_form(regions["moscow"], topics))

    told = Notification.objects.filter(event="review_waiting")
    assert {n.recipient.username for n in told} == {"moscow-coordinator"}
    moscow = [m for m in mail.outbox if m.to == ["moscow-coordinator@rusmeco.example"]]
    [message] = moscow
    msg, text, html = parts(message)
    assert msg["Subject"].strip() == "«Кейс на проверку» ожидает вашей проверки"
    page_id = told.get().target.workflow_state.object_id
    assert absolute_url(reverse("wagtailadmin_pages:edit", args=[page_id])) in text
    assert msg["List-Unsubscribe"]
    assert not any("editor@rusmeco.example" in m.to for m in mail.outbox)


@pytest.mark.django_db
def test_a_coordinator_who_turned_reviews_off_gets_nothing(
    client, library_ru, topics, regions, staff
):
    from tests.library.test_workflow import case_study_form, submit

    set_channel(staff["moscow"], "review_waiting", "off")
    submit(client, library_ru, staff["editor"], case_study_form(regions["moscow"], topics))

    assert not Notification.objects.filter(event="review_waiting").exists()
    assert not any(m.to == ["moscow-coordinator@rusmeco.example"] for m in mail.outbox)


# --- new pages in followed themes and regions -------------------------------------------


def follow_theme(user, topic):
    Follow.objects.create(user=user, kind="theme", key=str(topic.translation_key))


@pytest.mark.django_db
def test_followers_of_a_theme_and_a_region_hear_of_a_new_item_once(
    library_ru, regions, topics, anna, boris, django_capture_on_commit_callbacks
):
    follow_theme(anna, topics["ipr"])
    Follow.objects.create(user=boris, kind="region", key=str(regions["moscow"].translation_key))
    Follow.objects.create(user=anna, kind="region", key=str(regions["moscow"].translation_key))
    set_channel(boris, "followed_content", "email")

    with django_capture_on_commit_callbacks(execute=True):
        item = CaseStudyPageFactory(
            parent=library_ru, title="Новый кейс", topics=[topics["ipr"]], region=regions["moscow"]
        )

    assert sorted(n.recipient.username for n in Notification.objects.all()) == ["anna", "boris"]
    assert {n.target for n in Notification.objects.all()} == {item}
    # Anna's default is the weekly digest; Boris asked for e-mails at once.
    [message] = mail.outbox
    msg, text, html = parts(message)
    assert msg["To"] == "boris@members.example"
    assert msg["Subject"].strip() == "Новое на портале: «Новый кейс»"
    assert f"http://testserver{item.url}" in text
    assert msg["List-Unsubscribe"]

    # Published again (an edit): nobody is told twice.
    with django_capture_on_commit_callbacks(execute=True):
        item.save_revision().publish()
    assert Notification.objects.count() == 2
    # Nor when the task runs again (a retry).
    notify_followers.call(item.pk)
    assert Notification.objects.count() == 2


@pytest.mark.django_db
def test_a_follower_who_turned_it_off_gets_nothing(
    library_ru, regions, topics, anna, django_capture_on_commit_callbacks
):
    follow_theme(anna, topics["ipr"])
    set_channel(anna, "followed_content", "off")

    with django_capture_on_commit_callbacks(execute=True):
        CaseStudyPageFactory(parent=library_ru, topics=[topics["ipr"]])

    assert Notification.objects.count() == 0


@pytest.mark.django_db
def test_a_draft_is_announced_to_nobody(library_ru, topics, anna):
    follow_theme(anna, topics["ipr"])
    draft = CaseStudyPageFactory(parent=library_ru, topics=[topics["ipr"]], live=False)

    assert notify_followers.call(draft.pk) == 0
    assert Notification.objects.count() == 0


@pytest.mark.django_db
def test_a_page_in_a_restricted_section_is_announced_to_nobody(
    library_ru, topics, anna, django_capture_on_commit_callbacks
):
    follow_theme(anna, topics["ipr"])
    PageViewRestriction.objects.create(page=library_ru, restriction_type=PageViewRestriction.LOGIN)

    with django_capture_on_commit_callbacks(execute=True):
        CaseStudyPageFactory(parent=library_ru, topics=[topics["ipr"]])

    assert Notification.objects.count() == 0


@pytest.mark.django_db
def test_a_new_event_is_announced_to_the_followers_of_its_region(
    calendar_ru, regions, anna, django_capture_on_commit_callbacks
):
    Follow.objects.create(user=anna, kind="region", key=str(regions["moscow"].translation_key))

    with django_capture_on_commit_callbacks(execute=True):
        event = EventPageFactory(parent=calendar_ru, slug="new-meeting")

    [notice] = notifications_of(anna, "followed_content")
    assert notice.target == event


def fan_out_queries(library_ru, topics, count):
    Follow.objects.all().delete()
    for number in range(count):
        follow_theme(MemberFactory(username=f"f{count}-{number}"), topics["ipr"])
    item = CaseStudyPageFactory(parent=library_ru, slug=f"fan-{count}", topics=[topics["ipr"]])
    # Both measured as a fresh worker would run them.
    ContentType.objects.clear_cache()
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        told = notify_followers.call(item.pk)
    assert told == count
    return len(queries)


@pytest.mark.django_db
def test_the_fan_out_takes_as_many_queries_for_50_followers_as_for_5(library_ru, topics):
    few = fan_out_queries(library_ru, topics, 5)

    assert fan_out_queries(library_ru, topics, 50) == few
    assert few <= 13


def presenting_queries(targets, reader):
    from notifications.targets import present

    with CaptureQueriesContext(connection) as queries:
        shown = present(targets, reader)
    assert len(shown) == len(targets)
    return len(queries)


@pytest.mark.django_db
def test_targets_are_presented_in_as_many_queries_for_30_as_for_5(
    library_ru, calendar_ru, regions, anna
):
    counts = []
    for size in (5, 30):
        items = [CaseStudyPageFactory(parent=library_ru) for _ in range(5)]
        comments = [CommentFactory(page=items[n % 5]) for n in range(size)]
        invitations = [
            CompanyMembership.objects.create(company=CompanyFactory(), user=anna, accepted=False)
            for _ in range(size)
        ]
        events = [EventPageFactory(parent=calendar_ru, slug=f"e{size}-{n}") for n in range(size)]
        registrations = [RegistrationFactory(event=event, user=anna) for event in events]
        presenting_queries(comments[:1], anna)  # the site's root paths, cached once
        counts.append(
            (
                presenting_queries(comments, anna),
                presenting_queries(invitations, anna),
                presenting_queries(registrations, anna),
            )
        )

    assert counts[0] == counts[1]
    assert max(counts[0]) <= 3
