""" "Partners for you": members only; suggestions for each open listing of
the companies the member manages, or listings in the themes of their
profile when they manage none; every empty state says why."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import CompanyFactory, ListingPageFactory, MemberFactory, translate
from tests.helpers import logged_in

pytestmark = pytest.mark.django_db


REQUEST = {"listing_type": "technology_request"}


def listing(partners, **fields):
    fields.setdefault("summary", "—")
    fields.setdefault("sought", "Партнёр.")
    return ListingPageFactory(parent=partners, **fields)


def sections(html):
    """{section heading: [titles of the suggested listings]}."""
    soup = BeautifulSoup(html, "html.parser")
    return {
        section.h2.get_text(strip=True): [
            title.get_text(strip=True) for title in section.select(".listing-title")
        ]
        for section in soup.select(".for-you-section")
    }


def card_titles(html):
    soup = BeautifulSoup(html, "html.parser")
    return [title.get_text(strip=True) for title in soup.select(".listing-title")]


@pytest.mark.parametrize("language", ["ru", "en"])
def test_visitors_are_sent_to_log_in(client, partners_en, language):
    response = client.get(f"/{language}/partners/for-you/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert f"next=/{language}/partners/for-you/" in response["Location"]


def test_a_manager_gets_suggestions_for_each_of_their_listings(partners_ru, topics, anna):
    company = CompanyFactory(manager=anna)
    offer = listing(partners_ru, company=company, title="Наши датчики", topics=[topics["ipr"]])
    research = listing(
        partners_ru,
        company=company,
        title="Наше исследование",
        listing_type="research",
        topics=[topics["quality-management"]],
    )
    listing(partners_ru, title="Нужны датчики", topics=[topics["ipr"]], **REQUEST)
    listing(
        partners_ru,
        title="Исследуем качество",
        listing_type="research",
        topics=[topics["quality-management"]],
    )
    listing(partners_ru, title="Чужое предложение", topics=[topics["ipr"]])
    response = logged_in(anna).get("/ru/partners/for-you/")
    assert response.status_code == 200
    assert BeautifulSoup(response.text, "html.parser").html["lang"] == "ru"
    assert sections(response.text) == {
        f"Для «{research.title}»": ["Исследуем качество"],
        f"Для «{offer.title}»": ["Нужны датчики"],
    }


def test_listings_of_every_company_the_member_manages_are_left_out(partners_ru, topics, anna):
    first, second = CompanyFactory(manager=anna), CompanyFactory(manager=anna)
    listing(partners_ru, company=first, title="Наши датчики", topics=[topics["ipr"]])
    listing(
        partners_ru,
        company=second,
        title="Запрос нашей второй компании",
        listing_type="technology_request",
        topics=[topics["ipr"]],
    )
    listing(partners_ru, title="Чужой запрос", topics=[topics["ipr"]], **REQUEST)
    found = sections(logged_in(anna).get("/ru/partners/for-you/").text)
    assert found["Для «Наши датчики»"] == ["Чужой запрос"]
    assert found["Для «Запрос нашей второй компании»"] == []


def test_a_plain_member_of_a_company_is_not_its_manager(partners_ru, topics, anna, boris):
    company = CompanyFactory(manager=boris, members=[anna])
    listing(partners_ru, company=company, title="Датчики Бориса", topics=[topics["ipr"]])
    html = logged_in(anna).get("/ru/partners/for-you/").text
    assert sections(html) == {}
    assert "Вы не управляете компанией на портале" in html


def test_a_manager_without_open_listings_is_told_to_write_one(partners_en, partners_ru, anna):
    CompanyFactory(manager=anna)
    soup = BeautifulSoup(logged_in(anna).get("/en/partners/for-you/").text, "html.parser")
    assert soup.html["lang"] == "en"
    assert "have no open listings in this language" in soup.select_one(".for-you-empty").text
    assert soup.select_one('a[href="/en/partners/write/"]') is not None


def test_a_listing_without_matches_says_so(partners_ru, anna):
    listing(partners_ru, company=CompanyFactory(manager=anna), title="Наши датчики")
    html = logged_in(anna).get("/ru/partners/for-you/").text
    assert sections(html) == {"Для «Наши датчики»": []}
    assert "Подходящих объявлений пока нет" in html


def test_suggestions_in_english_come_from_english_listings(partners_en, partners_ru, topics, anna):
    offer = listing(
        partners_ru, company=CompanyFactory(manager=anna), title="Датчики", topics=[topics["ipr"]]
    )
    request = listing(partners_ru, title="Нужны датчики", topics=[topics["ipr"]], **REQUEST)
    translate(offer, title="Sensors")
    translate(request, title="Sensors wanted")
    assert sections(logged_in(anna).get("/en/partners/for-you/").text) == {
        "For “Sensors”": ["Sensors wanted"]
    }


def test_without_a_company_the_profile_themes_choose(partners_ru, topics):
    member = MemberFactory(profile__themes=[topics["ipr"]])
    listing(partners_ru, title="О правах", topics=[topics["ipr"]])
    listing(partners_ru, title="О качестве", topics=[topics["quality-management"]])
    html = logged_in(member).get("/ru/partners/for-you/").text
    assert card_titles(html) == ["О правах"]
    assert "Права интеллектуальной собственности" in html


def test_without_a_company_or_themes_the_page_says_what_to_do(partners_ru, anna):
    listing(partners_ru, title="О правах")
    html = logged_in(anna).get("/ru/partners/for-you/").text
    assert card_titles(html) == []
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one('a[href="/ru/accounts/profile/edit/"]') is not None
    assert soup.select_one('a[href="/ru/accounts/companies/new/"]') is not None


def test_themes_without_listings_say_so(partners_ru, topics):
    member = MemberFactory(profile__themes=[topics["knowledge-management"]])
    listing(partners_ru, title="О правах", topics=[topics["ipr"]])
    html = logged_in(member).get("/ru/partners/for-you/").text
    assert card_titles(html) == []
    assert "В ваших темах пока нет открытых объявлений" in html


def test_a_member_without_a_profile_gets_a_page(partners_ru):
    member = MemberFactory(profile=None)
    assert logged_in(member).get("/ru/partners/for-you/").status_code == 200
