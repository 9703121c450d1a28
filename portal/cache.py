"""The Redis cache, made safe to lose.

Django's RedisCache raises when Redis cannot be reached, which would turn
every page into an error while Redis restarts. Here a connection error or
a timeout is logged and the call answers as an empty cache would: a read
finds nothing (its default), a write stores nothing, `add` adds nothing,
and `incr`/`decr` raise ValueError as for a missing key (every caller
already handles that by setting the value, which is then dropped too).
Pages are then built from the database; sessions are in the database as
well (cached_db), so members stay signed in.

Short socket timeouts (see CACHES in portal/settings/base.py) keep a Redis
that does not answer from stalling requests.
"""

import functools
import logging

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


def _answers(empty):
    """Wrap a cache method: when Redis is unreachable, log it and return
    what `empty(*args, **kwargs)` gives (the answer of an empty cache)."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except UNREACHABLE as error:
                logger.warning("Cache unreachable in %s: %s", method.__name__, error)
                return empty(*args, **kwargs)

        return wrapper

    return decorate


def _missing_key(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found: the cache is unreachable")


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's Redis client, keeping one redis-py client per connection
    pool. Django builds a new redis-py client for every command, and each
    one fills a table of some 170 reply parsers: with the twenty commands
    of a member's page that was a twentieth of the page's time. A redis-py
    client is safe to share between threads (each command takes a
    connection from the pool), and after a fork the pool opens new
    connections itself."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            # The pools live as long as this object, so their ids stay theirs.
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """RedisCache that answers as an empty cache while Redis is down."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    get = _answers(lambda key, default=None, **kwargs: default)(RedisCache.get)
    get_many = _answers(lambda keys, **kwargs: {})(RedisCache.get_many)
    has_key = _answers(lambda key, **kwargs: False)(RedisCache.has_key)
    add = _answers(lambda key, *args, **kwargs: False)(RedisCache.add)
    set = _answers(lambda key, *args, **kwargs: None)(RedisCache.set)
    set_many = _answers(lambda data, *args, **kwargs: list(data))(RedisCache.set_many)
    touch = _answers(lambda key, *args, **kwargs: False)(RedisCache.touch)
    delete = _answers(lambda key, **kwargs: False)(RedisCache.delete)
    delete_many = _answers(lambda keys, **kwargs: None)(RedisCache.delete_many)
    clear = _answers(lambda: False)(RedisCache.clear)
    # decr is incr with a negative delta (BaseCache).
    incr = _answers(_missing_key)(RedisCache.incr)
