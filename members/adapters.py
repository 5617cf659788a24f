"""django-allauth's extension point for the portal's member accounts.

Members get accounts only by matching their plan record (members.views.signup), so allauth's
open sign-up is closed. A locked-out account must answer exactly like a wrong password, so
the rate-limit message is the wrong-password message.
"""

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from members.accounts import account_first_login
from members.models import User


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": DefaultAccountAdapter.error_messages["username_password_mismatch"],
    }

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def post_login(self, request: HttpRequest, user: Any, **kwargs: Any) -> HttpResponse:
        response: HttpResponse = super().post_login(request, user, **kwargs)
        if isinstance(user, User):
            account_first_login(user=user)
            language_remember(response, user=user)
        return response


def language_remember(response: HttpResponse, *, user: User) -> None:
    """Show the portal in the member's stored language from the page after log-in on."""
    if user.preferred_language in dict(settings.LANGUAGES):
        translation.activate(user.preferred_language)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.preferred_language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
