"""The data generator (bench/generate_data.py) at a tiny scale, on the
test database: what it writes is counted, the page tree stays sound, and
a page of each kind serves in both languages.

Demo content and generation take many seconds, so they run once for this
module, in a transaction rolled back after its last test (as tests/demo
does)."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction

from bench.bulk import build_index
from bench.generate_data import check, figures, generate, parse_args

COUNTS = {"items": 40, "members": 30, "events": 6, "registrations": 50, "comments": 400}


@pytest.fixture(scope="module")
def generated_site(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", stdout=io.StringIO())
        before = _counts()
        generate(dict(COUNTS), seed=3, password="a-member-password")
        build_index(progress=False)
        yield before
        transaction.set_rollback(True)


@pytest.fixture
def before(generated_site, db):
    """The demo's counts, before generation; the generated site is in the database."""
    return generated_site


def _counts():
    from django.contrib.auth.models import User
    from django_comments_xtd.models import XtdComment

    from community.models import Profile
    from forums.models import Post
    from library.models import LibraryItemPage
    from rusmeco_events.models import EventPage, Registration

    return {
        "item pages": LibraryItemPage.objects.count(),
        "event pages": EventPage.objects.count(),
        "members": User.objects.count(),
        "profiles": Profile.objects.count(),
        "registrations": Registration.objects.count(),
        "comments": XtdComment.objects.count(),
        "posts": Post.objects.count(),
    }


def test_scale_sets_every_figure_in_proportion():
    counts = figures(parse_args(["--scale", "1000"]))
    assert counts == {
        "items": 1000,
        "members": 100,
        "events": 10,
        "registrations": 500,
        "comments": 10_000,
    }
    assert figures(parse_args([])) == figures(parse_args(["--scale", "100000"]))


def test_everything_asked_for_is_written(before):
    after = _counts()
    added = {name: after[name] - before[name] for name in after}
    assert added == {
        "item pages": 2 * COUNTS["items"],
        "event pages": 2 * COUNTS["events"],
        "members": COUNTS["members"],
        "profiles": COUNTS["members"],
        "registrations": COUNTS["registrations"],
        "comments": COUNTS["comments"] // 2,
        "posts": COUNTS["comments"] // 2,
    }


def test_each_item_has_its_translation_in_the_other_library(before):
    from django.db.models import Count

    from library.models import LibraryIndexPage, LibraryItemPage

    generated = LibraryItemPage.objects.filter(slug__startswith="item-")
    pairs = (
        generated.order_by()
        .values("translation_key")
        .annotate(n=Count("pk"), langs=Count("locale", distinct=True))
    )
    assert {(pair["n"], pair["langs"]) for pair in pairs} == {(2, 2)}
    for library in LibraryIndexPage.objects.all():
        mine = generated.filter(locale=library.locale)
        assert mine.count() == COUNTS["items"]
        assert mine.child_of(library).count() == COUNTS["items"]
        assert all(page.topics.exists() for page in mine.specific()[:5])


def test_the_page_tree_stays_sound(before):
    from wagtail.models import Page

    assert all(not problem for problem in Page.find_problems())


def test_registrations_belong_to_the_events_first_page(before):
    from rusmeco_events.models import EventPage, Registration

    generated = EventPage.objects.filter(slug__startswith="event-")
    firsts = {event.registration_event.pk for event in generated}
    registered = set(
        Registration.objects.filter(event__in=generated).values_list("event", flat=True)
    )
    assert registered and registered <= firsts


def test_members_can_sign_in_with_the_given_password(before, client):
    from django.contrib.auth.models import User

    member = User.objects.get(username="member0")
    assert member.check_password("a-member-password")
    assert not member.check_password("another-password")
    assert member.emailaddress_set.filter(verified=True, primary=True).exists()


def test_a_page_of_each_kind_serves_in_both_languages(before):
    output = io.StringIO()
    assert check(output) == []
    served = output.getvalue()
    for url in ("/ru/library/item-", "/en/library/item-", "/en/events/event-", "/member/"):
        assert url in served
