"""Matching: a listing's page shows the open listings of complementary
types, ranked by shared themes, sector, region and words, never of the
same company, at most five (partnerships/matching.py)."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from home.terms import terms_of_locale
from partnerships import matching
from partnerships.choices import ListingType
from tests.factories import CompanyFactory, ListingPageFactory, translate

pytestmark = pytest.mark.django_db


REQUEST = {"listing_type": "technology_request"}


def listing(partners, **fields):
    fields.setdefault("summary", "—")
    fields.setdefault("sought", "Партнёр.")
    return ListingPageFactory(parent=partners, **fields)


def matched_titles(client, page):
    soup = BeautifulSoup(client.get(page.url).text, "html.parser")
    return [title.get_text(strip=True) for title in soup.select(".listing-matches .listing-title")]


@pytest.mark.parametrize(
    "kind, matched",
    [
        ("technology_offer", {"technology_request"}),
        ("technology_request", {"technology_offer"}),
        ("commercial", {"commercial", "investment"}),
        ("research", {"research"}),
        ("investment", {"commercial"}),
        ("no-such-type", set()),
    ],
)
def test_the_table_of_complementary_types(kind, matched):
    assert {str(value) for value in matching.complements(kind)} == matched


def test_every_type_is_in_the_table():
    assert set(matching.COMPLEMENTS) == set(ListingType)


def test_an_offer_is_shown_requests_and_a_request_offers(client, partners_ru, topics):
    offer = listing(partners_ru, title="Предлагаем датчики", topics=[topics["ipr"]])
    request = listing(
        partners_ru,
        title="Нужны датчики",
        listing_type="technology_request",
        topics=[topics["ipr"]],
    )
    listing(partners_ru, title="Другое предложение", topics=[topics["ipr"]])
    listing(partners_ru, title="Исследование", listing_type="research", topics=[topics["ipr"]])
    assert matched_titles(client, offer) == ["Нужны датчики"]
    # "Предлагаем датчики" shares a word more.
    assert matched_titles(client, request) == ["Предлагаем датчики", "Другое предложение"]


def test_matches_are_ranked_by_themes_sector_region_and_words(client, partners_ru, topics, regions):
    offer = listing(
        partners_ru,
        title="Лазерная сварка титана",
        topics=[topics["ipr"], topics["quality-management"]],
        sector="engineering",
        region=regions["moscow"],
    )

    def request(title, **fields):
        return listing(partners_ru, title=title, listing_type="technology_request", **fields)

    two_themes = request(
        "Две темы",
        topics=[topics["ipr"], topics["quality-management"]],
        sector="software",
        region=regions["ekaterinburg"],
    )
    one_theme_sector = request(
        "Тема и отрасль",
        topics=[topics["ipr"]],
        sector="engineering",
        region=regions["ekaterinburg"],
    )
    words = request("Ищем сварку титана лазером", sector="software", region=regions["ekaterinburg"])
    region_only = request("Только регион", sector="software", region=regions["moscow"])
    request("Ничего общего", sector="software", region=regions["ekaterinburg"])
    assert matched_titles(client, offer) == [
        two_themes.title,  # two themes: 6
        one_theme_sector.title,  # a theme and the sector: 5
        words.title,  # "сварку", "титана": 2 ("лазером" is not "лазерная")
        region_only.title,  # 1
    ]


def test_scores_add_up_as_documented(partners_ru, topics, regions):
    offer = listing(
        partners_ru,
        title="Лазерная сварка титана",
        topics=[topics["ipr"], topics["quality-management"]],
        sector="engineering",
        region=regions["moscow"],
    )
    request = listing(
        partners_ru,
        title="Ищем сварку титана",
        listing_type="technology_request",
        topics=[topics["ipr"]],
        sector="engineering",
        region=regions["moscow"],
    )
    match = matching.score(offer, request, terms_of_locale(offer.locale_id))
    assert match.themes == ["ipr"]
    assert match.same_sector and match.same_region
    assert match.words == 2  # сварк, титан
    assert match.score == 3 + 2 + 1 + 2


def test_nothing_in_common_is_no_match(client, partners_ru, regions):
    offer = listing(partners_ru, title="Датчики", sector="engineering", region=regions["moscow"])
    listing(
        partners_ru,
        title="Облачный бухучёт",
        listing_type="technology_request",
        sector="software",
        region=regions["ekaterinburg"],
    )
    assert matched_titles(client, offer) == []
    assert "Подходящих объявлений пока нет" in client.get(offer.url).text


def test_the_same_companys_listings_are_never_matched(client, partners_ru, topics):
    company = CompanyFactory()
    offer = listing(partners_ru, company=company, topics=[topics["ipr"]])
    listing(
        partners_ru,
        company=company,
        title="Свой запрос",
        listing_type="technology_request",
        topics=[topics["ipr"]],
    )
    other = listing(partners_ru, title="Чужой запрос", topics=[topics["ipr"]], **REQUEST)
    assert matched_titles(client, offer) == [other.title]


def test_only_open_listings_of_the_same_language_are_matched(
    client, partners_en, partners_ru, topics
):
    offer = listing(partners_ru, title="Датчики", topics=[topics["ipr"]])
    expired = listing(partners_ru, title="Истёкший запрос", topics=[topics["ipr"]], **REQUEST)
    type(expired).objects.filter(pk=expired.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    unpublished = listing(
        partners_ru,
        title="Снятый запрос",
        listing_type="technology_request",
        topics=[topics["ipr"]],
    )
    unpublished.unpublish()
    russian_only = listing(partners_ru, title="Русский запрос", topics=[topics["ipr"]], **REQUEST)
    assert matched_titles(client, offer) == [russian_only.title]
    english_offer = translate(offer, title="Sensors")
    assert matched_titles(client, english_offer) == []
    translate(russian_only, title="English request")
    assert matched_titles(client, english_offer) == ["English request"]


def test_at_most_five_matches(client, partners_ru, topics):
    offer = listing(partners_ru, topics=[topics["ipr"]])
    for number in range(7):
        listing(
            partners_ru,
            title=f"Запрос {number}",
            listing_type="technology_request",
            topics=[topics["ipr"]],
        )
    assert len(matched_titles(client, offer)) == 5


def test_match_cards_say_why(client, partners_ru, topics):
    offer = listing(partners_ru, topics=[topics["ipr"]], sector="software")
    listing(partners_ru, listing_type="technology_request", topics=[topics["ipr"]])
    soup = BeautifulSoup(client.get(offer.url).text, "html.parser")
    reasons = soup.select_one(".listing-matches .match-reasons").get_text(" ", strip=True)
    assert reasons.startswith("1 общая тема")
    assert "та же отрасль" in reasons and "тот же регион" in reasons
