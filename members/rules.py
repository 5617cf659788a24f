"""The plan's account rules, each defined once: how long a code works and how many wrong tries
it takes, how long "Send a new code" waits, who may have an account, and when a session ends.

Services, forms, views and middleware read them from here; emails get them in the context their
service passes, and templates through `members.context_processors.account_rules`, never as a
typed number. So changing a rule here changes every page, email and check that states it.
Read them as `rules.CODE_LIFETIME` when they are used, not with `from members.rules import …`
at import time, so that a test overriding one sees it everywhere.

The minimum account age is the plan's (its profile's `rules.minimum_account_age`); the absolute
session limit is `SESSION_COOKIE_AGE`, so the cookie and the limit cannot disagree.
"""

import datetime
from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:
    from members.models import Member

# A verification code works this long, and dies after this many wrong tries.
CODE_LIFETIME = datetime.timedelta(minutes=15)
CODE_TRIES = 5
# "Send a new code" (and any new code for the same member and flow) waits this long after the last.
CODE_RESEND_COOL_DOWN = datetime.timedelta(seconds=60)


# A signed-in session ends after this long without a request, and this long after log-in.
SESSION_IDLE_LIMIT = datetime.timedelta(minutes=15)
SESSION_ABSOLUTE_LIMIT = datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
# The "Are you still there?" dialog opens this long before the idle log-out.
SESSION_WARNING_BEFORE = datetime.timedelta(minutes=2)
# Changing how the member signs in or is reached asks for the password or the second factor
# again once the last time they gave one is this old (allauth's re-authentication).
REAUTHENTICATION_AFTER = datetime.timedelta(seconds=settings.ACCOUNT_REAUTHENTICATION_TIMEOUT)


def whole_minutes(span: datetime.timedelta) -> int:
    return int(span.total_seconds() // 60)


def code_lifetime_minutes() -> int:
    return whole_minutes(CODE_LIFETIME)


def minimum_account_age() -> int:
    """Online accounts are for adults: the plan's age (the help pages: "accounts from age 18")."""
    return int(settings.PLAN.rules.minimum_account_age)


def account_age_reached(member: "Member", today: datetime.date) -> bool:
    """Whether `member` is old enough on `today` to have an online account."""
    return member.age_on(today) >= minimum_account_age()


def two_factor_required() -> bool:
    """Whether the plan asks every member for a second factor (its profile's
    `rules.require_two_factor`): a member without one sets one up before any member page."""
    return bool(settings.PLAN.rules.require_two_factor)


def rules_for_templates() -> dict[str, int]:
    """The rules a page or email states, by the names templates use."""
    idle = int(SESSION_IDLE_LIMIT.total_seconds())
    warning = int(SESSION_WARNING_BEFORE.total_seconds())
    return {
        "code_lifetime_minutes": code_lifetime_minutes(),
        "code_tries": CODE_TRIES,
        "code_resend_seconds": int(CODE_RESEND_COOL_DOWN.total_seconds()),
        "minimum_account_age": minimum_account_age(),
        "session_idle_minutes": whole_minutes(SESSION_IDLE_LIMIT),
        "session_warning_minutes": whole_minutes(SESSION_WARNING_BEFORE),
        "session_warn_after_seconds": max(idle - warning, 0),
    }
