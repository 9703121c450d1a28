"""Every page of the demo site speaks one language: no English interface
on a Russian page, no Russian on an English page (tests/page_language.py
says what the interface is and what is content).

The walk visits one page of each kind in both languages, as a visitor and
as a member: the Wagtail pages of each type, the routes inside them (a
theme, the calendar, a member's profile, a topic, a blog post...), the
account pages (with a form's errors too), search, the notification centre
and the 404 page. It is imported into test_demo_content.py, so that it
runs on the demo site that module builds once.
"""

import re

from django.test import Client
from wagtail.models import Page

from notifications.models import Notification
from tests.page_language import foreign_words, interface_text

LANGUAGES = ("ru", "en")
HREF = re.compile(r'href="(/(?:ru|en)/[^"#]*)"')
RADIO = re.compile(r'<input type="radio" name="([^"]+)" value="([^"]+)"')
# Routes inside the pages: the first link of each kind found on the pages
# already visited is visited too.
ROUTES = {
    "library theme": r"/library/topic/[\w-]+/$",
    "events archive": r"/archive/$",
    "calendar": r"/calendar/$",
    "calendar month": r"/calendar/\d{4}-\d{2}/$",
    "member profile": r"/people/member/\d+/$",
    "company profile": r"/people/company/[\w-]+/$",
    "companies": r"/people/companies/$",
    "forum topic": r"/t/\d+/$",
    "new topic": r"/new/$",
    "member's blog": r"/blogs/\d+/$",
    "blog post": r"/blogs/\d+/[\w-]+/$",
    "write a post": r"/blogs/write/$",
    "partnerships for you": r"/for-you/$",
    "write a listing": r"/partners/write/$",
    "partnership contacts": r"/contacts/$",
    "assessment results": r"/results/$",
}
APP_PAGES = {
    "visitor": [
        "accounts/signup/",
        "accounts/login/",
        "accounts/password/reset/",
        "search/?q=export",
        "search/?q=zzqxjv",
        "search/",
        "no-such-page/",
    ],
    "member": [
        "accounts/profile/",
        "accounts/profile/edit/",
        "accounts/companies/",
        "accounts/companies/new/",
        "accounts/data/",
        "accounts/email/",
        "accounts/password/change/",
        "notifications/",
        "notifications/settings/",
    ],
}


def page_urls(language):
    """One live page of each type in the language: {type's name: URL}."""
    urls = {}
    pages = Page.objects.live().filter(locale__language_code=language, depth__gt=1)
    for page in pages.order_by("path").specific():
        urls.setdefault(type(page).__name__, page.get_url())
    return urls


def problems_of(client, url, language, method="get", data=None):
    response = getattr(client, method)(url, data or {}, follow=method == "post")
    if response.status_code in (301, 302):  # a visitor sent to log in: seen as a member
        return [], []
    assert response.status_code in (200, 400, 404), (url, response.status_code)
    html = response.content.decode()
    links = HREF.findall(html)
    found = [
        f"{url} {where}: {word!r} in {text[:90]!r}"
        for where, word, text in foreign_words(interface_text(html), language)
    ]
    return found, links


def walk(client, language, who):
    """The URLs visited, the problems found and the names of the routes found."""
    seen, problems, links, routes = set(), [], [], set()

    def visit(url, method="get", data=None):
        if (url, method) in seen:
            return
        seen.add((url, method))
        found, more = problems_of(client, url, language, method, data)
        problems.extend(found)
        links.extend(more)

    pages = page_urls(language)
    for url in pages.values():
        visit(url)
    for path in APP_PAGES[who]:
        visit(f"/{language}/{path}")
    if who == "visitor":
        visit(
            f"/{language}/accounts/login/", "post", {"login": "nobody@x.example", "password": "x"}
        )
        visit(f"/{language}/accounts/signup/", "post", {"email": "not an address"})
    for name, pattern in ROUTES.items():
        match = next((link for link in links if re.search(pattern, link)), None)
        if match:
            routes.add(name)
            visit(match.replace("&amp;", "&"))
    visit(f"{pages['LibraryIndexPage']}?type=case_study&year=2006")
    if who == "member":
        visit(f"{pages['PartnershipsIndexPage']}mine/")
    assessment = pages["AssessmentPage"]
    visit(assessment, "post", {})  # nothing chosen: the form's errors
    answers = dict(RADIO.findall(client.get(assessment).content.decode()))
    visit(assessment, "post", answers)  # the result
    return seen, problems, routes


def test_every_page_speaks_the_language_of_its_address(demo):
    # A member with notifications, companies and listings of the demo.
    member = Notification.objects.order_by("pk").first().recipient
    everyone = []
    visited = 0
    routes = set()
    for who in ("visitor", "member"):
        client = Client()
        if who == "member":
            client.force_login(member)
        for language in LANGUAGES:
            seen, problems, found = walk(client, language, who)
            visited += len(seen)
            routes |= found
            everyone.extend(f"[{who}] {problem}" for problem in problems)
    assert visited > 150
    assert routes == set(ROUTES), f"no link found to {set(ROUTES) - routes}"
    assert not everyone, f"{len(everyone)} interface words in the other language:\n" + "\n".join(
        sorted(set(everyone))
    )
