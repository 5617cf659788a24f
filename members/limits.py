"""Counters in the shared cache for the account flows' limits (members/email_limits.py,
members/login_limits.py): who the client is, and two atomic counting primitives.

Keys hold a SHA-256 of what they count (a username, an email address, a member ID), never the
value: the cache is no place for PHI. While Redis is down every counter counts nothing and
every limit here lets the request through (portal/cache.py): failing closed would lock every
member out. The limits that protect an account outright (a code's wrong tries, a member's daily
budget of wrong codes) are in the database instead (members/codes.py).
"""

import contextlib
import datetime
import hashlib
import ipaddress

from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone

# One IPv6 client usually holds a whole /64; counting single addresses would let it rotate.
IPV6_PREFIX = 64


def client_address(request: HttpRequest) -> str:
    """The client's address as the limits count it (the load balancer sets REMOTE_ADDR)."""
    raw = str(request.META.get("REMOTE_ADDR", ""))
    try:
        address = ipaddress.ip_address(raw)
    except ValueError:
        return raw
    if isinstance(address, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network(f"{address}/{IPV6_PREFIX}", strict=False).network_address)
    return str(address)


def digest(text: str) -> str:
    return hashlib.sha256(text.strip().lower().encode()).hexdigest()


def window_key(key: str, window: datetime.timedelta) -> tuple[str, int]:
    """The key counting `key` in the current fixed window, and the seconds until that window ends.

    Windows are measured by the portal's clock (django.utils.timezone), so the cache's own
    expiry only cleans up; a window of a day is a UTC day.
    """
    length = int(window.total_seconds())
    now = int(timezone.now().timestamp())
    return f"{key}:{now // length}", length - now % length


def count_hit(key: str, window: datetime.timedelta, delta: int = 1) -> int:
    """Count `delta` more hits on `key` in the current window and return the window's count.

    A delta of 0 costs the same cache operations and counts nothing: for a request that must
    take as long as one that counts.
    """
    counter, left = window_key(key, window)
    cache.add(counter, 0, timeout=left + 60)
    try:
        return int(cache.incr(counter, delta))
    except ValueError:  # evicted between add and incr
        cache.set(counter, delta, timeout=left + 60)
        return delta


def hits(key: str, window: datetime.timedelta) -> int:
    """The current window's count for `key`, without counting."""
    return int(cache.get(window_key(key, window)[0], 0))


def uncount_hit(key: str, window: datetime.timedelta) -> None:
    """Take back a hit counted by count_hit (the request it counted was refused after all)."""
    with contextlib.suppress(ValueError):  # gone meanwhile: nothing to take back
        cache.decr(window_key(key, window)[0])


def claim(key: str, span: datetime.timedelta) -> bool:
    """True for the first caller, then False for everyone until `span` has passed (atomic).

    The claim holds the time it was made, by the portal's clock; the cache's expiry only
    cleans up.
    """
    now = timezone.now().timestamp()
    seconds = max(int(span.total_seconds()), 1)
    if cache.add(key, now, timeout=seconds):
        return True
    made = cache.get(key)
    if made is None or now - float(made) >= span.total_seconds():
        cache.set(key, now, timeout=seconds)
        return True
    return False


def release(key: str) -> None:
    cache.delete(key)
