"""Two languages from the first page: the `/` redirect, the language
switcher, hreflang alternates and the handling of a missing translation."""

import re

import pytest

from home.demo import child_page
from home.models import StandardPage


def switcher_links(html):
    """{language: href} of the switcher's links (the current language is
    not a link)."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {
        language: href
        for href, language in re.findall(r'<a href="([^"]+)"[^>]*data-language="(\w+)"', nav)
    }


def hreflangs(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("en-GB,en;q=0.9", "/en/"),
        ("ru-RU,ru;q=0.9,en;q=0.5", "/ru/"),
        ("de-DE,de;q=0.9,en;q=0.7", "/en/"),
        ("", "/ru/"),
        ("zz", "/ru/"),
    ],
)
def test_root_sends_visitors_to_the_language_they_prefer(
    client, home_en, accept_language, expected
):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response.get("Vary", "")


@pytest.mark.django_db
def test_language_cookie_or_browser_choice_does_not_override_the_url(client, home_en):
    response = client.get("/ru/", HTTP_ACCEPT_LANGUAGE="en")

    assert '<html lang="ru"' in response.text


@pytest.mark.django_db
def test_switcher_leads_to_the_same_page_in_the_other_language(client, about_en, about_ru):
    russian = client.get("/ru/about/").text
    english = client.get("/en/about/").text

    assert switcher_links(russian) == {"en": "/en/about/"}
    assert switcher_links(english) == {"ru": "/ru/about/"}
    assert 'aria-current="true"' in russian


@pytest.mark.django_db
def test_pages_carry_hreflang_alternates_for_existing_translations(client, about_en):
    alternates = hreflangs(client.get("/ru/about/").text)

    assert alternates == {
        "ru": "http://testserver/ru/about/",
        "en": "http://testserver/en/about/",
        "x-default": "http://testserver/",
    }


@pytest.mark.django_db
def test_missing_translation_is_announced_and_offers_the_home_page(client, about_en, about_ru):
    only_russian = child_page(about_ru, StandardPage, "ural", title="Уральский центр")

    page = client.get("/ru/about/ural/").text
    english_link = switcher_links(page)["en"]
    # No English alternate is announced for a page that has none.
    assert "en" not in hreflangs(page)
    assert english_link == f"/en/translation-missing/{only_russian.pk}/"

    response = client.get(english_link)
    assert response.status_code == 404
    assert '<html lang="en"' in response.text
    assert "has not been translated yet" in response.text
    assert "“Уральский центр” is not available in English yet." in response.text
    assert 'href="/en/"' in response.text  # the English home page
    assert 'href="/ru/about/ural/"' in response.text  # the page where it exists
    assert 'name="robots" content="noindex"' in response.text


@pytest.mark.django_db
def test_missing_translation_page_in_russian(client, home_en):
    english_only_source = child_page(home_en, StandardPage, "news-en", title="English news")

    response = client.get(f"/ru/translation-missing/{english_only_source.pk}/")

    assert response.status_code == 404
    assert '<html lang="ru"' in response.text
    assert "Эта страница ещё не переведена" in response.text
    assert "На русском языке страницы «English news» пока нет." in response.text


@pytest.mark.django_db
def test_missing_translation_link_redirects_once_the_translation_exists(client, about_en, about_ru):
    response = client.get(f"/en/translation-missing/{about_ru.pk}/")

    assert response.status_code == 302
    assert response["Location"] == "/en/about/"


@pytest.mark.django_db
def test_missing_translation_page_does_not_reveal_drafts_or_unknown_pages(client, about_ru):
    about_ru.unpublish()

    assert client.get(f"/en/translation-missing/{about_ru.pk}/").status_code == 404
    assert client.get("/en/translation-missing/999999/").status_code == 404


@pytest.mark.django_db
def test_switcher_on_non_page_views_translates_the_url(client, home_en):
    html = client.get("/ru/search/?q=test").text

    assert switcher_links(html) == {"en": "/en/search/?q=test"}
    assert '<html lang="ru"' in html
