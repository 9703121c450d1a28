"""The notification centre as a member sees it: the bell in the header, the
list of notifications (opening one, marking all read), what it never
names, and the query budgets of both."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import PageViewRestriction

from notifications.models import Notification
from notifications.views.centre import PER_PAGE
from tests.factories import ArticlePageFactory, CaseStudyPageFactory, MemberFactory
from tests.helpers import csrf_client, csrf_token, logged_in, queries_on_table, warm_queries

LIST = "/ru/notifications/"
LIST_EN = "/en/notifications/"
READ_ALL = "/ru/notifications/read/"


def open_url(notification):
    return f"/ru/notifications/{notification.pk}/open/"


def note(recipient, target, event="reply", actor=None, **fields):
    return Notification.objects.create(
        recipient=recipient, event=event, target=target, actor=actor, **fields
    )


@pytest.fixture
def item(library_ru):
    return ArticlePageFactory(parent=library_ru, title="Как защитить патент")


def sentences(html):
    """The notifications a list page shows, as (text, unread)."""
    page = BeautifulSoup(html, "html.parser")
    return [
        (
            " ".join(li.select_one(".notification-open").get_text().split()),
            "notification-unread" in (li.get("class") or []),
        )
        for li in page.select(".notification-list li")
    ]


def bell(html):
    return BeautifulSoup(html, "html.parser").select_one(".account-links .bell")


# --- the bell ------------------------------------------------------------------


@pytest.mark.django_db
def test_the_bell_shows_the_members_unread_count_in_both_languages(anna, boris, item, home_en):
    client = logged_in(anna)
    note(anna, item, actor=boris)
    note(anna, item, event="mention", actor=boris)
    note(anna, item, event="like", read_at=timezone.now())
    note(boris, item, actor=anna)  # someone else's

    russian = bell(client.get("/ru/").text)
    english = bell(client.get("/en/").text)

    assert russian["href"] == LIST
    assert russian.select_one(".bell-count").get_text() == "2"
    assert (
        russian.select_one(".visually-hidden").get_text(strip=True)
        == "Уведомления, 2 непрочитанных"
    )
    assert english["href"] == LIST_EN
    assert english.select_one(".visually-hidden").get_text(strip=True) == "Notifications, 2 unread"


@pytest.mark.django_db
def test_the_bell_hides_the_count_when_everything_is_read(anna, item, home_ru):
    note(anna, item, read_at=timezone.now())

    shown = bell(logged_in(anna).get("/ru/").text)

    assert shown.select_one(".bell-count") is None
    assert shown.select_one(".visually-hidden").get_text(strip=True) == "Уведомления"


@pytest.mark.django_db
def test_anonymous_pages_have_no_bell_no_query_for_it_and_stay_cacheable(client, item):
    note(MemberFactory(), item)

    queries = warm_queries(client, "/ru/")
    response = client.get(item.url)

    assert bell(response.text) is None
    assert queries_on_table(queries, "notifications_notification") == []
    assert queries_on_table(warm_queries(client, item.url), "notifications_notification") == []
    assert "public" in response["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize("unread", [0, 3, 30])
def test_the_bell_costs_a_member_one_query_whatever_the_count(anna, item, unread):
    for _ in range(unread):
        note(anna, item)
    client = logged_in(anna)

    for url in ("/ru/", item.url):
        queries = warm_queries(client, url)
        assert len(queries_on_table(queries, "notifications_notification")) == 1, url


# --- the list ------------------------------------------------------------------


@pytest.mark.django_db
def test_the_list_shows_the_members_notifications_newest_first_in_their_language(
    anna, boris, item, home_en
):
    older = note(anna, item, actor=boris)
    Notification.objects.filter(pk=older.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=2)
    )
    note(anna, item, event="accepted_answer", read_at=timezone.now())
    note(boris, item, event="mention", actor=anna)  # someone else's
    client = logged_in(anna)

    russian = client.get(LIST)
    english = client.get(LIST_EN)

    assert russian.status_code == 200
    assert sentences(russian.text) == [
        ("Ваш ответ в теме «Как защитить патент» принят", False),
        ("Борис Орлов ответил(а) вам: «Как защитить патент»", True),
    ]
    assert "Отметить все как прочитанные" in russian.text
    assert sentences(english.text) == [
        ("Your answer on “Как защитить патент” was accepted", False),
        ("Борис Орлов replied to you on “Как защитить патент”", True),
    ]
    assert "Mark all read" in english.text
    assert "private" in russian["Cache-Control"]


@pytest.mark.django_db
def test_opening_the_list_marks_nothing_read(anna, item):
    note(anna, item)

    logged_in(anna).get(LIST)

    assert Notification.objects.get().read_at is None


@pytest.mark.django_db
def test_an_empty_list_says_so_in_both_languages(anna, home_en):
    client = logged_in(anna)

    assert "Уведомлений пока нет" in client.get(LIST).text
    assert "No notifications yet" in client.get(LIST_EN).text
    assert "Mark all read" not in client.get(LIST_EN).text


@pytest.mark.django_db
def test_visitors_are_sent_to_log_in(client, home_ru):
    for url in (LIST, "/ru/notifications/settings/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/ru/accounts/login/")


@pytest.mark.django_db
def test_the_list_is_paginated(anna, item):
    for _ in range(PER_PAGE + 5):
        note(anna, item)
    client = logged_in(anna)

    first = client.get(LIST)
    second = client.get(LIST, {"page": 2})

    assert len(sentences(first.text)) == PER_PAGE
    assert len(sentences(second.text)) == 5
    assert 'rel="next"' in first.text


@pytest.mark.django_db
def test_the_list_never_names_what_the_member_may_not_see(anna, boris, library_ru):
    shown = ArticlePageFactory(parent=library_ru, title="Открытая статья")
    unpublished = ArticlePageFactory(parent=library_ru, title="Снятая статья")
    restricted = ArticlePageFactory(parent=library_ru, title="Закрытая статья")
    note(anna, shown, actor=boris)
    note(anna, unpublished, actor=boris)
    note(anna, restricted, actor=boris)
    unpublished.unpublish()
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
    boris.profile.visibility = "private"
    boris.profile.save()

    response = logged_in(anna).get(LIST)

    assert sentences(response.text) == [
        ("Участник портала ответил(а) вам: «Открытая статья»", True)
    ]
    assert "Снятая" not in response.text and "Закрытая" not in response.text
    assert "Борис" not in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("size", [3, 30])
def test_the_list_keeps_its_query_budget_whatever_the_number(
    anna, library_ru, size, django_assert_max_num_queries
):
    """Mixed targets and actors; the budget is the same for 3 and 30."""
    actors = [MemberFactory(profile__visibility="public") for _ in range(3)]
    for number in range(size):
        factory = CaseStudyPageFactory if number % 2 else ArticlePageFactory
        note(anna, factory(parent=library_ru), actor=actors[number % 3])
    client = logged_in(anna)
    client.get(LIST)

    with django_assert_max_num_queries(16):
        response = client.get(LIST)

    assert len(sentences(response.text)) == min(size, PER_PAGE)


# --- opening one, marking all read ---------------------------------------------


@pytest.mark.django_db
def test_opening_a_notification_marks_it_read_and_goes_to_its_target(anna, item):
    notification = note(anna, item)
    client = csrf_client(anna)
    token = csrf_token(client, LIST)

    response = client.post(open_url(notification), {"csrfmiddlewaretoken": token})

    assert response.status_code == 302
    assert response["Location"] == item.url
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert bell(client.get("/ru/").text).select_one(".bell-count") is None


@pytest.mark.django_db
def test_another_members_notification_is_not_found_and_stays_unread(anna, boris, item):
    theirs = note(boris, item)
    client = csrf_client(anna)
    token = csrf_token(client, LIST)

    response = client.post(open_url(theirs), {"csrfmiddlewaretoken": token})

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


@pytest.mark.django_db
def test_a_notification_about_what_is_no_longer_visible_does_not_open(anna, item):
    notification = note(anna, item)
    item.unpublish()

    response = logged_in(anna).post(open_url(notification))

    assert response.status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


@pytest.mark.django_db
def test_opening_needs_a_post_with_its_csrf_token_and_a_member(client, anna, item):
    notification = note(anna, item)

    assert logged_in(anna).get(open_url(notification)).status_code == 405
    assert csrf_client(anna).post(open_url(notification)).status_code == 403
    refused = client.post(open_url(notification))
    assert refused.status_code == 302 and "/accounts/login/" in refused["Location"]
    notification.refresh_from_db()
    assert notification.read_at is None


@pytest.mark.django_db
def test_mark_all_read_marks_the_members_own_only(anna, boris, item):
    mine = [note(anna, item), note(anna, item, event="mention")]
    theirs = note(boris, item)
    client = csrf_client(anna)
    token = csrf_token(client, LIST)

    response = client.post(READ_ALL, {"csrfmiddlewaretoken": token}, follow=True)

    assert response.redirect_chain == [(LIST, 302)]
    assert "Все уведомления отмечены как прочитанные" in response.text
    assert not Notification.objects.filter(pk__in=[n.pk for n in mine], read_at=None).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


@pytest.mark.django_db
def test_mark_all_read_needs_its_csrf_token_a_post_and_a_member(client, anna, item):
    note(anna, item)

    assert csrf_client(anna).post(READ_ALL).status_code == 403
    assert logged_in(anna).get(READ_ALL).status_code == 405
    assert client.post(READ_ALL).status_code == 302
    assert Notification.objects.get().read_at is None
