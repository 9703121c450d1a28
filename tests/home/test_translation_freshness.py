"""A translated page whose original was published after the translation was
last synced tells its readers so, in its own language, with the date and a
link to the original (home/freshness.py); once a coordinator syncs and
publishes the translation the notice is gone (a sync left unpublished is
not enough: readers still see the old translation). Originals and untranslated
pages never show it, and it costs a page no query once the cache is warm."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from home.demo import child_page
from home.models import SiteSettings, StandardPage
from portal import page_cache
from tests.factories import CaseStudyPageFactory, translate_with_localize

pytestmark = pytest.mark.localize

NOTICE = 'class="message message-warning translation-notice"'
MOSCOW = datetime.timezone(datetime.timedelta(hours=3))


def publish_change(page, capture, when=None, **fields):
    """Publish a change of `page` (committed, as an editor's is); `when`
    sets the publication time the readers see (and the last sync a day
    before it)."""
    for name, value in fields.items():
        setattr(page, name, value)
    with capture(execute=True):
        page.save_revision().publish()
    if when is not None:
        Page.objects.filter(pk=page.pk).update(last_published_at=when)
        TranslationSource.objects.filter(object_id=page.translation_key).update(
            last_updated_at=when - datetime.timedelta(days=1)
        )


def sync_and_publish(client, admin, page, capture, publish=True):
    """What a coordinator does: "Sync translated pages", publishing them
    (or, with `publish=False`, leaving "publish" unticked: only the source
    is refreshed, the live translations stay as they were)."""
    source = TranslationSource.objects.get_for_instance(page)
    client.force_login(admin)
    with capture(execute=True):
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"} if publish else {},
        )
    assert response.status_code == 302
    client.logout()


@pytest.mark.django_db
def test_an_out_of_date_english_translation_says_so_until_it_is_synced(
    client, about_ru, about_en, staff, django_capture_on_commit_callbacks
):
    assert NOTICE not in client.get("/en/about/").text  # in step with its original

    publish_change(
        about_ru,
        django_capture_on_commit_callbacks,
        when=datetime.datetime(2026, 3, 12, 10, 0, tzinfo=MOSCOW),
        intro="Новый текст о проекте.",
    )
    english = client.get("/en/about/").text

    assert (
        '<a href="/ru/about/" hreflang="ru">The Russian original</a> was updated on '
        "12 March 2026; this translation may be out of date."
    ) in english
    # The original itself says nothing of the kind.
    assert NOTICE not in client.get("/ru/about/").text

    sync_and_publish(client, staff["admin"], about_ru, django_capture_on_commit_callbacks)

    english = client.get("/en/about/").text
    assert "Новый текст о проекте." in english  # the synced text came through
    assert NOTICE not in english


@pytest.mark.django_db
def test_a_sync_left_unpublished_keeps_the_notice_until_the_translation_is_published(
    client, about_ru, about_en, staff, django_capture_on_commit_callbacks
):
    publish_change(about_ru, django_capture_on_commit_callbacks, intro="Новый текст о проекте.")
    assert NOTICE in client.get("/en/about/").text  # cached with the page's versions

    sync_and_publish(
        client, staff["admin"], about_ru, django_capture_on_commit_callbacks, publish=False
    )

    # Readers still see the old translation, and are told so.
    english = client.get("/en/about/").text
    assert "Новый текст о проекте." not in english
    assert "The Russian original</a> was updated on" in english

    # The coordinator publishes it from the translation editor.
    client.force_login(staff["admin"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[about_en.pk]), {"action": "publish"}
        )
    assert response.status_code == 302
    client.logout()

    english = client.get("/en/about/").text
    assert "Новый текст о проекте." in english
    assert NOTICE not in english


@pytest.mark.django_db
def test_a_russian_translation_of_an_english_original_says_so_in_russian(
    client, home_ru, home_en, django_capture_on_commit_callbacks
):
    guide = child_page(home_en, StandardPage, "guide", title="Guide", intro="For members.")
    russian = translate_with_localize(guide, "ru", title="Путеводитель")

    publish_change(
        guide,
        django_capture_on_commit_callbacks,
        when=datetime.datetime(2026, 3, 12, 23, 30, tzinfo=datetime.UTC),  # 13 March in Moscow
        intro="For members and guests.",
    )
    text = client.get(russian.url).text

    assert (
        '<a href="/en/guide/" hreflang="en">Английский оригинал</a> обновлён '
        "13 марта 2026 г.; перевод может быть устаревшим."
    ) in text
    assert NOTICE not in client.get("/en/guide/").text


@pytest.mark.django_db
def test_untranslated_pages_and_drafts_of_the_original_show_no_notice(
    client, about_ru, about_en, library_ru, django_capture_on_commit_callbacks
):
    item = CaseStudyPageFactory(parent=library_ru, slug="only-russian")
    assert client.get(item.url).status_code == 200
    assert NOTICE not in client.get(item.url).text

    # A draft of the original is not what readers of the original see.
    about_ru.intro = "Черновик."
    about_ru.save_revision()
    assert NOTICE not in client.get("/en/about/").text


@pytest.mark.django_db
def test_a_cached_translation_shows_the_notice_as_soon_as_its_original_is_published(
    settings, client, site, about_ru, about_en, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 60
    SiteSettings.for_site(site)
    client.get("/en/about/")
    assert client.get("/en/about/").headers[page_cache.HEADER] == "hit"

    publish_change(about_ru, django_capture_on_commit_callbacks, intro="Новое.")

    response = client.get("/en/about/")
    assert response.headers[page_cache.HEADER] == "miss"
    assert "The Russian original</a> was updated on" in response.text


@pytest.mark.django_db
def test_the_notice_costs_a_cold_page_no_query_of_its_own_and_a_warm_one_none(
    client, site, about_ru, about_en, django_capture_on_commit_callbacks
):
    SiteSettings.for_site(site)  # as on a running site: made by the first page ever viewed
    publish_change(about_ru, django_capture_on_commit_callbacks, intro="Новое.")

    def sources_read():
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/en/about/")
        assert NOTICE in response.text
        return [q["sql"] for q in captured if "wagtail_localize_translationsource" in q["sql"]]

    # Read with the language versions, in the language switcher's query.
    cold = sources_read()
    assert len(cold) == 1 and "wagtailcore_page" in cold[0]
    assert sources_read() == []
