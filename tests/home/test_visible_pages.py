"""`.visible()` (home/querysets.py): the pages a visitor may see, the same
in every list: live, not behind a view restriction on the page or an
ancestor, not past their expiry date, in the locale asked for."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.demo import child_page
from home.models import StandardPage
from home.querysets import every_page


def section(parent, slug, **fields):
    return child_page(parent, StandardPage, slug, title=slug.capitalize(), **fields)


@pytest.fixture
def pages(home_ru):
    """One page a visitor may see, one that expires tomorrow, and four
    hidden ones, all in the menu."""
    public = section(home_ru, "public", show_in_menus=True)
    later = section(home_ru, "later", show_in_menus=True)
    later.expire_at = timezone.now() + datetime.timedelta(days=1)
    later.save()
    draft = section(home_ru, "draft", show_in_menus=True)
    draft.unpublish()
    private = section(home_ru, "private", show_in_menus=True)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    inside = section(private, "inside", show_in_menus=True)
    expired = section(home_ru, "expired", show_in_menus=True)
    expired.expire_at = timezone.now() - datetime.timedelta(hours=1)
    expired.save()
    return {"visible": [public, later], "hidden": [draft, private, inside, expired]}


def slugs(queryset, pages):
    everything = pages["visible"] + pages["hidden"]
    return sorted(queryset.filter(pk__in=[page.pk for page in everything]).values_list("slug"))


@pytest.mark.django_db
def test_visible_leaves_out_drafts_private_sections_and_expired_pages(pages):
    assert slugs(every_page().visible(), pages) == [("later",), ("public",)]
    assert slugs(StandardPage.objects.live(), pages) == [
        ("expired",),
        ("inside",),
        ("later",),
        ("private",),
        ("public",),
    ]


@pytest.mark.django_db
def test_visible_takes_a_locale_its_id_or_its_language_code(about_ru, about_en, locale_en):
    for locale in (locale_en, locale_en.pk, "en"):
        found = every_page().visible(locale).filter(pk__in=[about_ru.pk, about_en.pk])
        assert list(found.values_list("pk", flat=True)) == [about_en.pk]


@pytest.mark.django_db
def test_visible_costs_no_query_of_its_own(pages, home_ru, django_assert_num_queries):
    PageViewRestriction.objects.create(page=home_ru, restriction_type=PageViewRestriction.LOGIN)

    with django_assert_num_queries(1):
        assert list(every_page().visible().filter(pk=pages["visible"][0].pk)) == []


@pytest.mark.django_db
def test_menu_and_sitemap_show_only_visible_pages(client, pages):
    menu = client.get("/ru/").text
    sitemap = client.get("/sitemap.xml").text

    for page in pages["visible"]:
        assert f'href="{page.url}"' in menu and f"{page.url}</loc>" in sitemap
    for page in pages["hidden"]:
        assert page.url is None or f'href="{page.url}"' not in menu
        assert page.url is None or f"{page.url}</loc>" not in sitemap
