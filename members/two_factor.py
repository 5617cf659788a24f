"""Members' second factors: whether one is set up, and member services' way back in for a
member who lost theirs.

The member's authenticator app, recovery codes and passkeys are allauth.mfa's Authenticator
rows; removing them lets the member log in with their password (or identity provider) alone,
then set a new factor up. Staff do it from the member's record in the admin, and it is audited.
"""

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.http import HttpRequest

from audit.services import audit_record
from members.audit_actions import TWO_FACTOR_RESET
from members.models import Member


def two_factor_set_up(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Whether log-in asks `user` for a second factor (an authenticator app or a passkey;
    recovery codes alone do not count, as allauth counts them)."""
    return bool(is_mfa_enabled(user))


def passkeys_of(user: AbstractBaseUser) -> list[Authenticator]:
    """The member's passkeys, oldest first (each with its name and when it was added)."""
    return list(
        Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.WEBAUTHN).order_by("pk")
    )


@transaction.atomic
def two_factor_reset(*, request: HttpRequest, member: Member) -> int:
    """Remove every second factor of `member`'s online account; how many were removed."""
    if member.user_id is None:
        return 0
    removed, _ = Authenticator.objects.filter(user_id=member.user_id).delete()
    audit_record(request=request, action=TWO_FACTOR_RESET, member=member, detail=str(removed))
    return removed
