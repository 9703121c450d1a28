"""In a real browser: open the home page, switch language, land on the
translated page; on a page with no translation, learn that it has none;
then the walk under the Content-Security-Policy (tests/browser/policy_walk.py).

One test on purpose: a live-server test empties the database when it ends,
so the whole walk happens in a single test."""

import re

import pytest

from home.demo import child_page
from home.models import StandardPage
from tests.browser.policy_walk import walk_under_the_policy

# The same on every database: CI runs these in the SQLite pass only.
pytestmark = pytest.mark.database_independent


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_switch_language_and_meet_a_missing_translation(
    browser, page, live_server, about_en, about_ru, calendar_ru
):
    child_page(about_ru, StandardPage, "ural", title="Уральский центр")

    # The browser prefers Russian, so "/" leads to the Russian home page.
    page.goto(live_server.url + "/")
    assert page.url == live_server.url + "/ru/"
    assert page.locator("html").get_attribute("lang") == "ru"

    # From the menu to About, then switch to English: the same page, translated.
    page.locator(".main-menu").get_by_role("link", name="О проекте").click()
    page.wait_for_url("**/ru/about/")
    page.locator(".language-switcher a[data-language=en]").click()
    page.wait_for_url("**/en/about/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "About the project"

    # A Russian-only page: the switcher says so and offers the English home page.
    page.goto(live_server.url + "/ru/about/ural/")
    page.locator(".language-switcher a[data-language=en]").click()
    page.wait_for_url(re.compile(r".*/en/translation-missing/\d+/"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert "has not been translated yet" in page.locator("h1").inner_text()
    page.get_by_role("link", name="Go to the home page").click()
    page.wait_for_url("**/en/")
    assert page.locator("html").get_attribute("lang") == "en"

    walk_under_the_policy(browser, live_server, calendar_ru)
