"""The authentication backend: allauth's, reading the signed-in member's record with the user.

Every member page needs both the user (the session names it) and their member record
(`member_required`, the header's "Welcome …"): reading them in one query instead of two saves a
query and its ORM work on every page (docs/performance.md). A staff user has no member record;
`user.member` then raises as before, without a query.
"""

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend

from members.models import User


class MemberAuthenticationBackend(AuthenticationBackend):
    def get_user(self, user_id: Any) -> User | None:
        try:
            user = User._default_manager.select_related("member").get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None

    async def aget_user(self, user_id: Any) -> User | None:
        try:
            user = await User._default_manager.select_related("member").aget(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
