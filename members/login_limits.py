"""Failed log-ins slow an attacker down without locking the member out.

NIST SP 800-63B §5.2.2 asks a verifier to limit consecutive failed attempts on one account to
at most 100, and prefers ways that do not lock out the subscriber (growing waits, limits by
address) to a lock-out anyone who knows a username could trigger. So:

- Per client address: ADDRESS_FAILURES failed log-ins in ADDRESS_WINDOW, whatever the usernames;
  then the address gets the "too many requests" page (429, with Retry-After) until the window
  ends. That answer depends on the address alone, so it is given before any password is hashed.
- Per username from one address: FREE_FAILURES failures, then each further try from that address
  must wait, from DELAY_FIRST doubling to DELAY_MAX; a try during the wait is answered like a
  wrong password without being judged. The member logging in from anywhere else is not slowed.
- Per username from everywhere: USERNAME_FAILURES_PER_DAY failures in a (UTC) day; past it every
  try is answered like a wrong password until the day ends or the password is reset. Only an
  attacker guessing from many addresses at once reaches it.

A successful log-in clears its username's counts (the failures are "consecutive"), never the
address's. Every try that reaches the password hashes it exactly once, judged or not, and a
try that is not judged is answered exactly like a wrong password: neither its time nor its
answer tells an attacker that a limit applies, or whether an account exists.
The counters are in the shared cache (members/limits.py).
"""

import datetime

from members import limits

ADDRESS_FAILURES = 30
ADDRESS_WINDOW = datetime.timedelta(minutes=15)
FREE_FAILURES = 5
DELAY_FIRST = datetime.timedelta(minutes=1)
DELAY_MAX = datetime.timedelta(hours=1)
USERNAME_FAILURES_PER_DAY = 100
DAY = datetime.timedelta(days=1)


def _keys(username: str, address: str) -> tuple[str, str, str]:
    name = limits.digest(username)
    return f"login-fail:user:{name}", f"login-fail:pair:{name}:{address}", f"login-wait:{name}:{address}"


def _address_key(address: str) -> str:
    return f"login-fail:addr:{address}"


def delay_after(failures: int) -> datetime.timedelta:
    """How long a username waits at one address after `failures` failures there (none at first)."""
    if failures < FREE_FAILURES:
        return datetime.timedelta(0)
    return min(DELAY_FIRST * 2 ** (failures - FREE_FAILURES), DELAY_MAX)


def address_wait(address: str) -> int:
    """Seconds until `address` may try to log in again; 0 when it may now."""
    if limits.hits(_address_key(address), ADDRESS_WINDOW) < ADDRESS_FAILURES:
        return 0
    return limits.window_key(_address_key(address), ADDRESS_WINDOW)[1]


def login_judged(*, username: str, address: str) -> bool:
    """Whether this try's password will be judged (and counted); False while a limit holds it."""
    user_key, pair_key, wait_key = _keys(username, address)
    if limits.hits(user_key, DAY) >= USERNAME_FAILURES_PER_DAY:
        return False
    failures = limits.hits(pair_key, DAY)
    if failures < FREE_FAILURES:
        return True
    # One try per wait, however many arrive at once.
    return limits.claim(wait_key, delay_after(failures))


def login_failed(*, username: str, address: str, judged: bool = True) -> None:
    """Count a failed try; one that was not judged counts nothing, at the same cost."""
    user_key, pair_key, wait_key = _keys(username, address)
    delta = 1 if judged else 0
    limits.count_hit(_address_key(address), ADDRESS_WINDOW, delta)
    limits.count_hit(user_key, DAY, delta)
    failures = limits.count_hit(pair_key, DAY, delta)
    if judged and failures >= FREE_FAILURES:
        limits.release(wait_key)
        limits.claim(wait_key, delay_after(failures))


def login_succeeded(*, username: str, address: str) -> None:
    user_key, pair_key, wait_key = _keys(username, address)
    for key in [limits.window_key(user_key, DAY)[0], limits.window_key(pair_key, DAY)[0], wait_key]:
        limits.release(key)


def login_limits_clear(*, username: str) -> None:
    """After a password reset: the username's daily count starts again (its waits per address stay)."""
    user_key, _pair, _wait = _keys(username, "")
    limits.release(limits.window_key(user_key, DAY)[0])
