"""`/sitemap.xml` lists the live, public pages of both languages, each with
hreflang links to its live translations and x-default at the Russian page."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction
from wagtail_localize.models import TranslationSource

from home.demo import child_page
from home.models import StandardPage
from tests.factories import translate

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def fetch_sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return response


def read_sitemap(client):
    """{location: {hreflang: href}} for every <url> of the sitemap."""
    root = ET.fromstring(fetch_sitemap(client).content)  # noqa: S314 (our own output)
    sitemap = {}
    for url in root.findall("sm:url", NS):
        location = url.findtext("sm:loc", namespaces=NS)
        links = url.findall("xhtml:link[@rel='alternate']", NS)
        assert location not in sitemap, f"{location} is listed twice"
        sitemap[location] = {link.get("hreflang"): link.get("href") for link in links}
        assert len(sitemap[location]) == len(links), f"{location} repeats an hreflang"
    return sitemap


def standard_page(parent, slug, title):
    return child_page(parent, StandardPage, slug, title=title, intro="Вступление.")


@pytest.mark.django_db
def test_pages_of_both_languages_link_to_each_other(
    client, home_ru, home_en, about_ru, about_en, contact_ru, contact_en
):
    sitemap = read_sitemap(client)

    assert set(sitemap) == {
        page.get_full_url()
        for page in (home_ru, home_en, about_ru, about_en, contact_ru, contact_en)
    }
    about_links = {
        "ru": about_ru.get_full_url(),
        "en": about_en.get_full_url(),
        "x-default": about_ru.get_full_url(),
    }
    assert about_links["ru"].endswith("/ru/about/")
    assert about_links["en"].endswith("/en/about/")
    # Both language versions carry the same set of links, themselves included.
    assert sitemap[about_ru.get_full_url()] == about_links
    assert sitemap[about_en.get_full_url()] == about_links
    assert sitemap[home_en.get_full_url()] == {
        "ru": home_ru.get_full_url(),
        "en": home_en.get_full_url(),
        "x-default": home_ru.get_full_url(),
    }


@pytest.mark.django_db
def test_a_page_not_yet_translated_links_only_to_itself(client, home_en, about_ru):
    sitemap = read_sitemap(client)

    assert sitemap[about_ru.get_full_url()] == {
        "ru": about_ru.get_full_url(),
        "x-default": about_ru.get_full_url(),
    }


@pytest.mark.django_db
def test_drafts_are_left_out(client, home_ru, about_ru):
    draft = StandardPage(title="Черновик", slug="draft", intro="Ещё не готово.", live=False)
    home_ru.add_child(instance=draft)
    draft.save_revision()

    sitemap = read_sitemap(client)

    assert draft.get_full_url() not in sitemap
    assert about_ru.get_full_url() in sitemap


@pytest.mark.django_db
def test_a_translation_not_yet_published_is_neither_listed_nor_linked(
    client, home_en, about_ru, locale_en
):
    # As after "Translate this page" in the admin: an English draft.
    source, _ = TranslationSource.get_or_create_from_instance(about_ru)
    draft, _ = source.create_or_update_translation(locale_en, publish=False, fallback=True)
    assert not draft.live

    sitemap = read_sitemap(client)

    assert draft.get_full_url() not in sitemap
    assert "en" not in sitemap[about_ru.get_full_url()]


@pytest.mark.django_db
def test_an_unpublished_translation_is_neither_listed_nor_linked(client, about_en, about_ru):
    about_en.unpublish()

    sitemap = read_sitemap(client)

    assert about_en.get_full_url() not in sitemap
    assert set(sitemap[about_ru.get_full_url()]) == {"ru", "x-default"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "restriction",
    [
        {"restriction_type": PageViewRestriction.PASSWORD, "password": "members-only"},
        {"restriction_type": PageViewRestriction.LOGIN},
        {"restriction_type": PageViewRestriction.GROUPS},
    ],
)
def test_restricted_pages_and_their_descendants_are_left_out(
    client, home_en, about_en, about_ru, restriction
):
    board = standard_page(about_ru, "board", "Правление")
    board_en = translate(board, title="Board")
    # Only the Russian section is restricted.
    view_restriction = PageViewRestriction.objects.create(page=about_ru, **restriction)
    if restriction["restriction_type"] == PageViewRestriction.GROUPS:
        view_restriction.groups.set([Group.objects.get(name="Coordinators")])

    sitemap = read_sitemap(client)

    assert about_ru.get_full_url() not in sitemap
    assert board.get_full_url() not in sitemap
    # The English pages are public: listed, without links to the restricted
    # Russian ones and so without x-default.
    assert sitemap[about_en.get_full_url()] == {"en": about_en.get_full_url()}
    assert sitemap[board_en.get_full_url()] == {"en": board_en.get_full_url()}


@pytest.mark.django_db
def test_a_page_can_still_opt_out_with_get_sitemap_urls(client, monkeypatch, home_ru, about_ru):
    hidden = standard_page(home_ru, "thanks", "Спасибо")
    listed = StandardPage.get_sitemap_urls

    def opt_out_of_thanks(page, request=None):
        return [] if page.slug == "thanks" else listed(page, request)

    monkeypatch.setattr(StandardPage, "get_sitemap_urls", opt_out_of_thanks)

    sitemap = read_sitemap(client)

    assert hidden.get_full_url() not in sitemap
    assert about_ru.get_full_url() in sitemap


def count_sitemap_queries(client):
    fetch_sitemap(client)  # warm the caches the site frame keeps anyway
    with CaptureQueriesContext(connection) as queries:
        fetch_sitemap(client)
    return len(queries)


def add_translated_pages(home_ru, start, stop):
    for number in range(start, stop):
        page = standard_page(home_ru, f"page-{number}", f"Страница {number}")
        translate(page, title=f"Page {number}")


@pytest.mark.django_db
def test_the_number_of_queries_does_not_grow_with_the_pages(client, home_ru, home_en):
    add_translated_pages(home_ru, 0, 3)
    with_3 = count_sitemap_queries(client)
    assert len(read_sitemap(client)) == 2 + 2 * 3

    add_translated_pages(home_ru, 3, 30)
    with_30 = count_sitemap_queries(client)
    sitemap = read_sitemap(client)

    assert len(sitemap) == 2 + 2 * 30
    assert all(set(links) == {"ru", "en", "x-default"} for links in sitemap.values())
    assert with_30 == with_3
