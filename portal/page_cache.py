"""A page cache for anonymous visitors: a public page is rendered once and
then served from the cache (Redis in production, local memory otherwise),
without a session, a user or a database query.

What is stored: a 200 answer to a GET or HEAD of a page under a language
prefix (`/ru/...`, `/en/...`) that portal.middleware.CacheHeadersMiddleware
marked public, that sets no cookie and rendered no CSRF token (a page with
a form is never stored: its token is the visitor's own), for a visitor
who sent neither a session cookie nor a messages cookie. The key holds the
language, the host, the path and the query string, so a page of one
language is never served for the other. Members, previews (served from
the admin's paths), restricted pages (Wagtail marks them never-cache),
the admin and the account pages are never stored nor served from it.

When it is dropped: every committed change to the database advances one
site-wide generation (home/caching.py), except the changes of
NEVER_SHOWN, which no public page shows. A stored page carries the
generation read before it was rendered, and is served only while that is
still the current one; a page rendered while a change committed is
therefore never served. The few writes that bypass the model signals
(queryset `update()`, `bulk_create`) and change what a visitor sees call
`changed()` themselves. What moves by itself (who is online, read counts
and view counts, written in batches or with `update()`) is at most
PAGE_CACHE_SECONDS old: that is also how long a stored page lives.
PAGE_CACHE_SECONDS = 0 turns the cache off.

Each response that passes through says what happened in `X-Page-Cache`:
`hit` (served from the cache), `miss` (rendered and stored) or `bypass`
(not eligible, or not storable).
"""

import hashlib
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.functional import empty
from django.utils.translation import get_language_from_path
from wagtail.signals import page_published, page_unpublished, post_page_move

from home import caching
from portal.middleware import PRIVATE_PREFIXES

logger = logging.getLogger(__name__)

HEADER = "X-Page-Cache"
SITE = caching.Generation("page-cache")
KEY_PREFIX = "page-cache"
MAX_QUERY_STRING = 512
# Under the language prefix: the account pages (log-in, sign-up, the
# member's own pages), the notification centre and the comment and
# discussion actions belong to one visitor.
PRIVATE_SUBPATHS = ("accounts/", "notifications/", "comments/", "to-library/")

# Models whose rows no public page shows, so their changes leave the
# cached pages alone: sessions and queued tasks, Wagtail's indexes, logs,
# drafts, workflows, editing sessions and images' renditions (made while a
# page renders), the search index (search/records.py calls `changed()`
# once it is rewritten), read counters, and what belongs to one member
# (notifications, follows, read marks, results, e-mail confirmations).
NEVER_SHOWN = frozenset(
    {
        "sessions.Session",
        "django_tasks_database.DBTaskResult",
        "admin.LogEntry",
        "wagtailcore.ReferenceIndex",
        "wagtailcore.ModelLogEntry",
        "wagtailcore.PageLogEntry",
        "wagtailcore.Revision",
        "wagtailcore.WorkflowState",
        "wagtailcore.TaskState",
        "wagtailcore.Comment",
        "wagtailcore.CommentReply",
        "wagtailcore.PageSubscription",
        "wagtailcore.UploadedFile",
        "wagtailadmin.EditingSession",
        "wagtailadmin.FormState",
        "wagtailusers.UserProfile",
        "wagtailsearch.IndexEntry",
        "wagtailsearch.SQLiteFTSIndexEntry",
        "wagtailsearchpromotions.Query",
        "wagtailsearchpromotions.QueryDailyHits",
        "wagtailimages.Rendition",
        "wagtailembeds.Embed",
        "wagtailforms.FormSubmission",
        "wagtail_localize.TranslationLog",
        "search.SearchRecord",
        "search.SearchFacet",
        "library.ReadCount",
        "forums.TopicRead",
        "forums.ModerationLogEntry",
        "notifications.Notification",
        "notifications.Preference",
        "notifications.MemberSettings",
        "notifications.DigestSent",
        "notifications.Follow",
        "account.EmailConfirmation",
        "assessments.AssessmentResult",
        "partnerships.ListingReminder",
    }
)


def seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


# Dropping the pages ------------------------------------------------------


def changed(**kwargs):
    """Drop every cached page: now, and again when the transaction that
    made the change commits. A signal receiver; call it after a write that
    sends no signal."""
    SITE.changed()


def _row_changed(sender, **kwargs):
    if sender._meta.label in NEVER_SHOWN:
        return
    update_fields = kwargs.get("update_fields")
    # A member's log-in time is shown nowhere public.
    if sender is get_user_model() and update_fields and set(update_fields) <= {"last_login"}:
        return
    changed()


def _relation_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        _row_changed(sender, **kwargs)


def connect_signals():
    post_save.connect(_row_changed, dispatch_uid="page-cache-saved")
    post_delete.connect(_row_changed, dispatch_uid="page-cache-deleted")
    m2m_changed.connect(_relation_changed, dispatch_uid="page-cache-relation")
    page_published.connect(changed, dispatch_uid="page-cache-published")
    page_unpublished.connect(changed, dispatch_uid="page-cache-unpublished")
    post_page_move.connect(changed, dispatch_uid="page-cache-moved")


# Serving them ------------------------------------------------------------


def on_hit(request, function, *args):
    """Have `function(request, *args)` called whenever the page this request
    renders is served from the cache: what a view counts for each visit (a
    read, a guest online, a topic's views) goes on being counted. `function`
    is stored with the page, by name: a module-level function or a model's
    classmethod."""
    request.__dict__.setdefault("_page_cache_on_hit", []).append((function, args))


def page_key(request):
    """The cache key of this request's page, or None when it may not be
    cached: a visitor with a session or messages, a path without a
    language prefix, a private path, a long query string."""
    if request.method not in ("GET", "HEAD"):
        return None
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
        return None
    path = request.path_info
    if path.startswith(PRIVATE_PREFIXES):
        return None
    language = get_language_from_path(path)
    if not language:
        return None
    if path[len(language) + 2 :].startswith(PRIVATE_SUBPATHS):
        return None
    query = request.META.get("QUERY_STRING", "")
    if len(query) > MAX_QUERY_STRING:
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    address = f"{request.scheme}://{host}{path}?{query}"
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()
    return f"{KEY_PREFIX}:{language}:{digest}"


def storable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "").lower()
    control = {part.split("=")[0].strip() for part in control.split(",")}
    if "public" not in control or control & {"private", "no-store", "no-cache"}:
        return False
    # A page that rendered a CSRF token: the token is this visitor's own.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    if getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    wrapped = getattr(user, "_wrapped", user)
    return wrapped is None or wrapped is empty or not wrapped.is_authenticated


def _served(request, entry):
    status, headers, content, counters = entry
    for function, args in counters:
        try:
            function(request, *args)
        except Exception:  # the page matters more than the counter
            logger.exception("Could not count a visit to a cached page")
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response[HEADER] = "hit"
    return response


class AnonymousPageCacheMiddleware:
    """Serves anonymous visitors' pages from the cache (see the module's
    docstring). Placed outside CacheHeadersMiddleware, so it sees the
    Cache-Control that middleware decided, and outside the session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = seconds()
        key = page_key(request) if timeout else None
        # While a change waits to be recorded (the cache was unreachable
        # when it was made), what the cache holds may be stale.
        if key is None or not caching.advance_waiting():
            return self._bypassed(request)
        found = cache.get_many([SITE.key, key])
        generation = found.get(SITE.key)
        entry = found.get(key)
        if generation is not None and entry is not None and entry[0] == generation:
            return _served(request, entry[1])
        if generation is None:
            generation = SITE.current()
        response = self.get_response(request)
        if not storable(request, response):
            response[HEADER] = "bypass"
            return response
        headers = [(name, value) for name, value in response.items() if name != HEADER]
        counters = request.__dict__.get("_page_cache_on_hit", [])
        page = (response.status_code, headers, response.content, counters)
        cache.set(key, (generation, page), timeout)
        response[HEADER] = "miss"
        return response

    def _bypassed(self, request):
        response = self.get_response(request)
        response[HEADER] = "bypass"
        return response
