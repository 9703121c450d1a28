"""The library's demo content: at least twelve items across the eight
themes and the three regions, some translated and some Russian only, with
comments and replies; loading it again changes nothing."""

import io

from django.core.management import call_command
from django_comments_xtd.models import XtdComment

from library.models import LibraryIndexPage, LibraryItemPage, ReadCount


def test_demo_library(demo, client):
    covers_every_theme_and_region()
    is_bilingual_in_part()
    has_threads_and_read_counts()
    is_served(client)


def covers_every_theme_and_region():
    items = LibraryItemPage.objects.live().filter(locale__language_code="ru")
    themes = set(items.values_list("topics__slug", flat=True))
    regions = set(items.exclude(region=None).values_list("region__slug", flat=True))

    assert items.count() >= 12
    assert len(themes) == 8
    assert regions == {"moscow", "st-petersburg", "ekaterinburg"}
    assert set(items.values_list("item_type", flat=True)) == {
        "case_study",
        "article",
        "expert_advice",
        "report",
    }


def is_bilingual_in_part():
    english = LibraryItemPage.objects.live().filter(locale__language_code="en")
    russian = LibraryItemPage.objects.live().filter(locale__language_code="ru")

    assert 0 < english.count() < russian.count()
    library = LibraryIndexPage.objects.get(locale__language_code="ru")
    assert library.show_in_menus and library.get_parent().depth == 2
    assert library.get_translation_or_none(english.first().locale) is not None


def has_threads_and_read_counts():
    replies = XtdComment.objects.exclude(level=0)

    assert XtdComment.objects.filter(level=0).count() >= 4
    assert replies.filter(level=2).exists()
    assert all(c.user_email.endswith(".example") for c in XtdComment.objects.all())
    assert ReadCount.objects.filter(total__gt=0).count() >= 12


def test_loading_again_changes_nothing(demo):
    def snapshot():
        return (
            sorted(LibraryItemPage.objects.values_list("id", "title", "live")),
            XtdComment.objects.count(),
            sorted(ReadCount.objects.values_list("page_id", "total")),
        )

    first = snapshot()
    call_command("load_demo_content", stdout=io.StringIO())
    assert snapshot() == first


def is_served(client):
    russian = client.get("/ru/library/").text
    english = client.get("/en/library/").text
    case = client.get("/ru/library/zelenograd-patent/").text

    assert "Программы поддержки инноваций: путеводитель для малых компаний" in russian
    assert "Как малая компания из Зеленограда" in client.get("/ru/library/?page=2").text
    assert "How a small Zelenograd company protected its invention" in english
    assert "Пять вопросов патентному поверенному" not in english
    assert "Около двух месячных зарплат инженера" in case
    assert 'href="/ru/library/"' in client.get("/ru/").text
