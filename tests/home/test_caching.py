"""Cached values are kept until a generation they depend on advances."""

from unittest import mock

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from home import caching
from home.caching import Generation, cached


def counting_builds(value="built"):
    builds = []

    def build():
        builds.append(value)
        return f"{value} {len(builds)}"

    return build, builds


def test_a_value_is_built_once_until_its_generation_advances():
    pages = Generation("test-pages")
    build, builds = counting_builds()

    first = cached("test:menu", build, pages, timeout=60)
    again = cached("test:menu", build, pages, timeout=60)
    pages.advance()
    after_change = cached("test:menu", build, pages, timeout=60)

    assert first == again == "built 1"
    assert after_change == "built 2"
    assert len(builds) == 2


def test_a_value_follows_each_of_its_generations_and_no_other():
    pages, taxonomy, other = Generation("test-p"), Generation("test-t"), Generation("test-o")
    build, builds = counting_builds()

    cached("test:sidebar", build, pages, taxonomy, timeout=60)
    other.advance()
    cached("test:sidebar", build, pages, taxonomy, timeout=60)
    assert len(builds) == 1

    taxonomy.advance()
    cached("test:sidebar", build, pages, taxonomy, timeout=60)
    pages.advance()
    cached("test:sidebar", build, pages, taxonomy, timeout=60)
    assert len(builds) == 3


def test_keys_keep_values_apart():
    pages = Generation("test-pages")

    assert cached("test:ru", lambda: "русский", pages, timeout=60) == "русский"
    assert cached("test:en", lambda: "English", pages, timeout=60) == "English"
    assert cached("test:ru", lambda: "rebuilt", pages, timeout=60) == "русский"


def test_advancing_an_evicted_generation_never_brings_old_values_back():
    pages = Generation("test-pages")
    build, builds = counting_builds()
    before = pages.current()
    cached("test:frame", build, pages, timeout=60)

    cache.delete(pages.key)  # evicted, then advanced by a change
    pages.advance()

    assert pages.current() != before
    assert cached("test:frame", build, pages, timeout=60) == "built 2"
    pages.advance()
    assert cached("test:frame", build, pages, timeout=60) == "built 3"


def test_an_evicted_generation_starts_afresh_when_read():
    pages = Generation("test-pages")
    before = pages.current()

    cache.delete(pages.key)

    assert pages.current() not in (None, before)


def test_a_warm_value_costs_two_cache_round_trips_whatever_its_generations():
    generations = [Generation(f"test-{number}") for number in range(3)]
    cached("test:warm", lambda: "value", *generations, timeout=60)

    with mock.patch.object(caching, "cache", mock.Mock(wraps=cache)) as spy:
        assert cached("test:warm", lambda: "rebuilt", *generations, timeout=60) == "value"

    assert [call[0] for call in spy.method_calls] == ["get_many", "get"]


def test_the_timeout_is_kept():
    pages = Generation("test-pages")

    with mock.patch.object(caching, "cache", mock.Mock(wraps=cache)) as spy:
        cached("test:short", lambda: "value", pages, timeout=60)

    assert spy.set.call_args.args[2] == 60


def in_a_request(function):
    """Run `function` as a request would (between Django's request
    signals), without the database connection's handling, as Django's test
    client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    request_started.send(sender=None)
    try:
        return function()
    finally:
        request_finished.send(sender=None)
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_a_change_made_during_a_request_shows_in_that_request():
    pages = Generation("test-pages")
    build, builds = counting_builds()

    def request():
        first = cached("test:menu", build, pages, timeout=60)
        pages.advance()
        return first, cached("test:menu", build, pages, timeout=60)

    assert in_a_request(request) == ("built 1", "built 2")


def test_a_change_made_by_another_server_shows_from_the_next_request():
    pages = Generation("test-pages")
    build, builds = counting_builds()

    def request():
        first = cached("test:menu", build, pages, timeout=60)
        cache.incr(pages.key)  # another app server publishes a page
        return first, cached("test:menu", build, pages, timeout=60)

    # One request reads each generation once: it shows one state throughout.
    assert in_a_request(request) == ("built 1", "built 1")
    assert in_a_request(lambda: cached("test:menu", build, pages, timeout=60)) == "built 2"
    # Outside a request (a command, a task) nothing is remembered.
    cache.incr(pages.key)
    assert cached("test:menu", build, pages, timeout=60) == "built 3"


def test_a_generation_of_one_object_is_one_counter_however_often_it_is_made():
    """Per-object generations (a comment thread's, a member's follows) are
    made afresh for each use: each is the same counter, and none is kept in
    the list templates name generations from, which would otherwise grow
    with every item a worker shows."""
    build, builds = counting_builds()

    cached("test:thread", build, Generation("test-thread:7", listed=False), timeout=60)
    cached("test:thread", build, Generation("test-thread:7", listed=False), timeout=60)
    Generation("test-thread:7", listed=False).advance()
    cached("test:thread", build, Generation("test-thread:7", listed=False), timeout=60)

    assert len(builds) == 2
    assert "test-thread:7" not in Generation.named
    assert len({Generation("test-thread:7", listed=False) for _ in range(3)}) == 1


def test_the_generations_of_a_request_are_read_in_one_round_trip():
    """A page's parts ask for their generations one after another (the menu
    for pages, the themes for taxonomy ...): the first read takes them all."""
    pages, taxonomy = Generation("test-pages"), Generation("test-taxonomy")
    cached("test:menu", lambda: "menu", pages, timeout=60)
    cached("test:themes", lambda: "themes", taxonomy, timeout=60)

    def request():
        with mock.patch.object(caching, "cache", mock.Mock(wraps=cache)) as spy:
            menu = cached("test:menu", lambda: "rebuilt", pages, timeout=60)
            themes = cached("test:themes", lambda: "rebuilt", taxonomy, timeout=60)
        return menu, themes, [call[0] for call in spy.method_calls]

    menu, themes, calls = in_a_request(request)

    assert (menu, themes) == ("menu", "themes")
    assert calls == ["get_many", "get", "get"]


def test_a_generation_read_ahead_still_shows_a_change_made_in_the_request():
    pages, taxonomy = Generation("test-pages"), Generation("test-taxonomy")
    build, builds = counting_builds()

    def request():
        cached("test:menu", lambda: "menu", pages, timeout=60)  # reads taxonomy too
        first = cached("test:themes", build, taxonomy, timeout=60)
        taxonomy.advance()
        return first, cached("test:themes", build, taxonomy, timeout=60)

    assert in_a_request(request) == ("built 1", "built 2")
