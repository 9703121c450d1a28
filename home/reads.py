"""Read counts of pages (library items, regional news): counted cheaply,
once per visitor session.

A page type takes part by mixing in ReadCountingMixin: its views are
counted and its template gets the written total as `reads`. The totals are
kept in the library's ReadCount table (library/models/reads.py).

A view of a page costs a few cache operations and no database write:

- Bots (by their user agent) and previews are not counted.
- A visitor is the signed-in member, or else the browser's session, or else
  (no cookie at all) a keyed hash of the address and user agent, so that
  anonymous pages need no cookie and stay cacheable. The hash lives only in
  the cache, for the length of a visit.
- The first view of a page in a visit (READ_VISIT_SECONDS) adds one to the
  page's counter in the cache (Django's cache API: Redis in production,
  local memory otherwise).
- The counters are added to the ReadCount table in one batch by
  `flush_reads()`: at most once every LIBRARY_READS_FLUSH_SECONDS (default
  300) by whichever request comes first after that interval, and whenever
  `manage.py flush_read_counts` runs (from cron, for instance every minute).
  The counts shown therefore lag by at most that interval.

Decrementing the cache counter by the amount written keeps increments that
arrive during a flush for the next one.
"""

import re

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.utils.crypto import salted_hmac
from wagtail.models import Page, get_page_models

from portal import page_cache
from portal.proxies import client_ip

READ_VISIT_SECONDS = 30 * 60
# The cache keys keep the names they were first written under, so that
# reads waiting in the cache survive an update of the portal.
FLUSH_LOCK_KEY = "library:reads:flush-lock"
BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|archiver|fetch|monitor|preview|scan|curl|wget|python|"
    r"http-?client|java/|go-http|okhttp|headless|lighthouse|facebookexternalhit",
    re.IGNORECASE,
)


def flush_interval():
    return getattr(settings, "LIBRARY_READS_FLUSH_SECONDS", 300)


def counter_key(page_id):
    return f"library:reads:pending:{page_id}"


def total_key(page_id):
    return f"library:reads:total:{page_id}"


def read_total(page_id):
    """The written read count of a page (cached until the next flush)."""
    from library.models import ReadCount

    total = cache.get(total_key(page_id))
    if total is None:
        total = (
            ReadCount.objects.filter(page_id=page_id).values_list("total", flat=True).first() or 0
        )
        cache.set(total_key(page_id), total, 60 * 60)
    return total


def is_bot(request):
    user_agent = request.headers.get("User-Agent", "")
    return not user_agent.strip() or bool(BOT_PATTERN.search(user_agent))


def visitor_key(request):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if session_key:
        return "session:" + salted_hmac("library-reads", session_key).hexdigest()[:32]
    fingerprint = "|".join(
        [
            client_ip(request),
            request.headers.get("User-Agent", ""),
            request.headers.get("Accept-Language", ""),
        ]
    )
    return "browser:" + salted_hmac("library-reads", fingerprint).hexdigest()[:32]


def record_read(request, page):
    """Count this view of `page` if it is the visitor's first in this visit.
    Returns True when it was counted."""
    return record_read_of(request, page.pk)


def record_read_of(request, page_id):
    """record_read() by the page's id; also called for a view of the page
    served from the page cache (portal/page_cache.py)."""
    if is_bot(request) or request.method != "GET":
        return False
    seen_key = f"library:reads:seen:{page_id}:{visitor_key(request)}"
    if not cache.add(seen_key, 1, READ_VISIT_SECONDS):
        return False
    key = counter_key(page_id)
    cache.add(key, 0, None)
    try:
        cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, None)
    if flush_interval() and cache.add(FLUSH_LOCK_KEY, 1, flush_interval()):
        flush_reads()
    return True


def reads_annotation():
    """An annotation: each page's written read count (0 before its first
    flush), in the same query. Use it for listings that show read counts."""
    return Coalesce("read_count__total", Value(0))


def pending_reads(page_ids):
    """{page id: reads counted in the cache and not yet written}."""
    keys = {counter_key(page_id): page_id for page_id in page_ids}
    return {keys[key]: count for key, count in cache.get_many(keys).items() if count}


def counted_page_models():
    """The page types whose reads are counted."""
    return [model for model in get_page_models() if issubclass(model, ReadCountingMixin)]


def flush_reads():
    """Add the counters of the cache to the database. Returns the number of
    reads written."""
    from library.models import ReadCount

    page_ids = Page.objects.type(*counted_page_models()).values_list("pk", flat=True)
    written = 0
    for page_id, count in pending_reads(page_ids).items():
        try:
            cache.decr(counter_key(page_id), count)
        except ValueError:  # expired or evicted meanwhile: nothing to move
            continue
        with transaction.atomic():
            ReadCount.objects.get_or_create(page_id=page_id)
            ReadCount.objects.filter(page_id=page_id).update(total=F("total") + count)
        cache.delete(total_key(page_id))
        # Pages kept by the page cache (portal/page_cache.py) show the new
        # total when they expire, at most PAGE_CACHE_SECONDS later: an
        # update() advances no generation, on purpose.
        written += count
    return written


class ReadCountingMixin:
    """For page types whose reads are counted and shown: mix in before
    Page. A GET of the live page counts as a read (previews do not), and
    the template gets the written total as `reads`."""

    def serve(self, request, *args, **kwargs):
        if request.method == "GET" and not getattr(request, "is_preview", False):
            record_read(request, self)
            page_cache.on_hit(request, record_read_of, self.pk)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["reads"] = read_total(self.pk)
        return context
