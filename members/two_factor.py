"""Member services' way back in for a member who lost their second factor.

The member's authenticator app, recovery codes (and later passkeys) are allauth.mfa's
Authenticator rows; removing them lets the member log in with their password alone, then set a
new factor up. Staff do it from the member's record in the admin, and it is audited.
"""

from allauth.mfa.models import Authenticator
from django.db import transaction
from django.http import HttpRequest

from audit.services import audit_record
from members.audit_actions import TWO_FACTOR_RESET
from members.models import Member


@transaction.atomic
def two_factor_reset(*, request: HttpRequest, member: Member) -> int:
    """Remove every second factor of `member`'s online account; how many were removed."""
    if member.user_id is None:
        return 0
    removed, _ = Authenticator.objects.filter(user_id=member.user_id).delete()
    audit_record(request=request, action=TWO_FACTOR_RESET, member=member, detail=str(removed))
    return removed
