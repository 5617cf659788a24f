"""`member_required`: the gate of every member page.

It resolves the signed-in user's own plan record once, as `request.member`, so a view never
looks a member up by an id from the URL: whatever ids a URL carries, a member reaches only
their own data. With `request.member` set, the page gets the member area's navigation and its
tabs (portal.context_processors.member_area, from what each app declares). Each member page
shown (a GET answered 200) adds a page_view to the audit trail: one INSERT, named by the page's
URL name, never by what it showed.

Where the plan requires two-factor (`rules.two_factor_required`), a member without a second
factor gets no member page at all: every one of them sends them to set up an authenticator app
first, so no typed URL gets round it.
"""

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from audit.services import audit_record
from members import rules
from members.audit_actions import PAGE_VIEW
from members.models import Member
from members.two_factor import two_factor_set_up

P = ParamSpec("P")


class MemberRequest(HttpRequest):
    """A request whose user is a signed-in member (for type checkers)."""

    member: Member


def member_required[**P, R: HttpResponseBase](
    view: Callable[Concatenate[MemberRequest, P], R],
) -> Callable[Concatenate[HttpRequest, P], R | HttpResponseRedirect]:
    # R: a page (HttpResponse) or a download streamed row by row (StreamingHttpResponse).
    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> R | HttpResponseRedirect:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        # Read with the user, in the same query (members/backends.py).
        member = getattr(request.user, "member", None)
        if member is None:
            # A staff user or an orphaned account: there is no member page to show.
            raise Http404
        request.member = member  # type: ignore[attr-defined]
        if rules.two_factor_required() and not two_factor_set_up(request.user):
            messages.info(
                request,
                _(
                    "To keep your health information safe, your plan asks every member to "
                    "set up two-factor authentication. Please set it up to continue."
                ),
            )
            return redirect("mfa_activate_totp")
        response = view(request, *args, **kwargs)  # type: ignore[arg-type]
        if request.method == "GET" and response.status_code == 200:
            match = request.resolver_match
            page = match.view_name if match is not None else request.path
            audit_record(request=request, action=PAGE_VIEW, member=member, detail=page)
        return response

    return wrapper
