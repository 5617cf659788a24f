"""Account pages: Create Member Online Account, VERIFY (which signs the new member in), Recover
Member Online Account and RESET PASSWORD. Log in and log out are django-allauth's, with the
portal's templates; log in sits behind the limit on failed log-ins per address
(members/login_limits.py)."""

import functools
from collections.abc import Callable

from allauth.account import views as allauth_views
from allauth.account.internal.flows.login import record_authentication
from allauth.account.utils import perform_login
from allauth.mfa import app_settings as mfa_settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from audit.services import audit_record
from members import accounts, login_limits, rules
from members.audit_actions import PASSWORD_RESET, RECOVERY_REQUESTED
from members.codes import CodeCheck
from members.email_limits import EmailLimitReached
from members.forms import (
    CodeForm,
    RecoveryForm,
    ResetPasswordForm,
    SignupForm,
    below_minimum_age_message,
    code_resend_wait_message,
    email_limit_message,
)
from members.limits import client_address
from members.recovery import password_reset, recovery_request
from portal.error_views import too_many_requests
from portal.sign_in import passwords_offered, provider_buttons

SIGNUP_SESSION_KEY = "signup_code_id"
RECOVERY_SESSION_KEY = "recovery_id"
RECOVERY_USERNAME_KEY = "recovery_username_too"
# The query string of the page after a username-only request (which needs no session).
USERNAME_ONLY = "username"


def passwords_required(view: Callable[[HttpRequest], HttpResponse]) -> Callable[[HttpRequest], HttpResponse]:
    """The portal's own accounts' pages, where the plan offers them (its profile's `sign_in`)."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest) -> HttpResponse:
        if not passwords_offered():
            raise Http404
        return view(request)

    return wrapper


@require_http_methods(["GET", "POST"])
@passwords_required
def signup(request: HttpRequest) -> HttpResponse:
    form = SignupForm(request.POST or None, ip=client_address(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            record = accounts.signup_start(
                member=data["member"],
                email=data["email"],
                cell_phone=data["cell_phone"],
                username=data["username"],
                password=data["password"],
                client=client_address(request),
            )
        except accounts.BelowMinimumAge:
            form.add_error(None, below_minimum_age_message())
        except EmailLimitReached as refused:
            form.add_error(None, email_limit_message(refused.limit))
        else:
            request.session[SIGNUP_SESSION_KEY] = record.pk
            return redirect("signup_verify")
    return render(request, "members/signup.html", {"form": form})


@require_http_methods(["GET", "POST"])
@passwords_required
def signup_verify(request: HttpRequest) -> HttpResponse:
    record_id = request.session.get(SIGNUP_SESSION_KEY)
    if record_id is None:
        return redirect("signup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and "resend" in request.POST:
        try:
            sent = accounts.signup_resend_code(record_id=record_id, client=client_address(request))
        except EmailLimitReached as refused:
            messages.error(request, email_limit_message(refused.limit))
        else:
            if sent:
                messages.success(request, _("We sent a new code to your email address."))
            else:
                messages.error(request, code_resend_wait_message())
        return redirect("signup_verify")
    if request.method == "POST" and form.is_valid():
        try:
            result, user = accounts.signup_verify(record_id=record_id, code=form.cleaned_data["code"])
        except accounts.AccountAlreadyExists:
            del request.session[SIGNUP_SESSION_KEY]
            messages.error(request, _("You already have an online account. Log in, or recover your account."))
            return redirect("account_login")
        except accounts.UsernameTaken:
            del request.session[SIGNUP_SESSION_KEY]
            messages.error(
                request, _("That username was just taken. Please start again with another username.")
            )
            return redirect("signup")
        if result is CodeCheck.OK and user is not None:
            del request.session[SIGNUP_SESSION_KEY]
            # Straight in: this browser sent the member's details and password, and the code
            # proves the email is theirs; the log-in is allauth's, as from LOG IN (a new session
            # id, the first-log-in email, the member's language).
            messages.success(request, _("Your account has been successfully created."))
            # The password was given at SUBMIT, minutes ago (within the code's lifetime): it is
            # the sign-in that a change in the next 15 minutes counts from, as after LOG IN.
            record_authentication(request, user, method="password")
            return perform_login(request, user, redirect_url=reverse("home"))
        form.add_error("code", _signup_code_error(result))
    return render(request, "members/signup_verify.html", {"form": form})


def _signup_code_error(result: CodeCheck) -> str:
    if result is CodeCheck.EXPIRED:
        return _("This code has expired. Select “Send a new code” to get another one.")
    if result is CodeCheck.DEAD:
        return _("This code can no longer be used. Please start again, or call Member Services.")
    return _("That code is not correct. Check the email we sent you and try again.")


@require_http_methods(["GET", "POST"])
@passwords_required
def recover(request: HttpRequest) -> HttpResponse:
    form = RecoveryForm(request.POST or None, ip=client_address(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        matched = form.match_member()
        recovery = recovery_request(
            member=matched,
            forgot_username=data["forgot_username"],
            reset_password=data["reset_password"],
            client=client_address(request),
        )
        audit_record(request=request, action=RECOVERY_REQUESTED, member=matched)
        if not data["reset_password"]:
            # Nothing to come back to, so no session: an anonymous POST writes one only when a
            # later step needs it.
            return redirect(f"{reverse('recover_sent')}?{USERNAME_ONLY}")
        # The session looks the same whether or not anything matched, and so does every page after.
        request.session[RECOVERY_SESSION_KEY] = recovery.pk
        request.session[RECOVERY_USERNAME_KEY] = data["forgot_username"]
        if not request.user.is_authenticated:
            # It holds nothing once the code is dead; clearsessions then removes it.
            request.session.set_expiry(int(rules.CODE_LIFETIME.total_seconds()))
        return redirect("recover_sent")
    return render(request, "members/recover.html", {"form": form})


@require_http_methods(["GET", "POST"])
@passwords_required
def recover_sent(request: HttpRequest) -> HttpResponse:
    recovery_id = request.session.get(RECOVERY_SESSION_KEY)
    if recovery_id is None:
        if request.method == "GET" and USERNAME_ONLY in request.GET:
            return render(request, "members/recover_sent.html", {"forgot_username": True})
        return redirect("recover")
    forgot_username = bool(request.session.get(RECOVERY_USERNAME_KEY))
    form = ResetPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result, member_id = CodeCheck.DEAD, None
        try:
            result, member_id = password_reset(
                recovery_id=recovery_id,
                code=form.cleaned_data["code"],
                new_password=form.cleaned_data["new_password"],
            )
        except ValidationError as error:
            form.add_error("new_password", error)
        if result is CodeCheck.OK:
            request.session.pop(RECOVERY_SESSION_KEY, None)
            request.session.pop(RECOVERY_USERNAME_KEY, None)
            audit_record(request=request, action=PASSWORD_RESET, member=member_id)
            return render(request, "members/recover_done.html")
        if not form.errors:
            # One message for wrong, expired, used up or never sent: nothing here may tell
            # whether the details matched an account.
            form.add_error(
                "code",
                _(
                    "The verification code is not correct or has expired. "
                    "Check the email we sent you, or start again."
                ),
            )
    return render(
        request,
        "members/recover_sent.html",
        {"form": form, "forgot_username": forgot_username, "reset_password": True},
    )


@require_http_methods(["GET", "POST"])
def login(request: HttpRequest) -> HttpResponse:
    """LOG IN (allauth's page), behind the per-address limit on failed log-ins.

    The limit depends on the address alone, so it answers before any password is hashed; the
    per-username limits are in the adapter (members/login_limits.py).
    """
    offered = passwords_offered()
    if request.method == "POST":
        if not offered:
            # The plan signs members in at its identity provider only: no password is judged here.
            return HttpResponseNotAllowed(["GET"])
        wait = login_limits.address_wait(client_address(request))
        if wait:
            return too_many_requests(request, retry_after=wait)
    view = allauth_views.LoginView.as_view(
        extra_context={
            "passwords_offered": offered,
            "provider_buttons": provider_buttons(),
            "passkey_login": mfa_settings.PASSKEY_LOGIN_ENABLED,
        }
    )
    response: HttpResponse = view(request)
    return response


@require_POST
@login_required
def keep_alive(request: HttpRequest) -> HttpResponse:
    """ "Stay logged in": the request itself resets the idle timer (members.sessions)."""
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    # Never redirect(): it would take a bare word such as "0" for a view name and fail.
    return HttpResponseRedirect(target)
