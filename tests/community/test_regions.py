"""The regions page, the regional centres' pages and their news: where the
pages may be created, what a region's page shows (its news, events and
case studies only), news read counts, the news feeds per language and per
region, news in "What's new", and a fixed number of queries."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from community.models import NewsPage, RegionIndexPage, RegionPage
from home.demo import child_page
from home.models import HomePage, SiteSettings, StandardPage
from home.reads import flush_reads
from library.models import LibraryIndexPage, ReadCount
from rusmeco_events.models import EventIndexPage
from tests.factories import (
    CaseStudyPageFactory,
    EventPageFactory,
    NewsPageFactory,
    StaffFactory,
    TopicFactory,
    translate,
)
from tests.helpers import in_days, warm_queries

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
BUDGET = 15


class TestWhereRegionPagesBelong(WagtailPageTestCase):
    def test_the_page_tree(self):
        self.assertAllowedParentPageTypes(RegionIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(RegionIndexPage, {RegionPage})
        self.assertAllowedParentPageTypes(RegionPage, {RegionIndexPage})
        self.assertAllowedSubpageTypes(RegionPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {RegionPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertCanNotCreateAt(StandardPage, NewsPage)
        self.assertCanNotCreateAt(HomePage, RegionPage)


@pytest.fixture
def regions_ru(home_ru, regions):
    index = child_page(home_ru, RegionIndexPage, "regions", title="Регионы", intro="<p>Центры.</p>")
    moscow = child_page(
        index,
        RegionPage,
        "moscow",
        title="Москва",
        region=regions["moscow"],
        intro="<p>Московский центр.</p>",
        centre_name="Московский региональный центр",
        centre_email="moscow@rusmeco.example",
    )
    ural = child_page(
        index, RegionPage, "ekaterinburg", title="Екатеринбург", region=regions["ekaterinburg"]
    )
    return index, moscow, ural


@pytest.mark.django_db
def test_news_takes_the_region_of_its_region_page(regions_ru, regions):
    _index, moscow, ural = regions_ru

    assert (
        NewsPageFactory(parent=moscow, slug="m", title="Новость Москвы").region == regions["moscow"]
    )
    assert (
        NewsPageFactory(parent=ural, slug="u", title="Новость Урала").region
        == regions["ekaterinburg"]
    )


@pytest.mark.django_db
def test_a_region_page_shows_its_centre_and_only_its_own_news(client, regions_ru):
    _index, moscow, ural = regions_ru
    NewsPageFactory(parent=moscow, slug="old", title="Старая новость Москвы", days_ago=30)
    NewsPageFactory(
        parent=moscow, slug="new", title="Свежая новость Москвы", days_ago=2, author="Пресс-служба"
    )
    NewsPageFactory(parent=ural, slug="ural", title="Новость Урала")
    NewsPageFactory(parent=moscow, slug="draft", title="Черновик новости").unpublish()

    html = client.get(moscow.url).text

    assert "Московский региональный центр" in html
    assert 'href="mailto:moscow@rusmeco.example"' in html
    assert html.index("Свежая новость Москвы") < html.index("Старая новость Москвы")
    assert "Пресс-служба" in html
    assert "Новость Урала" not in html and "Черновик новости" not in html


@pytest.mark.django_db
def test_a_region_page_lists_the_regions_events_and_case_studies(
    client, regions_ru, regions, topics
):
    _index, moscow, _ural = regions_ru
    calendar = child_page(
        moscow.get_parent().get_parent(), EventIndexPage, "events", title="События"
    )
    for slug, title, region in (
        ("msk", "Встреча в Москве", "moscow"),
        ("ekb", "Встреча на Урале", "ekaterinburg"),
    ):
        EventPageFactory(
            parent=calendar, slug=slug, title=title, region=regions[region], start=in_days(5)
        )
    library = child_page(calendar.get_parent(), LibraryIndexPage, "library", title="Библиотека")
    for slug, title, region in (
        ("msk-case", "Кейс из Москвы", "moscow"),
        ("ural-case", "Кейс с Урала", "ekaterinburg"),
    ):
        CaseStudyPageFactory(
            parent=library,
            slug=slug,
            title=title,
            region=regions[region],
            company_name="ООО «Пример»",
            summary="Кратко.",
            publication_date=datetime.date(2026, 1, 1),
        )

    html = client.get(moscow.url).text

    assert "Ближайшие мероприятия" in html and "Встреча в Москве" in html
    assert "Кейсы региона" in html and "Кейс из Москвы" in html
    assert "Встреча на Урале" not in html and "Кейс с Урала" not in html


@pytest.mark.django_db
def test_the_regions_page_lists_the_centres_and_the_news_of_all(client, regions_ru):
    index, moscow, ural = regions_ru
    NewsPageFactory(parent=moscow, slug="m", title="Новость Москвы")
    NewsPageFactory(parent=ural, slug="u", title="Новость Урала")

    html = client.get(index.url).text

    assert f'href="{moscow.url}"' in html and f'href="{ural.url}"' in html
    assert "Новость Москвы" in html and "Новость Урала" in html
    assert f'href="{index.url}feed/"' in html


@pytest.mark.django_db
def test_english_pages_show_english_news_only(client, regions_ru, home_en):
    index, moscow, _ural = regions_ru
    translate(index, title="Regions")
    moscow_en = translate(moscow, title="Moscow", centre_name="Moscow centre")
    news = NewsPageFactory(parent=moscow, slug="translated", title="Переведённая новость")
    translate(news, title="Translated news")
    NewsPageFactory(parent=moscow, slug="russian-only", title="Только по-русски")

    html = client.get(moscow_en.url).text

    assert '<html lang="en"' in html
    assert "Contacts of the regional centre" in html and "Moscow centre" in html
    assert "Translated news" in html and "Только по-русски" not in html
    assert moscow_en.region.locale.language_code == "en"


@pytest.fixture
def reads_by_hand(settings):
    settings.LIBRARY_READS_FLUSH_SECONDS = 0  # flushed by the tests themselves


@pytest.mark.django_db
def test_news_reads_are_counted_once_per_visit_and_not_for_bots(reads_by_hand, regions_ru):
    _index, moscow, _ural = regions_ru
    news = NewsPageFactory(parent=moscow, slug="read", title="Читаемая новость")
    visitor = Client(HTTP_USER_AGENT=BROWSER)
    for _ in range(3):
        assert visitor.get(news.url).status_code == 200
    Client(HTTP_USER_AGENT="Googlebot/2.1").get(news.url)
    Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="10.0.0.9").get(news.url)

    flush_reads()

    assert ReadCount.objects.get(page_id=news.pk).total == 2
    assert "2 прочтения" in visitor.get(news.url).text


def feed_entries(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    # The portal's own feed, so plain ElementTree is safe; it raises on malformed XML.
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314
    return channel, [item.findtext("title") for item in channel.findall("item")]


@pytest.mark.django_db
def test_news_feeds_per_language_and_per_region(client, regions_ru, home_en):
    index, moscow, ural = regions_ru
    NewsPageFactory(parent=moscow, slug="m", title="Новость Москвы & <разметка>", days_ago=1)
    NewsPageFactory(parent=ural, slug="u", title="Новость Урала", days_ago=2)
    NewsPageFactory(parent=moscow, slug="draft", title="Черновик").unpublish()
    private = NewsPageFactory(parent=moscow, slug="private", title="Закрытая новость")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    index_en = translate(index, title="Regions")

    channel, titles = feed_entries(client.get(f"{index.url}feed/"))
    assert titles == ["Новость Москвы & <разметка>", "Новость Урала"]
    assert channel.findtext("language") == "ru"

    _channel, titles = feed_entries(client.get(f"{moscow.url}feed/"))
    assert titles == ["Новость Москвы & <разметка>"]

    channel, titles = feed_entries(client.get(f"{index_en.url}feed/"))
    assert titles == [] and channel.findtext("language") == "en"


@pytest.mark.django_db
def test_news_is_in_whats_new_in_its_language(client, regions_ru, home_en):
    _index, moscow, _ural = regions_ru
    NewsPageFactory(parent=moscow, slug="m", title="Свежая новость", author="Пресс-служба")

    html = client.get("/ru/").text
    section = html[html.index("Что нового") :]

    assert "Свежая новость" in section and "Новость" in section and "Пресс-служба" in section
    assert 'href="/ru/regions/">Все новости регионов</a>' in section
    assert "Свежая новость" not in client.get("/en/").text


@pytest.mark.django_db
def test_a_region_page_gives_its_coordinators_the_page_permissions(regions_ru):
    _index, moscow, ural = regions_ru

    moscow_group = Group.objects.get(name="Region coordinators: moscow")
    granted = GroupPagePermission.objects.filter(group=moscow_group)

    assert {p.page_id for p in granted} == {moscow.pk}
    assert {p.permission.codename for p in granted} >= {"add_page", "change_page", "publish_page"}
    assert not GroupPagePermission.objects.filter(group=moscow_group, page=ural).exists()


@pytest.mark.django_db
def test_region_pages_keep_their_query_budget_as_news_grows(client, site, regions_ru):
    index, moscow, _ural = regions_ru
    SiteSettings.for_site(site)  # made once per site, on the first page view
    first = NewsPageFactory(parent=moscow, slug="news-0", title="Новость 0")
    urls = [index.url, moscow.url, first.url, f"{index.url}feed/", f"{moscow.url}feed/"]
    for number in range(1, 3):
        NewsPageFactory(parent=moscow, slug=f"news-{number}", title=f"Новость {number}")
    small = {url: len(warm_queries(client, url)) for url in urls}

    for number in range(3, 30):
        NewsPageFactory(parent=moscow, slug=f"news-{number}", title=f"Новость {number}")
    large = {url: len(warm_queries(client, url)) for url in urls}

    assert {url: n for url, n in small.items() if n > BUDGET} == {}
    assert large == small
    assert Page.objects.type(NewsPage).count() == 30


@pytest.mark.django_db
def test_news_is_found_by_the_search_with_its_region(client, regions_ru):
    _index, moscow, _ural = regions_ru
    NewsPageFactory(
        parent=moscow, slug="mentors", title="Программа наставничества для молодых компаний"
    )

    html = client.get("/ru/search/?q=наставничество").text
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))  # matched words are <mark>ed

    assert "1 результат Новость" in text
    assert "Москва Программа наставничества для молодых компаний" in text


@pytest.mark.django_db
@pytest.mark.localize
def test_a_region_coordinator_translates_a_theme(client, topics, locale_en):
    from django.urls import reverse

    coordinator = StaffFactory(
        username="ural-coordinator", groups=["Region coordinators: ekaterinburg"]
    )
    client.force_login(coordinator)
    theme = TopicFactory(slug="export", name="Экспорт")

    response = client.post(
        reverse("wagtail_localize:submit_snippet_translation", args=["home", "topic", theme.pk]),
        {"locales": [locale_en.pk]},
    )

    assert response.status_code == 302
    english = theme.get_translation(locale_en)
    assert (
        client.get(reverse("wagtailsnippets_home_topic:edit", args=[english.pk])).status_code == 200
    )


@pytest.mark.django_db
def test_news_past_its_expiry_date_is_left_out(client, regions_ru):
    index, moscow, _ural = regions_ru
    NewsPageFactory(parent=moscow, slug="m", title="Свежая новость", days_ago=1)
    expired = NewsPageFactory(parent=moscow, slug="old", title="Устаревшая новость", days_ago=2)
    expired.expire_at = timezone.now() - datetime.timedelta(hours=1)
    expired.save()

    _channel, titles = feed_entries(client.get(f"{index.url}feed/"))
    region_page = client.get(moscow.url).text

    assert titles == ["Свежая новость"]
    assert "Свежая новость" in region_page and "Устаревшая новость" not in region_page
