"""Health Care Coverage: the member's Insurance page, with Active and Inactive tabs.

Which spans are active is decided by today's date in the plan's time zone (plan_today), not
the server's: at 11 p.m. in California a span ending today is still active.
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from coverage.models import Coverage
from members.decorators import MemberRequest, member_required
from portal.clock import plan_today


@require_GET
@member_required
def active(request: MemberRequest) -> HttpResponse:
    """Active: coverage in effect today, with when it became effective and when it will expire."""
    spans = (
        Coverage.objects.filter(member=request.member)
        .in_effect_on(plan_today())
        .order_by("-effective_date", "id")
    )
    return _insurance(request, spans=list(spans), inactive=False)


@require_GET
@member_required
def inactive(request: MemberRequest) -> HttpResponse:
    """Inactive: past coverage, with when it became effective and when it ended."""
    spans = (
        Coverage.objects.filter(member=request.member).ended_before(plan_today()).order_by("-end_date", "id")
    )
    return _insurance(request, spans=list(spans), inactive=True)


def _insurance(request: MemberRequest, *, spans: list[Coverage], inactive: bool) -> HttpResponse:
    return render(request, "coverage/insurance.html", {"spans": spans, "inactive": inactive})
