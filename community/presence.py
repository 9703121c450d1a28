"""Who is on the portal: "last seen" for members, a count of guests.

Members: their profile's `last_seen` is written at most once every
WRITE_INTERVAL per member; the cache remembers when it was last written,
so an active member costs one UPDATE every few minutes, not one per
request.

Guests are never written to the database. A guest is known by their
session, or, without one, by a keyed hash of their address and browser
(no address is stored). The first time a guest is seen in a window of
ONLINE_WINDOW, they are added to a per-minute counter; the guests online
are the sum of the last ONLINE_WINDOW minutes of counters. Each minute's
counter stops at MAX_NEW_GUESTS_PER_MINUTE, which bounds the cache keys a
flood of visitors can create. Each app server remembers for RECHECK the
guests it found counted, so a guest reading page after page (served from
the page cache, say) costs no cache round trip; a guest whose window has
ended is counted again at their first visit after that, so "guests online"
may miss them for up to RECHECK.
"""

import logging
from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac

from community.models import Profile
from portal import page_cache
from portal.proxies import client_ip

logger = logging.getLogger(__name__)

ONLINE_WINDOW = timedelta(minutes=15)
RECHECK = timedelta(minutes=1)
# Guests remembered by this process at most; the memory is emptied when full.
MAX_REMEMBERED = 5000
WRITE_INTERVAL = timedelta(minutes=5)
MAX_NEW_GUESTS_PER_MINUTE = 1000
WINDOW_MINUTES = int(ONLINE_WINDOW.total_seconds() // 60)


class PresenceMiddleware:
    """Notes every visit before the page is made (so a visitor counts
    themself); a failure here never spoils the page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            record_visit(request)
        except Exception:  # the page matters more than the counter
            logger.exception("Could not record a visit")
        return self.get_response(request)


def record_visit(request, now=None):
    now = now or timezone.now()
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        record_member(user, now)
    else:
        record_guest(request, now)
        # Guests served a page from the page cache are counted too.
        page_cache.on_hit(request, record_cached_visit)


def record_cached_visit(request):
    record_guest(request, timezone.now())


# Member id -> until when (seconds since the epoch) this process knows the
# member's "last seen" is fresh: a member reading page after page costs no
# cache round trip until then. The cache still decides, across processes,
# who writes.
_member_fresh_until = {}


def record_member(user, now):
    if _member_fresh_until.get(user.pk, 0) > now.timestamp():
        return
    if len(_member_fresh_until) >= MAX_REMEMBERED:
        _member_fresh_until.clear()
    if cache.add(f"presence:member:{user.pk}", True, WRITE_INTERVAL.total_seconds()):
        Profile.objects.filter(user=user).update(last_seen=now)
    _member_fresh_until[user.pk] = (now + RECHECK).timestamp()


def guest_key(request):
    session = getattr(request, "session", None)
    if session is not None and session.session_key:
        source = f"session:{session.session_key}"
    else:
        source = f"client:{client_ip(request)}:{request.headers.get('user-agent', '')[:200]}"
    return salted_hmac("community.presence", source).hexdigest()[:24]


def _minute(now):
    return int(now.timestamp() // 60)


# Guest key -> until when (seconds since the epoch) this process knows the
# guest is counted.
_counted_until = {}


def forget_counted_guests():
    """Empty this process's memory of counted guests and seen members (when
    the cache is emptied too, as between tests)."""
    _counted_until.clear()
    _member_fresh_until.clear()


def _remember_counted(key, now):
    if len(_counted_until) >= MAX_REMEMBERED:
        _counted_until.clear()
    _counted_until[key] = (now + RECHECK).timestamp()


def record_guest(request, now):
    key = guest_key(request)
    if _counted_until.get(key, 0) > now.timestamp():
        return
    seen_key = f"presence:guest:{key}"
    if cache.get(seen_key):
        _remember_counted(key, now)
        return
    counter_key = f"presence:guests:{_minute(now)}"
    if cache.get(counter_key, 0) >= MAX_NEW_GUESTS_PER_MINUTE:
        return
    if cache.add(seen_key, True, ONLINE_WINDOW.total_seconds()):
        _remember_counted(key, now)
        lifetime = ONLINE_WINDOW.total_seconds() + 60
        if not cache.add(counter_key, 1, lifetime):
            try:
                cache.incr(counter_key)
            except ValueError:  # expired in between
                cache.set(counter_key, 1, lifetime)


def guests_online(now=None):
    now = now or timezone.now()
    current = _minute(now)
    minutes = range(current - WINDOW_MINUTES + 1, current + 1)
    keys = [f"presence:guests:{minute}" for minute in minutes]
    return sum(cache.get_many(keys).values())


def online_since(now=None):
    return (now or timezone.now()) - ONLINE_WINDOW
