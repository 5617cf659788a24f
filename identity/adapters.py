"""django-allauth's extension points for identity providers.

Social accounts: a new identity is never an account by itself. An identity from a provider the
plan's profile offers goes to "Link your member record" (identity.views.link) the first time;
one from any other provider is refused. Later sign-ins with a linked identity are allauth's
ordinary log-in, straight to the dashboard. A provider's answer to a re-authentication
(identity/reauthentication.py) signs nobody in: it only confirms the signed-in member.

Accounts: the members' adapter, with signing in again at a linked provider offered among the
ways to confirm a change (after the password and the second factor, which come first).
"""

import logging
from typing import Any

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialLogin
from django.contrib import messages
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.http import HttpRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from identity.reauthentication import (
    NotThisAccount,
    is_reauthentication,
    reauthentication_finish,
    reauthentication_identities,
)
from members.adapters import AccountAdapter as MembersAccountAdapter
from members.models import User
from portal.sign_in import provider_buttons

logger = logging.getLogger(__name__)


class AccountAdapter(MembersAccountAdapter):
    def get_reauthentication_methods(self, user: AbstractBaseUser | AnonymousUser) -> list[dict[str, Any]]:
        methods: list[dict[str, Any]] = list(super().get_reauthentication_methods(user))
        if isinstance(user, User) and reauthentication_identities(user):
            methods.append(
                {
                    "id": "identity_reauthenticate",
                    "description": _("Sign in again with your identity provider"),
                    "url": reverse("identity_reauthenticate"),
                }
            )
        return methods


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest, sociallogin: SocialLogin) -> bool:
        offered = {button.id for button in provider_buttons()}
        return sociallogin.account.provider in offered

    def pre_social_login(self, request: HttpRequest, sociallogin: SocialLogin) -> None:
        if not is_reauthentication(sociallogin):
            return
        try:
            reauthentication_finish(request, sociallogin)
        except NotThisAccount:
            logger.warning(
                "Re-authentication with %s refused: not the signed-in account's", sociallogin.account.provider
            )
            messages.error(
                request,
                _("That is not the sign-in linked to your account. Please sign in with your own."),
            )
            raise ImmediateHttpResponse(redirect("identity_reauthenticate")) from None

    def is_auto_signup_allowed(self, request: HttpRequest, sociallogin: SocialLogin) -> bool:
        return False

    def on_authentication_error(
        self,
        request: HttpRequest,
        provider: Any,
        error: Any = None,
        exception: BaseException | None = None,
        extra_context: Any = None,
    ) -> None:
        # Why a sign-in was refused, for operations: the check that failed, never a token or claim.
        cause = exception.__cause__ if exception is not None else None
        logger.warning(
            "Sign-in with %s refused: %s%s",
            getattr(getattr(provider, "app", None), "provider_id", "?"),
            exception if exception is not None else error,
            f" ({type(cause).__name__})" if cause is not None else "",
        )
