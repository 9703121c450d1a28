"""The structure assistive technology relies on, read from the HTML: a skip
link to the main content, one h1, landmarks with names, form errors tied to
their fields, and the calendar as a real table. The browser walk
(tests/browser/test_accessibility_walk.py) runs axe on every page type; these
pin the same fixes cheaply."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.utils import translation

from portal.errors import server_error
from tests.helpers import csrf_client, csrf_token


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def assert_frame(html):
    """The skip link comes first and leads to <main id="main">; one h1; a
    header and a footer; every navigation landmark has a name."""
    first_link = html.body.find("a")
    assert "skip-link" in first_link["class"]
    assert first_link["href"] == "#main"
    assert html.find("main", id="main") is not None
    assert len(html.find_all("h1")) == 1
    assert html.body.find("header", recursive=False) is not None
    assert html.body.find("footer", recursive=False) is not None
    for nav in html.find_all("nav"):
        assert nav.get("aria-label") or nav.get("aria-labelledby"), nav


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ru", "en"])
def test_pages_have_a_skip_link_one_h1_and_named_landmarks(
    client, home_en, about_en, library_en, calendar_en, language
):
    paths = ["/", "/about/", "/library/", "/events/", "/events/calendar/"]
    paths += ["/accounts/login/", "/accounts/signup/", "/search/?q=patent", "/no-such-page/"]
    for path in paths:
        response = client.get(f"/{language}{path}")
        assert response.status_code in (200, 404), path
        assert_frame(soup(response))


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_500_page_has_a_skip_link_and_one_h1(language):
    with translation.override(language):
        response = server_error(RequestFactory().get(f"/{language}/"))

    html = soup(response)
    assert html.body.find("a")["href"] == "#main"
    assert html.find("main", id="main") is not None
    assert len(html.find_all("h1")) == 1


@pytest.mark.django_db
def test_the_calendar_month_is_a_table_with_caption_and_weekday_headers(client, calendar_ru):
    response = client.get("/ru/events/calendar/2025-03/")

    table = soup(response).find("table", class_="month-grid")
    assert "март 2025" in table.caption.get_text().lower()
    headers = table.thead.find_all("th")
    assert len(headers) == 7
    assert all(header["scope"] == "col" for header in headers)
    assert headers[0].abbr["title"].lower() == "понедельник"
    # Each day is a cell of a week's row, with its date for screen readers.
    rows = table.tbody.find_all("tr")
    assert all(len(row.find_all("td")) == 7 for row in rows)
    assert "1 марта" in table.tbody.get_text()


@pytest.mark.django_db
def test_sign_up_errors_are_tied_to_their_fields_and_summed_up(home_en):
    client = csrf_client()
    token = csrf_token(client, "/en/accounts/signup/")

    response = client.post(
        "/en/accounts/signup/",
        {
            "email": "not-an-address",
            "password1": "1",
            "password2": "2",
            "csrfmiddlewaretoken": token,
        },
    )

    assert response.status_code == 200
    assert not get_user_model().objects.exists()
    html = soup(response)
    invalid = html.select('[aria-invalid="true"]')
    assert len(invalid) >= 2
    for field in invalid:
        described = field["aria-describedby"].split()
        errors = [html.find(id=name) for name in described if name.endswith("_error")]
        assert errors and all("field-error" in error["class"] for error in errors), field
        assert errors[0].get_text(strip=True)
    # The summary above the form links to each field that is wrong.
    summary = html.find(class_="form-errors")
    assert summary["role"] == "alert"
    targets = {link["href"] for link in summary.find_all("a")}
    assert {f"#{field['id']}" for field in invalid} <= targets


@pytest.mark.django_db
def test_wrong_log_in_is_announced_in_text_not_colour_alone(client, home_en):
    response = client.post(
        "/ru/accounts/login/", {"login": "nobody@example.com", "password": "wrong"}
    )

    summary = soup(response).find(class_="form-errors")
    assert summary["role"] == "alert"
    assert "Пожалуйста, исправьте следующее:" in summary.get_text()
