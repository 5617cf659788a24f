"""Re-authentication before a change to how a member signs in or is reached: the account email,
contact details, two-factor, passkeys and linked sign-ins (issue #23).

allauth asks again (`reauthentication_required`) unless the member proved who they are less
than `rules.REAUTHENTICATION_AFTER` ago. allauth itself counts only an explicit "confirm
access"; the portal counts the sign-in too (the password, the second factor or the identity
provider), so a member who has just logged in is not asked for the same password twice, and
one who logged in 15 minutes ago is. Each proof is one of allauth's authentication records in
the session (`account_authentication_methods`: the method and the time).
"""

import time
from collections.abc import Callable
from typing import Any

from allauth.account.decorators import reauthentication_required as allauth_reauthentication_required
from allauth.account.internal.flows.login import get_authentication_records
from django.http import HttpRequest

from members import rules


def authenticated_recently(request: HttpRequest) -> bool:
    """Whether the signed-in member gave a password, a second factor or their identity provider's
    sign-in less than REAUTHENTICATION_AFTER ago, in this session."""
    if not request.user.is_authenticated:
        return False
    records = get_authentication_records(request, request.user)
    latest = max((record.get("at", 0) for record in records if isinstance(record, dict)), default=0)
    return bool(time.time() - latest < rules.REAUTHENTICATION_AFTER.total_seconds())


def reauthentication_required[F: Callable[..., Any]](view: F) -> F:
    """The view (GET and POST alike) asks for the password or the second factor again when the
    last proof is too old; allauth keeps a POST it stopped and replays it once confirmed."""
    decorated: F = allauth_reauthentication_required(view)
    return decorated
