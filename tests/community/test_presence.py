"""Who's new and who's online on the home page; "last seen" costs at most
one write per member every few minutes, and guests cost no write at all."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from community import presence
from community.models import Profile
from home.models import SiteSettings
from tests.factories import MemberFactory
from tests.helpers import logged_in

BUDGET = 15


def online_section(html):
    return html.split('id="whos-online-title"', 1)[1].split("</section>", 1)[0]


def updates_of_last_seen(queries):
    return [q for q in queries if q["sql"].startswith("UPDATE") and "last_seen" in q["sql"]]


@pytest.mark.django_db
def test_last_seen_is_written_once_per_interval_not_per_request(people_ru, anna, anna_client):
    with CaptureQueriesContext(connection) as queries:
        for _ in range(5):
            anna_client.get("/ru/people/")

    assert len(updates_of_last_seen(queries)) == 1
    first = Profile.objects.get(user=anna).last_seen
    assert first is not None and timezone.now() - first < timedelta(minutes=1)


@pytest.mark.django_db
def test_last_seen_is_written_again_after_the_interval(anna, rf, monkeypatch):
    request = rf.get("/")
    request.user = anna
    start = timezone.now()
    presence.record_visit(request, now=start)

    # The cache entry that holds back writes has expired.
    from django.core.cache import cache

    cache.delete(f"presence:member:{anna.pk}")
    presence.record_visit(request, now=start + presence.WRITE_INTERVAL)

    assert Profile.objects.get(user=anna).last_seen == start + presence.WRITE_INTERVAL


@pytest.mark.django_db
def test_guests_are_counted_without_writing_to_the_database(home_ru, site):
    SiteSettings.for_site(site)  # made on the first view otherwise
    with CaptureQueriesContext(connection) as queries:
        for number in range(3):
            guest = Client(REMOTE_ADDR=f"192.0.2.{number}")
            guest.get("/ru/")
            guest.get("/ru/")  # the same guest again: still one

    writes = [q for q in queries if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]
    assert writes == []
    assert presence.guests_online() == 3


@pytest.mark.django_db
def test_guests_seen_longer_ago_than_the_window_are_not_counted(home_ru, rf):
    request = rf.get("/", REMOTE_ADDR="192.0.2.1")
    long_ago = timezone.now() - presence.ONLINE_WINDOW - timedelta(minutes=1)
    presence.record_guest(request, long_ago)

    assert presence.guests_online() == 0


@pytest.mark.django_db
def test_new_guests_per_minute_are_bounded(home_ru, rf, monkeypatch):
    monkeypatch.setattr(presence, "MAX_NEW_GUESTS_PER_MINUTE", 5)
    now = timezone.now()

    for number in range(20):
        presence.record_guest(rf.get("/", REMOTE_ADDR=f"192.0.2.{number}"), now)

    assert presence.guests_online(now) == 5


@pytest.mark.django_db
def test_whos_online_lists_visible_members_and_counts_guests(home_en, people_en):
    now = timezone.now()
    for login, visibility in [("pia", "public"), ("mila", "members"), ("pavel", "private")]:
        user = MemberFactory(
            username=login, name=f"{login.title()} Online", profile__visibility=visibility
        )
        Profile.objects.filter(user=user).update(last_seen=now)
    away = MemberFactory(username="otto", name="Otto Away", profile__visibility="public")
    Profile.objects.filter(user=away).update(last_seen=now - timedelta(minutes=20))
    Client(REMOTE_ADDR="192.0.2.50").get("/en/about/")  # a guest elsewhere on the site

    visitor_page = Client().get("/en/").text
    viktor = MemberFactory(username="viktor", name="Viktor", profile__visibility="private")
    member_page = logged_in(viktor).get("/ru/").text
    visitor, member = online_section(visitor_page), online_section(member_page)

    assert "Who's online" in visitor
    assert "Pia Online" in visitor and "Mila Online" not in visitor
    assert "Pavel Online" not in visitor and "Otto Away" not in visitor
    assert "3 members · 2 guests" in visitor  # Pia, Mila, Pavel; the two guests
    assert "and 2 more" in visitor
    assert "Сейчас на сайте" in member
    assert "Pia Online" in member and "Mila Online" in member and "Pavel Online" not in member
    assert "4 участника · 2 гостя" in member  # Viktor is online now too


@pytest.mark.django_db
def test_whos_new_shows_the_newest_listed_members(home_en, people_en):
    for number in range(8):
        MemberFactory(
            username=f"new{number}", name=f"Newcomer {number}", profile__visibility="public"
        )
    MemberFactory(username="hidden", name="Hidden Newcomer", profile__visibility="private")
    MemberFactory(username="club", name="Club Newcomer", profile__visibility="members")

    visitor = Client().get("/en/").text

    assert "Who's new" in visitor
    assert "Newcomer 7" in visitor and "Newcomer 2" in visitor
    assert "Newcomer 1<" not in visitor  # only the six newest
    assert "Hidden Newcomer" not in visitor and "Club Newcomer" not in visitor
    assert 'href="/en/people/member/' in visitor
    assert (
        "Club Newcomer"
        in logged_in(MemberFactory(username="m", profile__visibility="private")).get("/en/").text
    )


@pytest.mark.django_db
def test_a_profile_change_shows_on_the_home_page_at_once(home_ru, people_ru, anna):
    client = Client()
    assert "Анна Соколова" in client.get("/ru/").text

    profile = Profile.objects.get(user=anna)
    profile.visibility = "private"
    profile.save()

    assert "Анна Соколова" not in client.get("/ru/").text


@pytest.mark.django_db
def test_home_page_stays_within_budget_as_members_grow(home_en, people_en):
    def home_queries():
        client = Client()
        client.get("/en/")
        client.get("/en/")  # the first view may create the site settings
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/").status_code == 200
        return len(queries)

    def add(start, count):
        for number in range(start, start + count):
            user = MemberFactory(
                username=f"u{number}", name=f"Member {number}", profile__visibility="public"
            )
            Profile.objects.filter(user=user).update(last_seen=timezone.now())

    add(0, 2)
    small = home_queries()
    add(2, 40)
    large = home_queries()

    assert small <= BUDGET
    assert large == small


@pytest.mark.django_db
def test_home_sections_cost_few_queries_even_when_cold(home_en, people_en):
    from django.core.cache import cache

    for number in range(20):
        MemberFactory(username=f"u{number}", name=f"Member {number}", profile__visibility="public")
    cache.clear()

    with CaptureQueriesContext(connection) as queries:
        Client().get("/en/")

    # (Regional news in "What's new" is counted by its own tests.)
    ours = [q for q in queries if "community_" in q["sql"] and "community_newspage" not in q["sql"]]
    # The directory page (its view restrictions in the same query), the
    # newest members, the members online with their count.
    assert len(ours) == 3


class CountingCache:
    """The cache, counting the lookups made through it."""

    def __init__(self, cache):
        self.cache, self.lookups = cache, 0

    def get(self, *args, **kwargs):
        self.lookups += 1
        return self.cache.get(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.cache, name)


@pytest.mark.django_db
def test_a_guest_reading_page_after_page_costs_no_cache_lookup_within_a_minute(
    home_ru, rf, monkeypatch
):
    from django.core.cache import cache

    counting = CountingCache(cache)
    monkeypatch.setattr(presence, "cache", counting)
    request = rf.get("/", REMOTE_ADDR="192.0.2.7")
    now = timezone.now()
    presence.record_guest(request, now)
    counting.lookups = 0

    for seconds in (5, 20, 50):
        presence.record_guest(request, now + timedelta(seconds=seconds))

    assert counting.lookups == 0
    assert presence.guests_online(now) == 1
    presence.record_guest(request, now + presence.RECHECK + timedelta(seconds=1))
    assert counting.lookups == 1  # asked again after a minute: still counted once
    assert presence.guests_online(now + presence.RECHECK) == 1


@pytest.mark.django_db
def test_a_guest_back_after_the_window_is_counted_again(home_ru, rf):
    request = rf.get("/", REMOTE_ADDR="192.0.2.8")
    start = timezone.now() - presence.ONLINE_WINDOW - timedelta(minutes=2)
    presence.record_guest(request, start)
    assert presence.guests_online() == 0

    # The cache forgot the guest with the window; this process rechecks.
    from django.core.cache import cache

    cache.delete(f"presence:guest:{presence.guest_key(request)}")
    presence.record_guest(request, timezone.now())

    assert presence.guests_online() == 1
