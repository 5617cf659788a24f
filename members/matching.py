"""Matching what a person types to the plan's member record, with brute-force limits.

Account creation and recovery both start here. A member ID plus date of birth must not be
guessable, so failures are counted per member ID and per client address; once either limit is
reached, every attempt fails the same generic way, even a correct one.
"""

import datetime
import hashlib

from django.core.cache import cache
from django.db.models import Q

from members.models import Member
from portal.text import fold_name

FAILURE_WINDOW_SECONDS = 60 * 60
MAX_FAILURES_PER_MEMBER_ID = 5
MAX_FAILURES_PER_IP = 20


def _failure_keys(member_id: str, ip: str) -> tuple[str, str]:
    # Keys hold a digest, not the member ID itself: the cache is no place for PHI.
    digest = hashlib.sha256(member_id.strip().upper().encode()).hexdigest()
    return f"match-fail:id:{digest}", f"match-fail:ip:{ip}"


def _limited(id_key: str, ip_key: str) -> bool:
    counts = cache.get_many([id_key, ip_key])
    return counts.get(id_key, 0) >= MAX_FAILURES_PER_MEMBER_ID or counts.get(ip_key, 0) >= MAX_FAILURES_PER_IP


def _count(key: str, *, failed: bool) -> None:
    # A match "counts" zero: the same cache operations either way, so the time a request takes
    # does not tell whether the details matched a member.
    cache.add(key, 0, timeout=FAILURE_WINDOW_SECONDS)
    try:
        cache.incr(key, 1 if failed else 0)
    except ValueError:  # expired between add and incr
        cache.set(key, 1 if failed else 0, timeout=FAILURE_WINDOW_SECONDS)


def member_match(
    *, first_name: str, last_name: str, date_of_birth: datetime.date, member_id: str, ip: str
) -> Member | None:
    """The member whose record has all four details, or None (also when rate limited).

    Names compare ignoring case, accents, spaces, hyphens and apostrophes.
    """
    id_key, ip_key = _failure_keys(member_id, ip)
    if _limited(id_key, ip_key):
        return None
    typed_id = member_id.strip()
    member = (
        Member.objects.select_related("user")
        .filter(Q(member_id=typed_id) | Q(member_id=typed_id.upper()), date_of_birth=date_of_birth)
        .first()
    )
    matched = (
        member is not None
        and fold_name(member.first_name) == fold_name(first_name)
        and fold_name(member.last_name) == fold_name(last_name)
    )
    _count(id_key, failed=not matched)
    _count(ip_key, failed=not matched)
    return member if matched else None


def member_match_by_ssn(*, ssn_digest: str, ip: str) -> Member | None:
    """The member whose record carries this SSN (as members.ssn.ssn_digest), or None.

    The same limits as member_match: per SSN (its digest stands for the member ID) and per
    address, shared with the member-ID tries of the same address.
    """
    id_key, ip_key = f"match-fail:ssn:{ssn_digest}", _failure_keys("", ip)[1]
    if _limited(id_key, ip_key):
        return None
    member = Member.objects.select_related("user").filter(ssn_digest=ssn_digest).first()
    _count(id_key, failed=member is None)
    _count(ip_key, failed=member is None)
    return member
