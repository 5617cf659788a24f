"""Django's Redis cache, made to step aside when Redis is down.

The cache holds only what can be rebuilt (sessions are in the database and only read through
the cache, rate-limit counters, Change PCP's rendered rows and search form: providers/results.py;
nothing of a member's record), so a Redis outage must not take the portal down
with it: every read is a miss, every write is dropped, and a warning is logged. The sockets have
short timeouts so a page does not hang waiting for a Redis that is gone.

The trade-off, written down in docs/security.md: while Redis is down the failed-log-in limits
count nothing, so they do not apply (failing closed would lock every member out instead).
"""

import logging
from collections.abc import Callable
from typing import Any, TypeVar

import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)

T = TypeVar("T")

_OUTAGE_ERRORS = (redis.ConnectionError, redis.TimeoutError)


class PooledClientRedisCacheClient(RedisCacheClient):
    """Django's client, keeping one redis.Redis per connection pool instead of building one on
    every cache call. Building one sets up its ~170 command callbacks: 0.1 ms, on every member
    page (the session is read through here). A redis.Redis is safe to share: each command takes
    a connection from the pool and gives it back."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, redis.Redis] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> redis.Redis:
        # Django keeps the pools for the process's life. (Its private parts are not in the stubs.)
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)  # type: ignore[attr-defined]
        return client


class ForgivingRedisCache(RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = PooledClientRedisCacheClient

    def _or(self, fallback: T, call: Callable[[], T]) -> T:
        try:
            return call()
        except _OUTAGE_ERRORS as error:
            logger.warning("Cache unavailable (%s); carrying on without it", type(error).__name__)
            return fallback

    def add(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None, **kw: Any
    ) -> bool:
        # True, as if stored: allauth's rate limiter takes a lock with add() and would otherwise
        # refuse every log-in while Redis is down.
        return self._or(True, lambda: super(ForgivingRedisCache, self).add(key, value, timeout, version))

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        return self._or(default, lambda: super(ForgivingRedisCache, self).get(key, default, version))

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None, **kw: Any
    ) -> None:
        self._or(None, lambda: super(ForgivingRedisCache, self).set(key, value, timeout, version))

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        return self._or(False, lambda: super(ForgivingRedisCache, self).touch(key, timeout, version))

    def delete(self, key: Any, version: int | None = None) -> bool:
        return self._or(False, lambda: super(ForgivingRedisCache, self).delete(key, version))

    def get_many(self, keys: Any, version: int | None = None) -> dict[Any, Any]:
        return self._or({}, lambda: super(ForgivingRedisCache, self).get_many(keys, version))

    def has_key(self, key: Any, version: int | None = None) -> bool:
        return self._or(False, lambda: super(ForgivingRedisCache, self).has_key(key, version))

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        return self._or(delta, lambda: super(ForgivingRedisCache, self).incr(key, delta, version))

    def set_many(
        self, data: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None, **kw: Any
    ) -> list[Any]:
        return self._or([], lambda: super(ForgivingRedisCache, self).set_many(data, timeout, version))

    def delete_many(self, keys: Any, version: int | None = None) -> None:
        self._or(None, lambda: super(ForgivingRedisCache, self).delete_many(keys, version))

    def clear(self) -> None:
        self._or(None, lambda: super(ForgivingRedisCache, self).clear())
