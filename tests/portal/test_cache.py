"""The Redis cache keeps one client per process (portal/cache.py): it must come back by itself
after Redis restarts, without a new client."""

from portal.cache import ForgivingRedisCache
from tests.brokers import RedisServer


def test_the_kept_client_carries_on_after_redis_restarts(private_redis: RedisServer) -> None:
    cache = ForgivingRedisCache(private_redis.url, {"OPTIONS": {"socket_connect_timeout": 0.5}})
    cache.set("greeting", "olá")
    client = cache._cache.get_client()
    assert cache._cache.get_client() is client, "a new redis.Redis was built for the second call"

    private_redis.stop()
    assert cache.get("greeting", "miss") == "miss"  # an outage is a miss, not an error

    private_redis.start()  # a new server: the old connections are dead, the data gone
    cache.set("greeting", "hola")
    assert cache.get("greeting") == "hola"
    assert cache._cache.get_client() is client
