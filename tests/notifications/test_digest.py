"""The weekly and daily digest e-mails (`manage.py send_digests`): what a
member is told, in their language, with working links; nothing they may
not see; one e-mail per member and period; and a cost in queries that
does not grow with the members."""

import datetime
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from home.terms import terms_of_language
from notifications.models import DigestSent, Follow, Notification
from notifications.notify import notify
from notifications.preferences import set_channel, set_language
from notifications.tasks import send_digests_task
from tests.factories import (
    ArticlePageFactory,
    CommentFactory,
    EventPageFactory,
    MemberFactory,
    translate,
)
from tests.helpers import EKATERINBURG, csrf_client, in_days

pytestmark = pytest.mark.django_db


def next_week():
    """A day of next week, whose digest covers the week that contains
    today: worked out when a test runs (not when the module is imported),
    so that a run that passes midnight in Moscow still means this week."""
    return (timezone.localdate() + datetime.timedelta(days=7)).isoformat()


def run(*args):
    """Run the weekly digest of this week; (stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    call_command("send_digests", "--today", next_week(), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def article(library, title, *, topics=(), region=None, **fields):
    page = ArticlePageFactory(parent=library, title=title, region=region, **fields)
    if topics:
        page.topics.set(topics)
        revision = page.save_revision()
        if page.live:
            revision.publish()
    return page


def follow(member, kind, thing):
    key = str(thing.pk) if kind == "member" else str(thing.translation_key)
    Follow.objects.create(user=member, kind=kind, key=key)


def mail_to(member):
    found = [message for message in mail.outbox if message.to == [member.email]]
    assert len(found) <= 1
    return found[0] if found else None


def html_of(message):
    return next(content for content, kind in message.alternatives if kind == "text/html")


@pytest.fixture
def world(library_ru, library_en, calendar_ru, regions, topics):
    """A bilingual library with a new article on intellectual property in
    St Petersburg (translated), and one on quality management in Moscow."""
    ipr = article(
        library_ru, "Патенты для стартапов", topics=[topics["ipr"]], region=regions["st-petersburg"]
    )
    translate(ipr, title="Patents for start-ups")
    quality = article(
        library_ru,
        "Качество в Москве",
        topics=[topics["quality-management"]],
        region=regions["moscow"],
    )
    return {"ipr": ipr, "quality": quality, "regions": regions, "topics": topics}


def test_a_member_gets_what_is_new_in_a_theme_they_follow_in_their_language(world):
    english = MemberFactory(username="emma")
    set_language(english, "en")
    russian = MemberFactory(username="ivan")
    for member in (english, russian):
        follow(member, "theme", world["topics"]["ipr"])

    run()

    message = mail_to(english)
    assert message.subject == "Your weekly RUSMECO digest"
    assert "New in what you follow (Intellectual property rights)" in message.body
    assert "Patents for start-ups" in message.body
    english_page = world["ipr"].get_translation(Locale.objects.get(language_code="en"))
    # Every link in e-mails is on the portal's public address.
    english_url = f"http://testserver{english_page.url}"
    assert "/en/library/" in english_url
    assert english_url in message.body
    assert "Качество в Москве" not in message.body
    html = html_of(message)
    assert f'<a href="{english_url}">Patents for start-ups</a>' in html
    message = mail_to(russian)
    assert message.subject == "Ваш еженедельный дайджест RUSMECO"
    assert "Патенты для стартапов" in message.body
    assert f"http://testserver{world['ipr'].url}" in message.body
    assert "/ru/library/" in world["ipr"].url
    assert "Патенты для стартапов</a>" in html_of(message)


def test_a_member_gets_what_is_new_in_a_region_they_follow(world):
    member = MemberFactory()
    follow(member, "region", world["regions"]["moscow"])

    run()

    body = mail_to(member).body
    assert "Качество в Москве" in body
    assert "Патенты для стартапов" not in body
    assert "Москва" in body


def test_a_member_who_follows_nothing_gets_their_regions_news(world):
    member = MemberFactory(profile__region=world["regions"]["st-petersburg"])
    nowhere = MemberFactory()

    run()

    body = mail_to(member).body
    assert "Новое в вашем регионе, Санкт-Петербург" in body
    assert "Патенты для стартапов" in body
    assert "Качество в Москве" not in body
    assert mail_to(nowhere) is None


def test_a_member_who_turned_the_digest_off_gets_none(world):
    member = MemberFactory()
    follow(member, "theme", world["topics"]["ipr"])
    set_channel(member, "digest", "off")

    run()

    assert mail.outbox == []
    assert not DigestSent.objects.exists()


def test_members_without_a_confirmed_address_or_inactive_get_none(world):
    unconfirmed = MemberFactory(address=None)
    gone = MemberFactory(is_active=False)
    for member in (unconfirmed, gone):
        follow(member, "theme", world["topics"]["ipr"])

    run()

    assert mail.outbox == []


def test_the_digest_has_unsubscribe_headers_and_its_link_turns_the_digest_off(world):
    member = MemberFactory()
    set_language(member, "en")
    follow(member, "theme", world["topics"]["ipr"])

    run()

    message = mail_to(member)
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = re.fullmatch(
        r"<(http://testserver(/en/notifications/unsubscribe/[^>]+/))>",
        message.extra_headers["List-Unsubscribe"],
    )
    assert link.group(1) in message.body
    assert link.group(1) in html_of(message)
    response = csrf_client().post(
        link.group(2),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert "The weekly digest of my region and what I follow" in response.text
    mail.outbox.clear()
    DigestSent.objects.all().delete()

    run()

    assert mail.outbox == []


def test_nothing_a_member_may_not_see_is_in_the_digest(world, library_ru):
    topic = world["topics"]["ipr"]
    article(library_ru, "Черновик", topics=[topic], live=False)
    restricted = article(library_ru, "Только для своих", topics=[topic])
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    unpublished = article(library_ru, "Снятый с публикации", topics=[topic])
    unpublished.unpublish()
    expired = article(library_ru, "Устаревший", topics=[topic])
    expired.expire_at = timezone.now() - datetime.timedelta(hours=1)
    expired.save()
    member = MemberFactory()
    follow(member, "theme", topic)
    hidden_author = MemberFactory(name="Тайный Автор", profile__visibility="private")
    about_gone = article(library_ru, "Обсуждение, которого нет")
    notify(member, "watched_post", target=about_gone, actor=hidden_author)
    about_gone.unpublish()
    comment = CommentFactory(page=world["ipr"], user=hidden_author, comment="Секрет")
    notify(member, "watched_post", target=comment, actor=hidden_author)
    comment.is_public = False
    comment.save()
    notify(member, "watched_post", target=world["ipr"], actor=hidden_author)

    run()

    body = mail_to(member).body
    html = html_of(mail_to(member))
    assert "Патенты для стартапов" in body
    for leak in (
        "Черновик",
        "Только для своих",
        "Снятый с публикации",
        "Устаревший",
        "Обсуждение, которого нет",
        "Секрет",
        "Тайный Автор",
    ):
        assert leak not in body
        assert leak not in html
    assert "Участник портала написал(а) в «Патенты для стартапов»" in body


def test_the_most_commented_items_are_listed_without_hidden_comments(world):
    member = MemberFactory()
    follow(member, "theme", world["topics"]["ipr"])
    set_language(member, "en")
    CommentFactory(page=world["ipr"])
    CommentFactory(page=world["ipr"])
    CommentFactory(page=world["quality"], is_public=False)

    run()

    body = mail_to(member).body
    section = body.split("Most discussed this week")[1]
    assert "Patents for start-ups (2 comments)" in section
    assert "Качество в Москве" not in section


def test_upcoming_events_of_the_members_region(world, calendar_ru):
    EventPageFactory(parent=calendar_ru, title="Встреча в Москве", start=in_days(3))
    EventPageFactory(parent=calendar_ru, title="Встреча через месяц", start=in_days(30))
    member = MemberFactory(profile__region=world["regions"]["moscow"])
    EventPageFactory(
        parent=calendar_ru,
        title="Встреча в Екатеринбурге",
        start=in_days(4, hour=10, zone=EKATERINBURG),
        region=world["regions"]["ekaterinburg"],
    )
    in_ekaterinburg = MemberFactory(profile__region=world["regions"]["ekaterinburg"])

    run()

    coming_up = mail_to(member).body.split("Ближайшие события в вашем регионе")[1]
    assert re.search(r"- \d+ \w+, 18:00: Встреча в Москве", coming_up)
    assert "Встреча через месяц" not in coming_up
    assert "Екатеринбург" not in coming_up
    # In the event's own time zone, as its page shows it.
    coming_up = mail_to(in_ekaterinburg).body.split("Ближайшие события в вашем регионе")[1]
    assert re.search(r"- \d+ \w+, 10:00: Встреча в Екатеринбурге", coming_up)
    assert "Москве" not in coming_up


def test_running_twice_sends_one_email_per_member(world):
    member = MemberFactory()
    follow(member, "theme", world["topics"]["ipr"])
    notification = notify(member, "followed_content", target=world["ipr"])

    run()
    run()

    assert len(mail.outbox) == 1
    assert DigestSent.objects.filter(user=member, period="weekly").count() == 1
    notification.refresh_from_db()
    assert notification.emailed_at is not None


def test_a_dry_run_prints_the_digests_and_sends_and_records_nothing(world):
    member = MemberFactory(email="ivan@members.example")
    follow(member, "theme", world["topics"]["ipr"])
    notification = notify(member, "followed_content", target=world["ipr"])

    out, err = run("--dry-run")

    assert "To: ivan@members.example" in out
    assert "Subject: Ваш еженедельный дайджест RUSMECO" in out
    assert "Патенты для стартапов" in out
    assert "members 1/1" in err
    assert mail.outbox == []
    assert not DigestSent.objects.exists()
    notification.refresh_from_db()
    assert notification.emailed_at is None


def test_members_are_taken_in_batches_with_progress_on_stderr(world):
    members = [MemberFactory() for _ in range(5)]
    for member in members:
        follow(member, "theme", world["topics"]["ipr"])

    out, err = run("--batch-size", "2")

    assert sorted(message.to[0] for message in mail.outbox) == sorted(m.email for m in members)
    assert re.findall(r"members \d+/\d+", err) == ["members 2/5", "members 4/5", "members 5/5"]
    assert "5 weekly digests sent to 5 members." in err
    assert out == ""


def test_the_daily_digest_gathers_the_days_likes(world):
    member = MemberFactory()
    set_language(member, "en")
    liker = MemberFactory()
    notify(member, "like", target=world["ipr"], actor=liker)
    notify(member, "like", target=world["ipr"], actor=MemberFactory())
    notify(member, "followed_content", target=world["quality"])
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()

    call_command(
        "send_digests",
        "--period",
        "daily",
        "--today",
        tomorrow,
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )

    message = mail_to(member)
    assert message.subject == "Your daily RUSMECO digest"
    assert "What you wrote on “Patents for start-ups” was liked (2)" in message.body
    assert "Качество в Москве" not in message.body
    assert "/en/notifications/unsubscribe/" in message.extra_headers["List-Unsubscribe"]
    assert Notification.objects.get(event="like").emailed_at is not None
    assert Notification.objects.get(event="followed_content").emailed_at is None


def test_the_task_sends_the_digests(world):
    member = MemberFactory()
    follow(member, "theme", world["topics"]["ipr"])

    send_digests_task.enqueue("weekly")
    # Last week's digest: this week's article is not in it.
    assert mail.outbox == []

    send_digests_task.enqueue("weekly", next_week())
    send_digests_task.enqueue("weekly", next_week())
    assert len(mail.outbox) == 1
    assert "Патенты для стартапов" in mail_to(member).body


def members_with_content(world, count):
    for number in range(count):
        member = MemberFactory(profile__region=world["regions"]["moscow"])
        set_language(member, "en" if number % 2 else "ru")
        follow(member, "theme", world["topics"]["ipr"])
        follow(member, "region", world["regions"]["moscow"])
        notify(member, "followed_content", target=world["ipr"])
        notify(member, "like", target=world["quality"], actor=MemberFactory())


def queries_to_send():
    mail.outbox.clear()
    DigestSent.objects.all().delete()
    with CaptureQueriesContext(connection) as queries:
        run()
    return len(queries), len(mail.outbox)


def test_the_queries_do_not_grow_with_the_members(world):
    terms_of_language("ru")  # cached for both runs alike
    members_with_content(world, 5)
    few = queries_to_send()
    members_with_content(world, 20)
    many = queries_to_send()

    assert few[1] == 5
    assert many == (few[0], 25)
