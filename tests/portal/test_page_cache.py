"""The page cache for anonymous visitors (portal/page_cache.py): a page read
a second time comes from the cache without a database query; anything the
page shows changes and the next visitor sees the change; members, forms,
restricted pages, previews and messages never go through it; one language
is never served for the other; entries expire; Redis going away only means
pages are rendered again."""

import logging
import time
from types import SimpleNamespace

import pytest
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.cache.backends import locmem
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

from home.models import SiteSettings, StandardPage
from portal import page_cache
from rusmeco_events.models import Registration
from tests.factories import (
    CaseStudyPageFactory,
    CommentFactory,
    EventPageFactory,
    MemberFactory,
    RegistrationFactory,
    translate_with_localize,
)
from tests.helpers import logged_in
from tests.portal.test_redis_down import redis_settings, wait_until_redis_answers
from tests.services import redis_server

ABOUT = "/ru/about/"


def read(client, url, method="get"):
    response = getattr(client, method)(url)
    return response.status_code, response.get(page_cache.HEADER), response.content.decode()


def cached_pages():
    """The pages in the local-memory cache now."""
    return [key for key in locmem._caches[""] if f":{page_cache.KEY_PREFIX}:" in key]


@pytest.fixture
def visitor():
    return Client()


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


@pytest.fixture(autouse=True)
def _site_settings(site):
    """The site's settings exist, as on a running site (the first page
    ever viewed creates them, a change that drops the pages)."""
    SiteSettings.for_site(site)


# --- hits ----------------------------------------------------------------------


@pytest.mark.django_db
def test_a_second_read_is_served_from_the_cache_without_a_query(
    about_ru, visitor, django_assert_num_queries
):
    status, header, first = read(visitor, ABOUT)
    assert (status, header) == (200, "miss")
    assert "О проекте" in first

    with django_assert_num_queries(0):
        status, header, second = read(visitor, ABOUT)

    assert (status, header) == (200, "hit")
    assert second == first
    # Another anonymous visitor gets the same copy.
    assert read(Client(), ABOUT)[1] == "hit"


@pytest.mark.django_db
def test_a_page_from_the_cache_keeps_its_headers(about_ru, visitor):
    rendered = visitor.get(ABOUT)
    served = visitor.get(ABOUT)

    assert served[page_cache.HEADER] == "hit"
    for name in ("Content-Type", "Cache-Control", "Vary", "Content-Security-Policy"):
        assert served[name] == rendered[name]
    assert "public" in served["Cache-Control"]


@pytest.mark.django_db
def test_head_is_served_from_the_cache(about_ru, visitor):
    assert read(visitor, ABOUT, "head")[1] == "miss"
    assert read(visitor, ABOUT)[1] == "hit"
    assert read(visitor, ABOUT, "head")[1] == "hit"


# --- what drops a page ---------------------------------------------------------


def twice(url):
    """Read `url` until it comes from the cache; its text."""
    visitor = Client()
    read(visitor, url)
    status, header, text = read(visitor, url)
    assert (status, header) == (200, "hit"), url
    return text


@pytest.mark.django_db
def test_publishing_a_change_drops_the_page(about_ru, visitor):
    assert "Сообщество практики." in twice(ABOUT)

    about_ru.intro = "Сообщество инноваторов."
    about_ru.title = "О сообществе"
    about_ru.save_revision().publish()

    status, header, text = read(visitor, ABOUT)
    assert (status, header) == (200, "miss")
    assert "Сообщество инноваторов." in text
    assert "О сообществе" in text


@pytest.mark.django_db
def test_unpublishing_drops_the_page(about_ru, visitor):
    twice(ABOUT)
    about_ru.unpublish()

    assert read(visitor, ABOUT)[:2] == (404, "bypass")


@pytest.mark.django_db
def test_moving_drops_the_page(about_ru, library_ru, visitor):
    twice(ABOUT)
    about_ru.move(library_ru, pos="last-child")

    moved = visitor.get(ABOUT)
    assert (moved.status_code, moved["Location"]) == (301, "/ru/library/about/")
    assert read(visitor, "/ru/library/about/")[:2] == (200, "miss")


@pytest.mark.django_db
def test_deleting_drops_the_page(about_ru, visitor):
    twice(ABOUT)
    StandardPage.objects.get(pk=about_ru.pk).delete()

    assert read(visitor, ABOUT)[0] == 404


@pytest.mark.django_db
@pytest.mark.localize
def test_a_new_translation_drops_the_pages_that_link_to_it(about_ru, home_en, visitor):
    assert 'hreflang="en"' not in twice(ABOUT).split("<body")[0]

    translate_with_localize(about_ru, title="About the project")

    status, header, text = read(visitor, ABOUT)
    assert (status, header) == (200, "miss")
    assert 'href="http://localhost/en/about/"' in text or 'href="/en/about/"' in text


@pytest.mark.django_db
def test_renaming_a_theme_drops_the_pages_that_show_it(library_ru, topics, visitor):
    item = CaseStudyPageFactory(parent=library_ru, topics=[topics["ipr"]])
    old_name = topics["ipr"].name
    assert old_name in twice(item.url)

    topics["ipr"].name = "Патенты и лицензии"
    topics["ipr"].save()

    status, header, text = read(visitor, item.url)
    assert header == "miss"
    assert "Патенты и лицензии" in text


@pytest.mark.django_db
def test_a_new_comment_drops_the_page_it_is_on(library_ru, visitor):
    item = CaseStudyPageFactory(parent=library_ru)
    assert "Отличный кейс" not in twice(item.url)

    CommentFactory(page=item, comment="Отличный кейс, спасибо!")

    status, header, text = read(visitor, item.url)
    assert header == "miss"
    assert "Отличный кейс, спасибо!" in text


@pytest.mark.django_db
def test_a_deleted_comment_drops_the_page_it_was_on(library_ru, visitor):
    item = CaseStudyPageFactory(parent=library_ru)
    comment = CommentFactory(page=item, comment="Отличный кейс, спасибо!")
    assert "Отличный кейс, спасибо!" in twice(item.url)

    author = logged_in(comment.user)
    author.post(f"/ru/comments/{comment.pk}/delete/")

    assert "Отличный кейс, спасибо!" not in read(visitor, item.url)[2]


@pytest.mark.django_db
def test_a_registration_drops_the_seats_left(calendar_ru, visitor):
    event = EventPageFactory(parent=calendar_ru, slug="small", capacity=2)
    assert "Осталось 2 места." in twice(event.url)

    RegistrationFactory(event=event)

    assert "Осталось 1 место." in read(visitor, event.url)[2]


@pytest.mark.django_db
def test_seats_freed_by_a_deleted_account_show_at_once(calendar_ru, visitor):
    from rusmeco_events.registration import cancel_all_for_member

    event = EventPageFactory(parent=calendar_ru, slug="small", capacity=2)
    member = MemberFactory()
    RegistrationFactory(event=event, user=member)
    assert "Осталось 1 место." in twice(event.url)

    cancel_all_for_member(member)

    assert Registration.objects.get(user=member).status == "cancelled"
    assert "Осталось 2 места." in read(visitor, event.url)[2]


@pytest.mark.django_db
def test_a_change_committed_while_the_page_rendered_is_never_served(about_ru, visitor, monkeypatch):
    """The page read the old rows; the change commits before it is stored:
    the stored copy carries the generation from before the change."""
    render = page_cache.AnonymousPageCacheMiddleware.__init__

    def changing_meanwhile(self, get_response):
        def get_response_and_change(request):
            response = get_response(request)
            page_cache.changed()
            return response

        render(self, get_response_and_change)

    monkeypatch.setattr(page_cache.AnonymousPageCacheMiddleware, "__init__", changing_meanwhile)
    assert read(visitor, ABOUT)[1] == "miss"
    monkeypatch.undo()

    assert read(Client(), ABOUT)[1] == "miss"


@pytest.mark.django_db
def test_a_members_last_log_in_keeps_the_pages(about_ru, anna, visitor):
    twice(ABOUT)
    Client().force_login(anna)

    assert read(visitor, ABOUT)[1] == "hit"


# --- never cached --------------------------------------------------------------


@pytest.mark.django_db
def test_a_member_is_never_served_the_cached_copy_nor_stores_one(about_ru, anna, visitor):
    member = logged_in(anna)
    assert read(member, ABOUT)[1] == "bypass"
    assert read(member, ABOUT)[1] == "bypass"
    assert cached_pages() == []

    twice(ABOUT)
    status, header, text = read(member, ABOUT)
    assert (status, header) == (200, "bypass")
    assert "Анна Соколова" in text or "/ru/accounts/logout/" in text


@pytest.mark.django_db
def test_a_page_with_a_form_is_never_stored(contact_ru, visitor):
    url = contact_ru.url
    assert read(visitor, url)[1] == "bypass"
    # Now with the token's cookie the first visit set.
    assert "csrftoken" in visitor.cookies
    assert read(visitor, url)[1] == "bypass"
    assert read(Client(), url)[1] == "bypass"
    assert cached_pages() == []


@pytest.mark.django_db
def test_a_visitor_with_a_token_cookie_still_gets_other_pages_from_the_cache(
    contact_ru, about_ru, visitor
):
    visitor.get(contact_ru.url)
    assert "csrftoken" in visitor.cookies

    assert read(visitor, ABOUT)[1] == "miss"
    assert read(visitor, ABOUT)[1] == "hit"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN])
def test_a_restricted_page_is_never_stored(about_ru, visitor, kind):
    twice(ABOUT)  # cached while it was public

    PageViewRestriction.objects.create(page=about_ru, restriction_type=kind, password="secret")

    for reader in (visitor, visitor, Client()):
        status, header, text = read(reader, ABOUT)
        assert header == "bypass"
        assert "Сообщество практики." not in text
        assert status == (200 if kind == PageViewRestriction.PASSWORD else 302)


@pytest.mark.django_db
def test_a_page_seen_with_its_password_is_never_stored(about_ru, visitor):
    restriction = PageViewRestriction.objects.create(
        page=about_ru, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, about_ru.pk])
    assert visitor.post(url, {"password": "secret", "return_url": ABOUT}).status_code == 302

    status, header, text = read(visitor, ABOUT)
    assert (status, header) == (200, "bypass")
    assert "Сообщество практики." in text
    assert cached_pages() == []


@pytest.mark.django_db
def test_a_preview_is_never_stored(about_ru, visitor):
    twice(ABOUT)
    about_ru.title = "Черновик заголовка"

    preview = about_ru.make_preview_request()

    assert "Черновик заголовка" in preview.content.decode()
    assert preview[page_cache.HEADER] == "bypass"
    assert "Черновик заголовка" not in read(visitor, ABOUT)[2]


@pytest.mark.django_db
def test_the_admins_preview_is_never_stored(about_ru, admin_client):
    response = admin_client.get(f"/admin/pages/{about_ru.pk}/edit/preview/")

    assert response.status_code == 200
    assert response[page_cache.HEADER] == "bypass"
    assert cached_pages() == []


@pytest.mark.django_db
def test_a_visitor_with_messages_is_never_served_from_the_cache(about_ru):
    twice(ABOUT)
    visitor = Client()
    visitor.cookies[CookieStorage.cookie_name] = "waiting"

    assert read(visitor, ABOUT)[1] == "bypass"


@pytest.mark.django_db
def test_paths_without_a_language_and_private_paths_are_never_cached(about_ru, anna, visitor):
    assert read(visitor, "/sitemap.xml")[1] == "bypass"
    assert read(visitor, "/sitemap.xml")[1] == "bypass"
    assert read(visitor, "/ru/accounts/login/")[1] == "bypass"
    assert read(visitor, "/ru/accounts/login/")[1] == "bypass"
    assert read(visitor, "/admin/login/")[1] == "bypass"
    assert cached_pages() == []


@pytest.mark.django_db
def test_a_long_query_string_is_never_cached(about_ru, visitor):
    url = ABOUT + "?q=" + "x" * page_cache.MAX_QUERY_STRING

    assert read(visitor, url)[1] == "bypass"
    assert read(visitor, url)[1] == "bypass"


@pytest.mark.django_db
def test_the_query_string_is_part_of_the_page(about_ru, visitor):
    twice(ABOUT)

    assert read(visitor, ABOUT + "?page=2")[1] == "miss"
    assert read(visitor, ABOUT + "?page=2")[1] == "hit"


# --- languages -----------------------------------------------------------------


@pytest.mark.django_db
def test_a_page_of_one_language_is_never_served_for_the_other(about_en, visitor):
    assert "О проекте" in twice(ABOUT)

    status, header, text = read(visitor, "/en/about/")
    assert (status, header) == (200, "miss")
    assert "About the project" in text
    assert "О проекте" not in text.split("<main")[1].split("</main>")[0]
    assert 'lang="en"' in text
    assert read(visitor, "/en/about/")[1] == "hit"
    assert 'lang="ru"' in read(visitor, ABOUT)[2]


# --- expiry and switching off --------------------------------------------------


@pytest.mark.django_db
def test_a_page_expires_after_page_cache_seconds(about_ru, visitor, settings, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 5
    twice(ABOUT)

    later = time.time() + 6
    monkeypatch.setattr(locmem, "time", SimpleNamespace(time=lambda: later))

    assert read(visitor, ABOUT)[1] == "miss"


@pytest.mark.django_db
def test_page_cache_seconds_zero_turns_the_cache_off(about_ru, visitor, settings):
    settings.PAGE_CACHE_SECONDS = 0

    assert read(visitor, ABOUT)[1] == "bypass"
    assert read(visitor, ABOUT)[1] == "bypass"
    assert cached_pages() == []


# --- Redis ---------------------------------------------------------------------


@pytest.mark.django_db
def test_pages_are_cached_in_redis_and_an_outage_only_renders_them_again(
    about_ru, visitor, caplog, django_assert_num_queries
):
    with redis_server() as redis, redis_settings(redis.port):
        assert read(visitor, ABOUT)[1] == "miss"
        with django_assert_num_queries(0):
            assert read(visitor, ABOUT)[:2] == (200, "hit")

        redis.stop()
        with caplog.at_level(logging.WARNING, logger="portal.cache"):
            for _ in range(2):
                status, header, text = read(visitor, ABOUT)
                assert status == 200
                assert header in ("miss", "bypass")
                assert "О проекте" in text
            about_ru.title = "О сообществе"
            about_ru.save_revision().publish()  # while Redis is down
        assert "Cache unreachable" in caplog.text

        redis.start()  # empty again
        wait_until_redis_answers()
        assert "О сообществе" in read(visitor, ABOUT)[2]
        assert read(visitor, ABOUT)[1] == "hit"
        cache.clear()


# --- what is counted per visit goes on being counted ---------------------------

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


@pytest.mark.django_db
def test_reads_and_guests_are_counted_when_the_page_comes_from_the_cache(library_ru, settings):
    from community.presence import guests_online
    from home.reads import pending_reads

    settings.LIBRARY_READS_FLUSH_SECONDS = 0
    item = CaseStudyPageFactory(parent=library_ru)
    headers = []
    for number in range(3):
        visitor = Client(HTTP_USER_AGENT=f"{BROWSER} visitor/{number}")
        headers.append(visitor.get(item.url)[page_cache.HEADER])
        visitor.get(item.url)  # the same visit: counted once

    assert headers == ["miss", "hit", "hit"]
    assert pending_reads([item.pk]) == {item.pk: 3}
    assert guests_online() == 3


@pytest.mark.django_db
def test_topic_views_are_counted_when_the_page_comes_from_the_cache(board_ru, anna):
    from tests.factories import ForumTopicFactory

    topic = ForumTopicFactory(board=board_ru, author=anna)
    url = f"/ru/forums/questions/t/{topic.pk}/"

    assert [read(Client(), url)[1] for _ in range(3)] == ["miss", "hit", "hit"]
    topic.refresh_from_db()
    assert topic.view_count == 3
