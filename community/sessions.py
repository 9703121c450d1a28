"""Ending every session of a member, from any device, when the account
is deleted.

Database sessions (Django's default, and "cached_db") are found by reading
the session table; cache-only sessions (with REDIS_URL) cannot be listed,
so each log-in adds its session key to a per-member index in the same
cache, kept as long as a session lives. Deleting through the session
engine's own store removes a session from the database and the cache
alike.
"""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.core.cache import caches
from django.utils import timezone


def _store_class():
    return import_module(settings.SESSION_ENGINE).SessionStore


def _index_cache():
    return caches[getattr(settings, "SESSION_CACHE_ALIAS", "default")]


def _index_key(user_id):
    return f"community:sessions-of:{user_id}"


def remember_session(sender, request, user, **kwargs):
    """user_logged_in receiver: add this session to the member's index."""
    session_key = getattr(getattr(request, "session", None), "session_key", None)
    if user is None or not session_key:
        return
    cache = _index_cache()
    keys = set(cache.get(_index_key(user.pk), ()))
    keys.add(session_key)
    cache.set(_index_key(user.pk), keys, settings.SESSION_COOKIE_AGE)


def _database_session_keys(store_class, user_id):
    if not issubclass(store_class, DatabaseSessionStore):
        return set()
    sessions = store_class.get_model_class().objects.filter(expire_date__gt=timezone.now())
    return {
        session.session_key
        for session in sessions.iterator()
        if session.get_decoded().get(SESSION_KEY) == str(user_id)
    }


def end_sessions(user_id):
    """Delete every session of the member `user_id` the store holds."""
    store_class = _store_class()
    cache = _index_cache()
    keys = set(cache.get(_index_key(user_id), ())) | _database_session_keys(store_class, user_id)
    for session_key in keys:
        store_class(session_key).delete()
    cache.delete(_index_key(user_id))
