"""Event pages render in a number of SQL queries that does not grow with
the number of events, themes or registrations: at most 15 for an
anonymous visitor (once the site frame is cached), measured with small and
large content."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.demo import child_page
from rusmeco_events.models import LearningPage, Registration
from tests.factories import EventPageFactory, MemberFactory, translate
from tests.helpers import MOSCOW, at, logged_in, warm_queries

BUDGET = 15
MEMBER_BUDGET = 20  # a member's page also loads their session, account and registration
# Right after the caches were emptied a page also rebuilds the site frame
# (home, menu and footer: 3 queries), Wagtail's site root paths (1) and the
# cached regions and themes (1).
COLD_BUDGET = BUDGET + 5


def add_events(calendar, regions, topics, first, count):
    """`count` events from number `first` on: upcoming ones in May 2030 and,
    every fourth, a past one in March 2025; each with every theme, a region
    and registrations of twenty members."""
    members = list(get_user_model().objects.filter(username__startswith="budget-"))
    region_list = list(regions.values())
    for number in range(first, first + count):
        start = (
            at(MOSCOW, 2025, 3, 1 + number % 28, 18, 0)
            if number % 4 == 3
            else at(MOSCOW, 2030, 5, 1 + number % 28, 10 + number % 8, 0)
        )
        event = EventPageFactory(
            parent=calendar,
            slug=f"event-{number}",
            title=f"Событие {number}",
            kind=["meeting", "online", "training"][number % 3],
            training_format="blended" if number % 3 == 2 else "",
            region=region_list[number % 3],
            start=start,
            end=start + datetime.timedelta(days=number % 2, hours=3),
            capacity=10,
            topics=list(topics.values()),
            speakers=[("speaker", {"name": f"Докладчик {number}", "role": "", "about": ""})],
        )
        translate(event, title=f"Event {number}")
        Registration.objects.bulk_create(
            Registration(
                event=event,
                user=member,
                language="ru",
                status="confirmed" if index < 10 else "waiting",
            )
            for index, member in enumerate(members)
        )


@pytest.fixture
def site_content(calendar_ru, calendar_en, home_ru, home_en, about_en, contact_en, regions, topics):
    """A site like the real one (menu, footer, site settings), and a
    function that adds events to it."""
    for number in range(20):
        MemberFactory(username=f"budget-{number}")
    learning = child_page(home_ru, LearningPage, "learning", title="Обучение", show_in_menus=True)
    translate(learning, title="Learning")

    def grow(first, count):
        add_events(calendar_ru, regions, topics, first, count)

    return grow


URLS = [
    "/ru/events/",
    "/en/events/",
    "/ru/events/archive/",
    "/ru/events/calendar/2030-05/",
    "/en/events/calendar/2030-05/",
    "/ru/events/?region=moscow&theme=ipr&kind=meeting",
    "/ru/events/event-1/",
    "/en/events/event-1/",
    "/ru/events/event-3/",  # a past event
    "/ru/learning/",
    "/en/learning/",
    "/ru/events/feed/",
    "/ru/events/feed/theme/ipr/",
    "/ru/events/event-1/ics/",
    "/ru/",
]


MEMBER_URLS = ["/ru/events/event-1/", "/ru/events/event-5/", "/ru/events/"]
COLD_URLS = ["/ru/events/", "/ru/events/calendar/2030-05/", "/ru/events/event-1/", "/ru/learning/"]


def queries_of(client, urls):
    return {url: len(warm_queries(client, url)) for url in urls}


def cold_queries_of(client, urls):
    counts = {}
    for url in urls:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts[url] = len(queries)
    return counts


# Every page is measured on the same content, small and then large:
# building forty translated events is the slow part, so it is built once.


@pytest.mark.django_db
def test_event_pages_stay_within_budget_as_content_grows(client, site_content):
    site_content(0, 4)
    small = queries_of(client, URLS)
    small_cold = cold_queries_of(client, COLD_URLS)
    site_content(4, 4)  # 8 events: event-5 is one of them
    # budget-15 waits on every event.
    member = logged_in(get_user_model().objects.get(username="budget-15"))
    small_member = queries_of(member, MEMBER_URLS)

    site_content(8, 32)  # 4 -> 40 events, 80 -> 800 registrations
    large = queries_of(client, URLS)
    large_cold = cold_queries_of(client, COLD_URLS)
    large_member = queries_of(member, MEMBER_URLS)

    assert {url: n for url, n in small.items() if n > BUDGET} == {}
    assert large == small
    assert {url: n for url, n in small_member.items() if n > MEMBER_BUDGET} == {}
    assert large_member == small_member
    assert {url: n for url, n in small_cold.items() if n > COLD_BUDGET} == {}
    assert large_cold == small_cold
