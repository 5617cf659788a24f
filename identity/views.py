"""Link your member record: the first sign-in with an identity from the plan's provider.

allauth keeps the verified identity in the session (its pending social sign-up) and sends the
browser here; the member proves which plan record is theirs once, by the details on their ID
card (members.matching, with its limits on guessing) or by full SSN where the plan has them.
Then allauth finishes the log-in and later sign-ins go straight to the dashboard.

Also "Confirm it is you" for a change that asks again: sign in again at a linked provider.
"""

from typing import cast

from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.socialaccount.internal.flows.signup import (
    clear_pending_signup,
    complete_social_signup,
    get_pending_signup,
)
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from audit.services import audit_record
from identity.audit_actions import IDENTITY_LINK_FAILED, IDENTITY_LINKED
from identity.forms import ReauthenticateForm, SsnForm
from identity.reauthentication import reauthentication_identities, reauthentication_start
from identity.services import identity_link
from members.accounts import AccountAlreadyExists, BelowMinimumAge
from members.forms import NO_MATCH_MESSAGE, MemberIdentityForm, below_minimum_age_message
from members.limits import client_address
from members.models import User
from members.ssn import ssn_enabled
from portal.forms import PlainTextForm

BY_SSN = "ssn"


@require_http_methods(["GET", "POST"])
def link(request: HttpRequest) -> HttpResponse:
    sociallogin = get_pending_signup(request)
    if sociallogin is None:
        return redirect("account_login")
    ip = client_address(request)
    by_ssn = request.method == "POST" and request.POST.get("method") == BY_SSN and ssn_enabled()
    details = MemberIdentityForm(request.POST if request.method == "POST" and not by_ssn else None, ip=ip)
    ssn = SsnForm(request.POST if by_ssn else None, ip=ip) if ssn_enabled() else None
    form: PlainTextForm | None = ssn if by_ssn else details
    if request.method == "POST" and form is not None and form.is_valid():
        member = form.match_member()  # type: ignore[attr-defined]
        if member is None:
            audit_record(request=request, action=IDENTITY_LINK_FAILED)
            form.add_error(None, NO_MATCH_MESSAGE)
        else:
            try:
                identity_link(request=request, sociallogin=sociallogin, member=member)
            except AccountAlreadyExists:
                form.add_error(None, already_linked_message())
            except BelowMinimumAge:
                form.add_error(None, below_minimum_age_message())
            else:
                clear_pending_signup(request)
                audit_record(
                    request=request,
                    action=IDENTITY_LINKED,
                    member=member,
                    actor=sociallogin.user,
                    detail=sociallogin.account.provider,
                )
                response: HttpResponse = complete_social_signup(request, sociallogin)
                return response
    provider = sociallogin.provider.name
    return render(request, "identity/link.html", {"details": details, "ssn": ssn, "provider": provider})


def already_linked_message() -> str:
    return _(
        "This member record already has an online account. Sign in the way you did before, "
        "or call Member Services."
    )


@require_http_methods(["GET", "POST"])
@login_required
def reauthenticate(request: HttpRequest) -> HttpResponse:
    """Confirm it is you: sign in again at a linked identity provider (identity/reauthentication.py)."""
    user = cast(User, request.user)
    identities = reauthentication_identities(user)
    if not identities:
        return redirect("identities")
    form = ReauthenticateForm(request.POST or None, identities=identities)
    if request.method == "POST" and form.is_valid():
        next_url = form.cleaned_data["next"]
        if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            next_url = reverse("home")
        return reauthentication_start(request, identity=form.chosen(), next_url=next_url)
    others = [
        method
        for method in get_account_adapter(request).get_reauthentication_methods(user)
        if method["id"] != "identity_reauthenticate"
    ]
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = ""
    return render(
        request,
        "identity/reauthenticate.html",
        {"identities": identities, "others": others, "next_url": next_url},
    )
