"""The regions' demo content: the regions page and a page per regional
centre in Russian, two of them and part of the news also in English, one
English translation out of date, one news item waiting for review; loading
it again changes nothing."""

import io

from django.core.management import call_command
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import TranslationSource

from community.models import NewsPage, RegionIndexPage, RegionPage


def load():
    call_command("load_demo_content", stdout=io.StringIO())


def test_demo_regions_and_news(demo, client):

    centres = RegionPage.objects.live().filter(locale__language_code="ru")
    assert {page.region.slug for page in centres} == {"moscow", "st-petersburg", "ekaterinburg"}
    assert all(page.centre_email.endswith(".example") for page in centres)
    english = RegionPage.objects.live().filter(locale__language_code="en")
    assert 0 < english.count() < centres.count()
    assert RegionIndexPage.objects.get(locale__language_code="ru").show_in_menus

    news_ru = NewsPage.objects.live().filter(locale__language_code="ru")
    news_en = NewsPage.objects.live().filter(locale__language_code="en")
    assert {page.region.slug for page in news_ru} == {"moscow", "st-petersburg", "ekaterinburg"}
    assert 0 < news_en.count() < news_ru.count()

    # One English translation is out of date: its Russian source was
    # published after the translation was made.
    outdated = [
        page
        for page in news_ru
        if (source := TranslationSource.objects.get_for_instance_or_none(page)) is not None
        and page.last_published_at > source.last_updated_at
    ]
    assert [page.slug for page in outdated] == ["kick-off-spb"]

    # One news item waits for the Ekaterinburg coordinators' review.
    waiting = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)
    assert [state.content_object.slug for state in waiting] == ["ural-innovation-award"]
    assert not waiting.get().content_object.live

    for url in ["/ru/regions/", "/en/regions/", "/ru/regions/moscow/", "/en/regions/moscow/"]:
        assert client.get(url).status_code == 200, url


def test_loading_the_regions_again_changes_nothing(demo):
    pages, states = Page.objects.count(), WorkflowState.objects.count()

    load()

    assert (Page.objects.count(), WorkflowState.objects.count()) == (pages, states)
