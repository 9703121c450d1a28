"""The partnerships page and a listing's page: open listings of the page's
language, newest first, with their filters, theme counts and feed, in
both languages, for visitors and members; bad input is ignored."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from tests.factories import CompanyFactory, ListingPageFactory, translate
from tests.helpers import inline_code, logged_in

pytestmark = pytest.mark.django_db


def cards(html):
    """[title] of the listing cards of a page, in their order."""
    soup = BeautifulSoup(html, "html.parser")
    return [card.get_text(strip=True) for card in soup.select(".listing-card .listing-title")]


def html_lang(html):
    return BeautifulSoup(html, "html.parser").html["lang"]


def listing(partners, **fields):
    return ListingPageFactory(parent=partners, **fields)


def backdate(page, days):
    """Make `page` first published `days` ago."""
    moment = timezone.now() - datetime.timedelta(days=days)
    type(page).objects.filter(pk=page.pk).update(first_published_at=moment)


@pytest.fixture
def three(partners_ru, topics, regions):
    """An older offer, a newer request and the newest research listing."""
    old = listing(
        partners_ru,
        title="Датчики давления",
        topics=[topics["ipr"]],
        sector="electronics",
        stage="market",
    )
    request = listing(
        partners_ru,
        title="Ищем технологию очистки воды",
        listing_type="technology_request",
        topics=[topics["quality-management"]],
        region=regions["ekaterinburg"],
    )
    research = listing(
        partners_ru, title="Совместное исследование материалов", listing_type="research"
    )
    backdate(old, 30)
    backdate(request, 20)
    backdate(research, 10)
    return old, request, research


def test_partnerships_page_lists_open_listings_newest_first(client, three):
    html = client.get("/ru/partners/").text
    assert cards(html) == [
        "Совместное исследование материалов",
        "Ищем технологию очистки воды",
        "Датчики давления",
    ]
    assert html_lang(html) == "ru"


def test_a_card_shows_type_summary_company_region_stage_themes_and_expiry(
    client, partners_ru, topics, regions
):
    company = CompanyFactory(name="НПО Сигма")
    shown = listing(
        partners_ru,
        title="Датчики давления",
        summary="Серийные датчики для трубопроводов.",
        company=company,
        stage="market",
        topics=[topics["ipr"], topics["quality-management"]],
        region=regions["ekaterinburg"],
    )
    card = BeautifulSoup(client.get("/ru/partners/").text, "html.parser").select_one(
        ".listing-card"
    )
    assert card.select_one(".listing-type").get_text(strip=True) == "Технологическое предложение"
    assert card.select_one(".listing-summary").get_text(strip=True) == shown.summary
    assert card.select_one(".listing-company").get_text(strip=True) == "НПО Сигма"
    assert card.select_one(".listing-region").get_text(strip=True) == "Екатеринбург"
    assert card.select_one(".listing-stage").get_text(strip=True) == "На рынке"
    assert [tag.get_text(strip=True) for tag in card.select(".listing-themes li")] == [
        "Права интеллектуальной собственности",
        "Управление качеством",
    ]
    expiry = card.select_one(".listing-expiry time")["datetime"]
    assert expiry == timezone.localtime(shown.expire_at).date().isoformat()
    assert card.select_one("a")["href"] == shown.url


def test_expired_draft_unpublished_and_companyless_listings_are_not_listed(client, partners_ru):
    listing(partners_ru, title="Открытое предложение")
    expired = listing(partners_ru, title="Истёкшее предложение")
    type(expired).objects.filter(pk=expired.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    listing(partners_ru, title="Черновик предложения", live=False)
    unpublished = listing(partners_ru, title="Снятое предложение")
    unpublished.unpublish()
    orphan = listing(partners_ru, title="Предложение без компании")
    orphan.company.delete()
    assert cards(client.get("/ru/partners/").text) == ["Открытое предложение"]


def test_each_language_lists_the_listings_that_exist_in_it(client, partners_en, partners_ru):
    both = listing(partners_ru, title="Датчики давления")
    translate(both, title="Pressure sensors", summary="Sensors for pipelines.")
    listing(partners_ru, title="Только по-русски")
    english = client.get("/en/partners/").text
    assert cards(english) == ["Pressure sensors"]
    assert html_lang(english) == "en"
    assert "Sensors for pipelines." in english
    assert set(cards(client.get("/ru/partners/").text)) == {"Датчики давления", "Только по-русски"}


def test_english_cards_show_themes_regions_and_labels_in_english(
    client, partners_en, partners_ru, topics, regions
):
    translate(
        listing(partners_ru, topics=[topics["ipr"]], region=regions["ekaterinburg"], stage="idea"),
        title="Pressure sensors",
    )
    card = BeautifulSoup(client.get("/en/partners/").text, "html.parser").select_one(
        ".listing-card"
    )
    assert card.select_one(".listing-type").get_text(strip=True) == "Technology offer"
    assert card.select_one(".listing-region").get_text(strip=True) == "Ekaterinburg"
    assert card.select_one(".listing-stage").get_text(strip=True) == "Idea"
    assert card.select_one(".listing-themes").get_text(strip=True) == "Intellectual property rights"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("type=technology_request", ["Ищем технологию очистки воды"]),
        ("theme=quality-management", ["Ищем технологию очистки воды"]),
        ("sector=electronics", ["Датчики давления"]),
        ("region=ekaterinburg", ["Ищем технологию очистки воды"]),
        ("stage=market", ["Датчики давления"]),
        ("type=technology_offer&theme=ipr&stage=market", ["Датчики давления"]),
        ("type=research&theme=ipr", []),
    ],
)
def test_filters_narrow_the_listings(client, three, query, expected):
    assert cards(client.get(f"/ru/partners/?{query}").text) == expected


def test_filters_work_with_the_same_values_in_english(client, partners_en, three, regions):
    translate(three[1], title="Looking for water treatment")
    translate(three[0], title="Pressure sensors")
    html = client.get("/en/partners/?region=ekaterinburg&theme=quality-management").text
    assert cards(html) == ["Looking for water treatment"]


@pytest.mark.parametrize(
    "query",
    [
        "type=nonsense",
        "theme=no-such-theme",
        "sector=%00",
        "region=atlantis",
        "stage=" + "x" * 5000,
        "type[]=1&theme=<script>",
        "page=abc",
        "page=-3",
        "page=99999",
    ],
)
def test_bad_filters_and_page_numbers_are_ignored(client, three, query):
    response = client.get(f"/ru/partners/?{query}")
    assert response.status_code == 200
    assert len(cards(response.text)) == 3


def test_the_page_is_paginated_and_keeps_the_filters(client, partners_ru):
    for number in range(14):
        listing(partners_ru, title=f"Предложение номер {number}", stage="idea")
    first = client.get("/ru/partners/?stage=idea").text
    assert len(cards(first)) == 12
    assert "stage=idea" in BeautifulSoup(first, "html.parser").select_one("a[rel=next]")["href"]
    second = client.get("/ru/partners/?stage=idea&page=2").text
    assert len(cards(second)) == 2
    assert cards(client.get("/ru/partners/?stage=idea&page=abc").text) == cards(first)


def theme_counts(html):
    soup = BeautifulSoup(html, "html.parser")
    return {
        item.a.get_text(strip=True): item.select_one(".theme-count").get_text(strip=True)
        for item in soup.select(".partnerships-themes li")
    }


def test_theme_counts_follow_the_other_filters(client, partners_ru, topics):
    listing(partners_ru, topics=[topics["ipr"], topics["quality-management"]])
    listing(partners_ru, topics=[topics["ipr"]], listing_type="technology_request")
    listing(partners_ru, topics=[topics["ipr"]], listing_type="technology_request")
    counts = theme_counts(client.get("/ru/partners/").text)
    assert counts["Права интеллектуальной собственности"] == "(3)"
    assert counts["Управление качеством"] == "(1)"
    assert counts["Управление знаниями"] == "(0)"
    # The type filter counts; the chosen theme does not hide the others.
    narrowed = theme_counts(client.get("/ru/partners/?type=technology_request&theme=ipr").text)
    assert narrowed["Права интеллектуальной собственности"] == "(2)"
    assert narrowed["Управление качеством"] == "(0)"


def test_write_link_for_everyone_partners_for_you_for_members(client, partners_ru, anna):
    visitor = BeautifulSoup(client.get("/ru/partners/").text, "html.parser")
    assert visitor.select_one('a[href="/ru/partners/write/"]') is not None
    assert visitor.select_one('a[href="/ru/partners/for-you/"]') is None
    member = BeautifulSoup(logged_in(anna).get("/ru/partners/").text, "html.parser")
    assert member.select_one('a[href="/ru/partners/for-you/"]').get_text() == "Партнёры для вас"


def test_empty_page_explains_itself(client, partners_en):
    assert "Пока нет открытых объявлений" in client.get("/ru/partners/").text
    assert "No open listings match these filters" in client.get("/en/partners/?stage=idea").text


# --- the feed ------------------------------------------------------------------------


def test_the_page_links_its_feed_in_the_head(client, partners_en):
    for language in ("ru", "en"):
        head = BeautifulSoup(client.get(f"/{language}/partners/").text, "html.parser").head
        link = head.select_one('link[rel=alternate][type="application/rss+xml"]')
        assert link["href"] == f"/{language}/partners/feed/"


def test_feed_lists_open_listings_of_its_language(client, partners_en, partners_ru, topics):
    shown = listing(partners_ru, title="Датчики давления", topics=[topics["ipr"]])
    translate(shown, title="Pressure sensors")
    expired = listing(partners_ru, title="Истёкшее предложение")
    type(expired).objects.filter(pk=expired.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    russian = client.get("/ru/partners/feed/")
    assert russian["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(russian.content).find("channel")  # noqa: S314
    assert channel.findtext("language") == "ru"
    assert [item.findtext("title") for item in channel.findall("item")] == ["Датчики давления"]
    categories = [category.text for category in channel.find("item").findall("category")]
    assert categories == ["Технологическое предложение", "Права интеллектуальной собственности"]
    english = ET.fromstring(client.get("/en/partners/feed/").content).find("channel")  # noqa: S314
    assert english.findtext("language") == "en"
    assert [item.findtext("title") for item in english.findall("item")] == ["Pressure sensors"]
    assert english.find("item").findtext("link").endswith(f"/en/partners/{shown.slug}/")
    assert "Intellectual property rights" in [c.text for c in english.iter("category")]


# --- a listing's page ----------------------------------------------------------------


def test_listing_page_shows_every_field(client, partners_ru, people_ru, topics, regions):
    company = CompanyFactory(name="НПО Сигма")
    shown = listing(
        partners_ru,
        title="Датчики давления",
        summary="Серийные датчики.",
        description="Подробно о датчиках.\nВторая строка.",
        sought="Дистрибьютор в Екатеринбурге.",
        company=company,
        sector="electronics",
        stage="market",
        region=regions["st-petersburg"],
        topics=[topics["ipr"]],
    )
    response = client.get(shown.url)
    soup = BeautifulSoup(response.text, "html.parser")
    assert html_lang(response.text) == "ru"
    assert soup.h1.get_text() == "Датчики давления"
    assert soup.select_one(".listing-type").get_text(strip=True) == "Технологическое предложение"
    assert "Серийные датчики." in soup.select_one(".lead").get_text()
    assert "Вторая строка." in soup.select_one(".listing-description").get_text()
    assert soup.select_one(".listing-sought").get_text() == "Дистрибьютор в Екатеринбурге."
    company_link = soup.select_one(".listing-company a")
    assert company_link.get_text() == "НПО Сигма"
    assert company_link["href"] == f"/ru/people/company/{company.slug}/"
    assert soup.select_one(".listing-sector").get_text() == "Электроника и приборостроение"
    assert soup.select_one(".listing-stage").get_text() == "На рынке"
    assert soup.select_one(".listing-region").get_text() == "Санкт-Петербург"
    assert soup.select_one(".listing-themes").get_text() == "Права интеллектуальной собственности"
    expiry = soup.select_one(".listing-expiry time")["datetime"]
    assert expiry == timezone.localtime(shown.expire_at).date().isoformat()
    assert soup.select_one(".breadcrumbs a")["href"] == "/ru/partners/"


def test_english_listing_page_is_in_english(client, partners_en, partners_ru, topics, regions):
    english = translate(
        listing(partners_ru, topics=[topics["ipr"]], region=regions["moscow"], stage="idea"),
        title="Pressure sensors",
    )
    html = client.get(english.url).text
    soup = BeautifulSoup(html, "html.parser")
    assert html_lang(html) == "en"
    assert soup.select_one(".listing-stage").get_text() == "Idea"
    assert soup.select_one(".listing-region").get_text() == "Moscow"
    assert soup.select_one(".listing-themes").get_text() == "Intellectual property rights"
    assert "Complementary listings" in html


def test_listing_page_without_directory_names_the_company_without_link(client, partners_ru):
    shown = listing(partners_ru, company=CompanyFactory(name="НПО Сигма"))
    soup = BeautifulSoup(client.get(shown.url).text, "html.parser")
    assert soup.select_one(".listing-company").get_text() == "НПО Сигма"
    assert soup.select_one(".listing-company a") is None


def test_listing_page_keeps_the_contact_part(client, partners_ru, settings):
    shown = listing(partners_ru)
    response = client.get(shown.url)
    assert "partnerships/includes/listing_contact.html" in [t.name for t in response.templates]


def test_an_expired_listing_says_so_and_suggests_nothing(client, partners_ru):
    listing(partners_ru, listing_type="technology_request")
    expired = listing(partners_ru, title="Старое предложение")
    type(expired).objects.filter(pk=expired.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    # Live until Wagtail's scheduler (publish_scheduled) unpublishes it.
    response = client.get(expired.url)
    assert response.status_code == 200
    assert "Это объявление больше не открыто." in response.text
    assert '<meta name="robots" content="noindex">' in response.text
    assert "listing-matches" not in response.text


@pytest.mark.parametrize(
    "path",
    [
        "/ru/partners/no-such-listing/",
        "/en/partners/999999/",
        "/ru/partners/listing-999999/",
    ],
)
def test_unknown_listings_are_not_found(client, partners_en, path):
    assert client.get(path).status_code == 404


def test_a_draft_listing_is_not_found(client, partners_ru):
    draft = listing(partners_ru, live=False, slug="draft-listing")
    assert client.get(f"/ru/partners/{draft.slug}/").status_code == 404


def test_pages_need_no_inline_code(client, partners_ru, anna, topics):
    offer = listing(partners_ru, topics=[topics["ipr"]])
    listing(partners_ru, listing_type="technology_request", topics=[topics["ipr"]])
    member = logged_in(anna)
    for page_client, url in [
        (client, "/ru/partners/"),
        (client, offer.url),
        (member, "/ru/partners/for-you/"),
    ]:
        assert inline_code(page_client.get(url).text) == [], url
