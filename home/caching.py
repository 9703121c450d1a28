"""Values kept in the cache until what they are built from changes.

A generation is a counter in the cache that one kind of change advances (a
page published, a theme renamed ...). A cached value's key carries the
current number of every generation it is built from, so after a change the
next view builds the value afresh under a new key and the old entries
simply expire: nothing has to know which keys to delete.
"""

import threading
import time

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction


def _fresh_start():
    # A generation that was never set, or was evicted, starts again from
    # the clock, never at a number whose old entries may still be cached.
    return time.time_ns()


class Generation:
    """A counter of one kind of change. Use one for each kind of change
    that makes cached values stale: advance it from the signals of that
    change (`advance` is a signal receiver) and pass it to `cached` with
    every value built from what changed."""

    # Every generation by its name: a template names the ones a fragment
    # is built from ({% shared_fragment … also="…" %}, portal_tags).
    named = {}

    def __init__(self, name, *, listed=True):
        """`listed`: templates may name it. A generation of one object or
        one member (made afresh for each use) is not listed, so the list
        does not grow with every item or member a worker reads about."""
        self.key = f"generation:{name}"
        if listed:
            Generation.named[name] = self

    def __eq__(self, other):
        # Per-object generations are made afresh for each use: two of one
        # name are the same counter (see _unadvanced).
        return isinstance(other, Generation) and other.key == self.key

    def __hash__(self):
        return hash(self.key)

    def current(self):
        return cache.get_or_set(self.key, _fresh_start, None)

    def advance(self, **kwargs):
        _unadvanced.add(self)
        _advance_waiting()
        # A request that changes something sees the change in what it
        # shows after it (a redirect's next page is another request anyway).
        _forget_read_generations()

    def changed(self, **kwargs):
        """Advance now, and again when the transaction that made the change
        commits (a value built in between read the old rows). A signal
        receiver; call it after a write that sends no signal."""
        self.advance()
        connection = transaction.get_connection()
        # Once per transaction, however many rows it changes (Django keeps
        # the callbacks as (savepoints, function, robust)).
        if connection.in_atomic_block and not any(
            waiting[1] == self.advance for waiting in connection.run_on_commit
        ):
            transaction.on_commit(self.advance)

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
# restriction changes, a site or the site settings are saved (home/navigation.py).
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


# The generation numbers read during the current request: a page asks for
# a dozen cached values built from the same two or three generations, and
# each read of them is a round trip to Redis. Within one request a number
# read once stands (a change made meanwhile by another request shows from
# the next one, as if this request had come a moment earlier); outside a
# request (commands, tasks) nothing is remembered.
_request = threading.local()


def _start_request(**kwargs):
    _request.generations = {}


def _end_request(**kwargs):
    _request.generations = None


def _forget_read_generations():
    if getattr(_request, "generations", None):
        _request.generations = {}


request_started.connect(_start_request, dispatch_uid="home-caching-start")
request_finished.connect(_end_request, dispatch_uid="home-caching-end")


def _current(generations):
    """The current numbers of `generations`, read together (each at most
    once per request). Within a request, the first read also takes every
    listed generation not read yet: a page's parts ask for theirs one after
    another, and one round trip for all of them costs what one for a single
    generation does."""
    if _unadvanced:
        _advance_waiting()
    read = getattr(_request, "generations", None)
    in_request = read is not None
    if not in_request:
        read = {}
    missing = [generation.key for generation in generations if generation.key not in read]
    if missing and in_request:
        missing += [
            generation.key
            for generation in Generation.named.values()
            if generation.key not in read and generation.key not in missing
        ]
    found = cache.get_many(missing) if missing else {}
    numbers = []
    for generation in generations:
        if generation.key in read:
            number = read[generation.key]
        elif generation.key in found:
            number = found[generation.key]
        else:
            number = generation.current()
        numbers.append(number)
    if in_request and not _unadvanced:
        # Those read ahead and found; one the cache lacks is set when asked for.
        read.update(found)
        for generation, number in zip(generations, numbers, strict=True):
            read[generation.key] = number
    return numbers
