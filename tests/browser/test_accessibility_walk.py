"""Every page type, in Russian and in English, at a phone's width and a
desktop's, checked by axe-core against WCAG 2.0, 2.1 and 2.2 (A and AA):
the test fails listing each serious or critical violation with its rule,
the element and the page. Then the two preferences a stylesheet must honour:
reduced motion and print.

The pages come from the demo content (`load_demo_content`), loaded once here
with a registration added; axe is injected into the page by the browser's
debugging protocol, which the Content-Security-Policy does not govern, so
the pages are checked under the policy they are served with.

One test on purpose: a live-server test empties the database when it ends."""

import io
import time

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.utils import translation

from portal.errors import server_error
from rusmeco_events.models import EventPage
from tests.browser.accessibility_walk import Visit, Walker, member_for_walk, visits
from tests.browser.conftest import new_context
from tests.factories import RegistrationFactory

pytestmark = pytest.mark.database_independent

WIDTHS = [(375, 812), (1280, 900)]
LANGUAGES = ("ru", "en")


def server_error_page(language):
    """The 500 page exactly as handler500 renders it."""
    request = RequestFactory().get(f"/{language}/")
    with translation.override(language):
        return server_error(request).content.decode()


def serve_the_500_page(context, base_url):
    """Answers /xx/server-error-page/ in this browser with the real 500
    page (the portal has no address that fails on purpose)."""

    def answer_with(body):
        def handler(route):
            route.fulfill(status=500, body=body, content_type="text/html; charset=utf-8")

        return handler

    for language in LANGUAGES:
        context.route(
            f"{base_url}/{language}/server-error-page/", answer_with(server_error_page(language))
        )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_page_type_passes_axe_in_both_languages_at_both_widths(browser, live_server):
    started = time.monotonic()
    call_command("load_demo_content", stdout=io.StringIO())
    loaded = time.monotonic()

    member = member_for_walk()
    event = EventPage.objects.live().filter(locale__language_code="ru").order_by("-start").first()
    RegistrationFactory(event=event, user=member)
    session = Client()
    session.force_login(member)
    member_cookie = {
        "name": settings.SESSION_COOKIE_NAME,
        "value": session.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }

    walk = {}
    for language in LANGUAGES:
        pages = visits(language, member=member, registered_event=event)
        pages.append(Visit("500", f"/{language}/server-error-page/", status=500))
        walk[language] = pages
    contexts, walkers = [], []
    for width, height in WIDTHS:
        context = new_context(browser, viewport={"width": width, "height": height})
        serve_the_500_page(context, live_server.url)
        contexts.append(context)
        walkers.append(Walker(context, live_server.url, width))
    for who in ("guest", "member"):
        if who == "member":
            for context in contexts:
                context.add_cookies([member_cookie])
        for language in LANGUAGES:
            for visit in walk[language]:
                if visit.who != who:
                    continue
                for walker in walkers:
                    walker.open(visit)
                for walker in walkers:
                    walker.collect(visit)
    for context in contexts:
        context.close()
    findings = [finding for walker in walkers for finding in walker.findings]
    structure = [problem for walker in walkers for problem in walker.structure]
    checked = sum(walker.checked for walker in walkers)
    walked = time.monotonic()

    print(
        f"\naccessibility walk: demo loaded in {loaded - started:.1f} s, "
        f"{checked} pages checked in {walked - loaded:.1f} s; moderate or minor: "
        f"{sorted({finding.rule for walker in walkers for finding in walker.minor})}"
    )
    assert checked == 2 * sum(len(pages) for pages in walk.values())
    report = "\n".join(sorted({str(finding) for finding in findings}))
    assert not findings, f"{len(findings)} serious or critical violations:\n{report}"
    assert not structure, "\n".join(sorted(set(structure)))

    check_reduced_motion_and_print(browser, live_server, walk["ru"])
    check_calendar_by_keyboard(browser, live_server, walk["ru"])


def check_reduced_motion_and_print(browser, live_server, pages):
    context = new_context(browser)
    page = context.new_page()
    article = next(visit for visit in pages if visit.label == "article")
    page.goto(live_server.url + article.path)

    # The main menu's links fade their background on hover: not when the
    # visitor asked the system for less motion.
    menu_link = page.locator(".main-menu a").first
    duration = "element => getComputedStyle(element).transitionDuration"
    assert menu_link.evaluate(duration) != "0s"
    page.emulate_media(reduced_motion="reduce")
    assert menu_link.evaluate(duration) == "0s"
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"

    # On paper: the article without the menus, the footer and the buttons,
    # and the addresses of its links written out.
    page.emulate_media(media="print")
    assert not page.locator(".main-nav").is_visible()
    assert not page.locator(".site-footer").is_visible()
    assert not page.locator(".header-search").is_visible()
    body = page.locator("main .library-item-body")
    assert body.is_visible()
    context.close()


def check_calendar_by_keyboard(browser, live_server, pages):
    """The month grid is a table whose events are reached with Tab, in the
    order of the days."""
    context = new_context(browser)
    page = context.new_page()
    month = next(visit for visit in pages if visit.label == "calendar month")
    page.goto(live_server.url + month.path)
    grid = page.locator("table.month-grid")
    assert grid.locator("caption").count() == 1
    assert grid.locator("thead th[scope=col]").count() == 7
    events = grid.locator("td a")
    assert events.count() > 0
    page.locator(".month-nav a").last.focus()
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('table.month-grid') !== null"):
            break
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == events.first.get_attribute("href")
    page.keyboard.press("Tab")
    if events.count() > 1:
        focused = page.evaluate("document.activeElement.getAttribute('href')")
        assert focused == events.nth(1).get_attribute("href")
    context.close()
