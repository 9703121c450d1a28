"""Values kept in the cache until what they are built from changes.

A generation is a counter in the cache that one kind of change advances (a
page published, a theme renamed ...). A cached value's key carries the
current number of every generation it is built from, so after a change the
next view builds the value afresh under a new key and the old entries
simply expire: nothing has to know which keys to delete.
"""

import time

from django.core.cache import cache


def _fresh_start():
    # A generation that was never set, or was evicted, starts again from
    # the clock, never at a number whose old entries may still be cached.
    return time.time_ns()


class Generation:
    """A counter of one kind of change. Use one for each kind of change
    that makes cached values stale: advance it from the signals of that
    change (`advance` is a signal receiver) and pass it to `cached` with
    every value built from what changed."""

    def __init__(self, name):
        self.key = f"generation:{name}"

    def current(self):
        return cache.get_or_set(self.key, _fresh_start, None)

    def advance(self, **kwargs):
        _unadvanced.add(self)
        _advance_waiting()

    def _try_advance(self):
        """Advance the counter; True if the cache has it afterwards."""
        try:
            cache.incr(self.key)
        except ValueError:  # not in the cache: never set, evicted, or unreachable
            cache.set(self.key, _fresh_start(), None)
        return cache.get(self.key) is not None


# Generations whose advance the cache did not take (Redis was down): until
# it does, every read of the generations tries again, so entries cached
# before the change cannot be served once Redis answers again.
_unadvanced = set()


def _advance_waiting():
    for generation in list(_unadvanced):
        if generation._try_advance():
            _unadvanced.discard(generation)


# Advanced when a page is published, unpublished, moved or deleted, a view
# restriction changes or the site settings are saved (home/navigation.py).
PAGES = Generation("pages")
# Advanced when a theme or a region is saved or deleted (home/terms.py).
TAXONOMY = Generation("taxonomy")


def advance_waiting():
    """Try again the advances the cache did not take. True when none is
    left waiting: what the cache holds may be trusted."""
    if _unadvanced:
        _advance_waiting()
    return not _unadvanced


def cached(key, build, *generations, timeout):
    """`build()`'s value, from the cache until one of `generations` advances
    (or for `timeout` seconds). Use it for what many views show and few
    changes alter: `key` names the value and what it varies by (the site,
    the language ...), the generations name the changes that make it stale.
    A warm value costs two cache round trips, however many generations."""
    key = ":".join([key, *(str(number) for number in _current(generations))])
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    return value


def _current(generations):
    """The current numbers of `generations`, read together."""
    if _unadvanced:
        _advance_waiting()
    found = cache.get_many([generation.key for generation in generations]) if generations else {}
    return [
        found[generation.key] if generation.key in found else generation.current()
        for generation in generations
    ]
