"""Profile → Sign-in: the identities from the plan's providers that sign in to this account,
each with Unlink; the member's passkeys, each with Remove; two-factor. Only the signed-in
member's own are listed or unlinked (404 otherwise)."""

from typing import cast

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from audit.services import audit_record
from identity.audit_actions import IDENTITY_UNLINKED
from identity.services import LastWayIn, identities_of
from identity.services import identity_unlink as unlink
from members.decorators import MemberRequest, member_required
from members.models import User
from members.reauthentication import reauthentication_required
from members.two_factor import passkeys_of


@require_http_methods(["GET"])
@member_required
def identities(request: MemberRequest) -> HttpResponse:
    user = cast(User, request.user)
    return render(
        request,
        "identity/identities.html",
        {
            "identities": identities_of(user),
            "has_password": user.has_usable_password(),
            "passkeys": passkeys_of(user),
        },
    )


@require_http_methods(["GET", "POST"])
@member_required
@reauthentication_required
def identity_unlink(request: MemberRequest, pk: int) -> HttpResponse:
    user = cast(User, request.user)
    identity = next((account for account in identities_of(user) if account.pk == pk), None)
    if identity is None:
        raise Http404
    if request.method == "POST":
        try:
            removed = unlink(user=user, account_id=pk)
        except LastWayIn:
            messages.error(
                request,
                _(
                    "This is the only way you sign in, so it cannot be unlinked. "
                    "Call Member Services for help."
                ),
            )
            return redirect("identities")
        if removed is None:
            raise Http404
        audit_record(
            request=request, action=IDENTITY_UNLINKED, member=request.member, detail=removed.provider
        )
        messages.success(request, _("The sign-in is unlinked."))
        return redirect("identities")
    return render(request, "identity/unlink.html", {"identity": identity})
