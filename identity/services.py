"""Linking an identity from a provider to a member record, and unlinking it.

A member links once: the identity becomes a new online account tied to their plan record,
with no password (they sign in at the provider). A record that already has an online account
is refused, so knowing someone's details never attaches a stranger's identity to their account.
"""

import secrets

from allauth.socialaccount.models import SocialAccount, SocialLogin
from django.db import transaction
from django.http import HttpRequest
from django.utils import translation

from members import rules
from members.accounts import AccountAlreadyExists, BelowMinimumAge
from members.models import Member, User
from portal.clock import plan_today


class LastWayIn(Exception):
    """Unlinking would leave the account with no password and no identity to sign in with."""


@transaction.atomic
def identity_link(*, request: HttpRequest, sociallogin: SocialLogin, member: Member) -> User:
    """Make the member's online account from `sociallogin` (allauth's pending sign-up).

    Raises AccountAlreadyExists when the record has an account, BelowMinimumAge for a member
    too young for one (the same rule as Create Member Online Account).
    """
    member = Member.objects.select_for_update().get(pk=member.pk)
    if member.user_id is not None:
        raise AccountAlreadyExists
    if not rules.account_age_reached(member, plan_today()):
        raise BelowMinimumAge
    verified = [address for address in sociallogin.email_addresses if address.verified]
    user = sociallogin.user
    assert isinstance(user, User)  # noqa: S101 (allauth's pending sign-up always has one)
    user.username = f"{sociallogin.account.provider}-{secrets.token_hex(8)}"
    user.first_name, user.last_name = member.first_name, member.last_name
    # Only an address the provider verified becomes the account email (codes go there).
    user.email = verified[0].email if verified else ""
    user.preferred_language = translation.get_language() or ""
    user.set_unusable_password()
    sociallogin.email_addresses = verified
    sociallogin.save(request)
    member.user = user
    member.save(update_fields=["user", "updated_at"])
    return user


def identities_of(user: User) -> list[SocialAccount]:
    return list(SocialAccount.objects.filter(user=user).order_by("date_joined"))


@transaction.atomic
def identity_unlink(*, user: User, account_id: int) -> SocialAccount | None:
    """Remove one of `user`'s linked identities; None when it is not theirs.

    Raises LastWayIn for the only identity of an account without a password.
    """
    accounts = list(SocialAccount.objects.select_for_update().filter(user=user))
    account = next((a for a in accounts if a.pk == account_id), None)
    if account is None:
        return None
    if len(accounts) == 1 and not user.has_usable_password():
        raise LastWayIn
    account.delete()
    return account
