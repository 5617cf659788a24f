"""Profile → Recent activity: what happened on the member's account, including staff access."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from audit.selectors import RECENT_LIMIT, recent_activity
from members.decorators import MemberRequest, member_required


@require_GET
@member_required
def activity(request: MemberRequest) -> HttpResponse:
    """The last sign-ins, failed sign-ins, changes and staff views of the member's record."""
    context = {"events": recent_activity(member=request.member), "limit": RECENT_LIMIT}
    return render(request, "members/activity.html", context)
