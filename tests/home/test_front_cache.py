"""What a change of a page purges from the front cache (home/front_cache.py):
the page in both languages and the pages that list it, and nothing when no
front cache is configured. The purges are recorded by a backend of the test
instead of being sent (tests/portal/test_front_cache.py sends them to a real
Varnish)."""

import pytest
from django_tasks_db.models import DBTaskResult
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.models import Locale

from community.models import RegionIndexPage, RegionPage
from home.demo import child_page
from tests.factories import CaseStudyPageFactory

PURGED = []
PURGE_TASK = "wagtail.contrib.frontend_cache.tasks.purge_urls_from_cache_task"


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url.removeprefix("http://localhost"))


@pytest.fixture
def purged(settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {"recording": {"BACKEND": f"{__name__}.RecordingBackend"}}
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    PURGED.clear()
    yield PURGED
    PURGED.clear()


@pytest.fixture
def moscow_pages(home_ru, home_en, regions, translator):
    index = child_page(home_ru, RegionIndexPage, "regions", title="Регионы")
    moscow = child_page(index, RegionPage, "moscow", title="Москва", region=regions["moscow"])
    moscow_en = translator(moscow, title="Moscow")
    return moscow, moscow_en


@pytest.fixture
def case_study(library_ru, library_en, moscow_pages, regions, translator):
    study = CaseStudyPageFactory(parent=library_ru, slug="study", region=regions["moscow"])
    translator(study, title="A study")
    return study


def publish(page, title, capture):
    page.title = title
    with capture(execute=True):
        page.save_revision().publish()


@pytest.mark.django_db
def test_a_publish_purges_both_languages_their_lists_and_the_region_pages(
    case_study, purged, django_capture_on_commit_callbacks
):
    publish(case_study, "Новое название", django_capture_on_commit_callbacks)

    assert set(purged) == {
        "/ru/library/study/",
        "/en/library/study/",
        "/ru/library/",
        "/en/library/",
        "/ru/",
        "/en/",
        "/ru/regions/moscow/",
        "/en/regions/moscow/",
    }


@pytest.mark.django_db
def test_unpublishing_and_deleting_purge_the_page_and_its_lists(
    case_study, purged, django_capture_on_commit_callbacks
):
    english = case_study.get_translation(Locale.objects.get(language_code="en"))
    with django_capture_on_commit_callbacks(execute=True):
        english.unpublish()
    unpublished = set(purged)
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        case_study.delete()

    assert {"/en/library/study/", "/ru/library/study/", "/en/library/"} <= unpublished
    assert {"/ru/library/study/", "/ru/library/", "/ru/regions/moscow/"} <= set(purged)


@pytest.mark.django_db
def test_a_move_purges_the_old_address_and_the_old_list(
    case_study, home_ru, purged, django_capture_on_commit_callbacks
):
    from library.models import LibraryIndexPage

    archive = child_page(home_ru, LibraryIndexPage, "archive", title="Архив")
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        case_study.move(archive, pos="last-child")

    assert {"/ru/library/study/", "/ru/archive/study/", "/ru/library/", "/ru/archive/"} <= set(
        purged
    )


@pytest.mark.django_db
def test_a_publish_queues_a_purge_only_when_a_front_cache_is_configured(
    case_study, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    purges = DBTaskResult.objects.filter(task_path=PURGE_TASK)

    publish(case_study, "Без кэша", django_capture_on_commit_callbacks)
    without = purges.count()
    settings.WAGTAILFRONTENDCACHE = {"recording": {"BACKEND": f"{__name__}.RecordingBackend"}}
    publish(case_study, "С кэшем", django_capture_on_commit_callbacks)

    assert without == 0
    assert purges.count() == 1
