"""django-allauth's extension point for the portal's member accounts.

Members get accounts only by matching their plan record (members.views.signup), so allauth's
open sign-up is closed. Failed log-ins are limited by members/login_limits.py instead of
allauth's rate limits: a try a limit holds back, and a deactivated account's right password,
are answered exactly like a wrong password, after the same single password hash.
"""

from typing import Any, Literal, cast

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.auth_backends import AuthenticationBackend
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from members import login_limits
from members.accounts import account_first_login
from members.limits import client_address
from members.models import User
from members.reauthentication import authenticated_recently


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": DefaultAccountAdapter.error_messages["username_password_mismatch"],
    }

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def authenticate(self, request: HttpRequest, **credentials: Any) -> User | None:
        """The account for these credentials, or None; every path hashes the password once."""
        username = str(credentials.get("username") or "")
        address = client_address(request)
        judged = login_limits.login_judged(username=username, address=address)
        AuthenticationBackend.unstash_authenticated_user()
        # Hashes exactly once: for a wrong password, an unknown username (allauth's backend
        # hashes anyway) and an inactive account alike.
        user = authenticate(request, **credentials)
        # allauth keeps an inactive account whose password was right, to show "account
        # inactive"; dropped, so that account answers like a wrong password.
        AuthenticationBackend.unstash_authenticated_user()
        if not judged:
            if user is not None:  # Django recorded no failure for it
                user_login_failed.send(sender=__name__, credentials={"username": username}, request=request)
            login_limits.login_failed(username=username, address=address, judged=False)
            return None
        if not isinstance(user, User):
            login_limits.login_failed(username=username, address=address)
            return None
        login_limits.login_succeeded(username=username, address=address)
        return user

    def is_reauthentication_required(self, *, app: str, **kwargs: Any) -> bool:
        """allauth's rule, except that a sign-in (not only a "confirm access") in the last
        REAUTHENTICATION_AFTER counts as recent (members/reauthentication.py)."""
        required = bool(super().is_reauthentication_required(app=app, **kwargs))
        return required and not (self.request is not None and authenticated_recently(self.request))

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
            samesite=cast(Literal["Lax", "Strict", "None"], settings.LANGUAGE_COOKIE_SAMESITE),
        )
