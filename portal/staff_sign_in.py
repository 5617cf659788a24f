"""The staff admin's sign-in: username, password and one-time code in one step, with one answer.

Threats it answers (a review of the running admin): django-otp's own form told whether a staff
password was right ("Please enter your OTP token." and a list of the user's devices after a right
one, "Please enter the correct username and password…" after a wrong one), and nothing limited
the guesses (50 in 16 seconds locked nothing). Here:

- Every failure gets the same message and the same page: wrong password, unknown user, an
  account that is not staff or not active, no code, a wrong or used-up code, too many attempts.
- Every attempt hashes the password exactly once (the one authentication backend does it, for an
  unknown username too), so the time taken does not tell either.
- Failed attempts are limited per client address and per username in the shared cache, with
  django-allauth's rate limiter, as ACCOUNT_RATE_LIMITS limits members' (STAFF_SIGN_IN_RATE_LIMIT).
  A successful sign-in gives its attempt back.
- Every failure is audited as SIGN_IN_FAILED: a wrong password or an unknown user through Django's
  user_login_failed signal (audit.receivers), the rest here.

The code is matched to the user's device without a device list (which would be the leak): a
backup code by looking it up among the user's static tokens, anything else by the user's
authenticator apps (TOTP). Looking a backup code up first means an app's code is never tried
against the backup codes, so django-otp's throttling of the backup device is not set off by
every ordinary sign-in.
"""

from typing import Any, cast

from allauth.account.auth_backends import AuthenticationBackend
from allauth.core.internal import ratelimit
from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import authenticate
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.dispatch import Signal
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.forms import PlainTextFieldsMixin

RATE_LIMIT_APP = "portal.admin"
RATE_LIMIT_ACTION = "staff_sign_in_failed"


def sign_in_attempt(request: HttpRequest, username: str) -> ratelimit.RateLimitUsage | None:
    """Count one attempt for the client's address and for `username`; None if either is over its limit.

    allauth's limiter, in its own namespace (it is what allauth's public helper calls, with the
    rates from our setting instead of ACCOUNT_RATE_LIMITS). The usage returned can be rolled back.
    """
    return ratelimit.consume(
        request,
        app=RATE_LIMIT_APP,
        action=RATE_LIMIT_ACTION,
        config={RATE_LIMIT_ACTION: settings.STAFF_SIGN_IN_RATE_LIMIT},
        key=username.strip().lower(),
    )


def otp_device_verify(user: AbstractBaseUser, token: str) -> Device | None:
    """The user's confirmed device that accepts `token`, which is now used up; None if none does."""
    if not token:
        return None
    with transaction.atomic():
        backup = (
            StaticDevice.objects.devices_for_user(user, confirmed=True)
            .filter(token_set__token=token)
            .select_for_update()
            .first()
        )
        if backup is not None:
            candidates: list[Device] = [backup]
        elif token.isascii() and token.isdigit():
            candidates = list(TOTPDevice.objects.devices_for_user(user, confirmed=True).select_for_update())
        else:
            candidates = []
        for device in candidates:
            if device.verify_token(token):
                return device
    return None


# Sent when a right password is refused all the same (no staff account, no or a wrong one-time
# code, too many attempts), with `request`, `user` and `reason`: the audit trail records it
# (members/receivers.py). A wrong password or an unknown user sends Django's user_login_failed.
staff_sign_in_refused = Signal()


class StaffSignInForm(PlainTextFieldsMixin, AdminAuthenticationForm):
    otp_token = forms.CharField(
        label=_("One-time code"),
        help_text=_("From your authenticator app, or one of your backup codes."),
        max_length=16,
        # Not required by the form: a missing code must get the same answer as a wrong password.
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": _(
            "Please enter the correct username, password and one-time code for a staff account."
        ),
    }

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is None or not password:
            # An empty field is named under it; that says nothing about any account.
            return self.cleaned_data
        # The admin's log-in view always passes the request (the limits are per client address).
        request = cast(HttpRequest, self.request)
        attempt = sign_in_attempt(request, username)
        # Always, even over the limit: every answer costs one password hash.
        user = authenticate(request, username=username, password=password)
        AuthenticationBackend.unstash_authenticated_user()  # allauth's, for its own pages only
        device = None
        if user is not None:  # else user_login_failed has been audited
            refused = ""
            if attempt is None:
                refused = "too many attempts"
            elif not (user.is_active and getattr(user, "is_staff", False)):
                refused = "not a staff account"
            else:
                device = otp_device_verify(user, self.cleaned_data.get("otp_token", ""))
                refused = "" if device else "no or wrong one-time code"
            if refused:
                staff_sign_in_refused.send(sender=StaffSignInForm, request=request, user=user, reason=refused)
        if user is None or device is None or attempt is None:
            raise self.get_invalid_login_error()
        attempt.rollback()  # a success does not count towards the limit
        # django_otp's user_logged_in receiver records the device in the session.
        user.otp_device = device  # type: ignore[attr-defined]
        self.user_cache = user
        return self.cleaned_data

    def get_invalid_login_error(self) -> forms.ValidationError:
        return forms.ValidationError(self.error_messages["invalid_login"], code="invalid_login")
