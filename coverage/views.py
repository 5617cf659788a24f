"""Health Care Coverage: the member's Insurance page, with Active and Inactive tabs.

Which spans are active is decided by today's date in the plan's time zone (plan_today), not
the server's: at 11 p.m. in California a span ending today is still active.
"""

from dataclasses import dataclass

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from coverage.models import Coverage
from members.decorators import MemberRequest, member_required
from portal.clock import plan_today


@dataclass(frozen=True)
class Tab:
    label: str | Promise
    url: str
    current: bool


def _tabs(current: str) -> dict[str, object]:
    """Template context for includes/tabs.html: Active and Inactive, with `current` marked."""
    tabs = [("coverage", _("Active")), ("coverage_inactive", _("Inactive"))]
    return {
        "tabs_label": _("Insurance"),
        "tabs": [Tab(label=label, url=reverse(name), current=name == current) for name, label in tabs],
    }


@require_GET
@member_required
def active(request: MemberRequest) -> HttpResponse:
    """Active: coverage in effect today, with when it became effective and when it will expire."""
    spans = (
        Coverage.objects.filter(member=request.member)
        .active_on(plan_today())
        .order_by("-effective_date", "id")
    )
    return _insurance(request, spans=list(spans), inactive=False)


@require_GET
@member_required
def inactive(request: MemberRequest) -> HttpResponse:
    """Inactive: past coverage, with when it became effective and when it ended."""
    spans = (
        Coverage.objects.filter(member=request.member).inactive_on(plan_today()).order_by("-end_date", "id")
    )
    return _insurance(request, spans=list(spans), inactive=True)


def _insurance(request: MemberRequest, *, spans: list[Coverage], inactive: bool) -> HttpResponse:
    context = {"spans": spans, "inactive": inactive, **_tabs("coverage_inactive" if inactive else "coverage")}
    return render(request, "coverage/insurance.html", context)
