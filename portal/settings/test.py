"""Tests: fast password hashing, in-memory e-mail, plain static storage.

DATABASE_URL still chooses the database, so the same suite runs on SQLite
and on PostgreSQL.
"""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-secret-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tasks run at once, inside the call that enqueues them, so mail.outbox
# holds each message as soon as it is sent; tests of the queue itself
# switch to the database backend (tests/portal/test_tasks.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="rusmeco-test-media-"))
WAGTAILADMIN_BASE_URL = "http://testserver"
# Whitenoise serves from the finders in tests; no collectstatic needed.
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="rusmeco-test-static-"))
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Members made by the factories have written nothing, so every one would be
# a new member whose posts wait for a moderator: the forums' tests of that
# (tests/forums/test_moderation_newcomers.py) set the number themselves.
FORUM_POSTS_HELD_FOR_NEW_MEMBERS = 0
# The page cache is off for the suite: a page read twice would otherwise
# come from the cache the second time, and the query budgets, measured on
# the second read, would count nothing. Its own tests turn it on
# (tests/portal/test_page_cache.py); PAGE_CACHE_SECONDS=60 runs the whole
# suite through it.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))
