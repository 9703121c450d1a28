"""Friendly error pages in the visitor's language."""

import re
from urllib.parse import urlsplit

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "lang", "text"),
    [
        ("/ru/no-such-page/", "ru", "Страница не найдена"),
        ("/en/no-such-page/", "en", "Page not found"),
    ],
)
def test_missing_page_gets_a_friendly_404_in_its_language(client, home_en, url, lang, text):
    response = client.get(url)

    assert response.status_code == 404
    assert f'<html lang="{lang}"' in response.text
    assert text in response.text
    assert f'href="/{lang}/"' in response.text  # back to the home page
    assert 'name="robots" content="noindex"' in response.text


@pytest.mark.django_db
def test_unprefixed_unknown_address_lands_on_a_404_in_a_language(client, home_en):
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="en", follow=True)

    assert response.status_code == 404
    assert "Page not found" in response.text


@pytest.mark.parametrize(
    ("lang", "text"), [("ru", "Что-то пошло не так"), ("en", "Something went wrong")]
)
def test_server_error_page_is_translated_and_standalone(lang, text):
    request = RequestFactory().get(f"/{lang}/")
    with translation.override(lang):
        response = server_error(request)

    body = response.content.decode()
    assert response.status_code == 500
    assert text in body
    assert f'<html lang="{lang}"' in body
    assert f'href="/{lang}/"' in body


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["//evil.example/x", "///evil.example/x", "/ru//evil.example/x"])
def test_links_built_from_the_address_stay_on_the_site(client, home_en, path):
    """An address that starts with two slashes must not turn the language
    switcher and the hreflang links into links to another site."""
    response = client.get("/", PATH_INFO=path)

    assert response.status_code == 404
    hrefs = re.findall(r'href="([^"]*)"', response.text)
    assert hrefs  # the page has its frame: switcher, hreflang links, menu
    for href in hrefs:
        assert urlsplit(href).netloc in ("", "testserver"), href
