"""RSS feeds of the library per language and per theme: valid XML, live
and public items only, newest first."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import ArticlePageFactory, CaseStudyPageFactory, translate


def feed_items(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    # The portal's own feed, so plain ElementTree is safe; it raises on malformed XML.
    root = ET.fromstring(response.content)  # noqa: S314
    assert root.tag == "rss"
    channel = root.find("channel")
    return channel, [
        (item.findtext("title"), item.findtext("link")) for item in channel.findall("item")
    ]


@pytest.fixture
def items(library_ru, regions, topics):
    live = CaseStudyPageFactory(
        parent=library_ru, title="Живой кейс & <разметка>", topics=[topics["ipr"]]
    )
    marketing = ArticlePageFactory(
        parent=library_ru, title="Статья о маркетинге", topics=[topics["innovation-marketing"]]
    )
    draft = CaseStudyPageFactory(parent=library_ru, title="Черновик", topics=[topics["ipr"]])
    draft.unpublish()
    private = CaseStudyPageFactory(parent=library_ru, title="Закрытый", topics=[topics["ipr"]])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return live, marketing


@pytest.mark.django_db
def test_the_library_feed_lists_live_public_items(client, library_ru, items):
    live, marketing = items

    channel, entries = feed_items(client.get(f"{library_ru.url}feed/"))

    assert entries == [
        ("Статья о маркетинге", f"http://localhost{marketing.url}"),
        ("Живой кейс & <разметка>", f"http://localhost{live.url}"),
    ]
    assert channel.findtext("language") == "ru"
    assert channel.findtext("link") == f"http://localhost{library_ru.url}"


@pytest.mark.django_db
def test_a_theme_feed_lists_the_theme_only(client, library_ru, items):
    live, _ = items

    channel, entries = feed_items(client.get(f"{library_ru.url}topic/ipr/feed/"))

    assert entries == [("Живой кейс & <разметка>", f"http://localhost{live.url}")]
    assert "Права интеллектуальной собственности" in channel.findtext("title")
    assert client.get(f"{library_ru.url}topic/atlantis/feed/").status_code == 404


@pytest.mark.django_db
def test_each_language_has_its_feed(client, library_ru, library_en, items):
    _, marketing = items
    english = translate(marketing, title="Marketing an innovation")

    channel, entries = feed_items(client.get(f"{library_en.url}feed/"))

    assert entries == [("Marketing an innovation", f"http://localhost{english.url}")]
    assert channel.findtext("language") == "en"


@pytest.mark.django_db
def test_pages_link_to_their_feeds(client, library_ru, items):
    index = client.get(library_ru.url).text
    theme = client.get(f"{library_ru.url}topic/ipr/").text

    assert (
        f'type="application/rss+xml" title="Библиотека (RSS)" href="{library_ru.url}feed/"' in index
    )
    assert f'href="{library_ru.url}topic/ipr/feed/"' in theme
