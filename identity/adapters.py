"""django-allauth's social-account extension point: a new identity is never an account by itself.

An identity from a provider the plan's profile offers goes to "Link your member record"
(identity.views.link) the first time; one from any other provider is refused. Later sign-ins
with a linked identity are allauth's ordinary log-in, straight to the dashboard.
"""

import logging
from typing import Any

from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialLogin
from django.http import HttpRequest

from portal.sign_in import provider_buttons

logger = logging.getLogger(__name__)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest, sociallogin: SocialLogin) -> bool:
        offered = {button.id for button in provider_buttons()}
        return sociallogin.account.provider in offered

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
