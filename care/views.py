"""Care Plan: the member's care plans (Active and Completed tabs), a plan's goals with their
activities and schedules, and its Nursing Interventions (never the internal ones)."""

from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from care.models import CarePlan, CarePlanStatus
from care.selectors import current_care_manager, plan_goals
from members.decorators import MemberRequest, member_required
from portal.clock import plan_today


def _members_plans(request: MemberRequest) -> QuerySet[CarePlan]:
    # Drafts are the care manager's work in progress, never the member's to see.
    return CarePlan.objects.filter(member=request.member).exclude(status=CarePlanStatus.DRAFT)


@require_GET
@member_required
def active_plans(request: MemberRequest) -> HttpResponse:
    return _plan_list(request, status=CarePlanStatus.ACTIVE)


@require_GET
@member_required
def completed_plans(request: MemberRequest) -> HttpResponse:
    return _plan_list(request, status=CarePlanStatus.COMPLETED)


def _plan_list(request: MemberRequest, *, status: CarePlanStatus) -> HttpResponse:
    plans = (
        _members_plans(request)
        .filter(status=status)
        .select_related("care_manager")
        .order_by("-start_date", "-id")
    )
    return render(
        request,
        "care/plans.html",
        {
            "plans": list(plans),
            "completed": status == CarePlanStatus.COMPLETED,
            "care_manager": current_care_manager(request.member, plan_today()),
        },
    )


@require_GET
@member_required
def care_plan(request: MemberRequest, plan_id: int) -> HttpResponse:
    """One plan: its goals, each with its activities. Three queries, whatever the plan's size."""
    plan = get_object_or_404(_members_plans(request).select_related("care_manager"), pk=plan_id)
    return render(
        request,
        "care/plan.html",
        {
            "care_plan": plan,
            "goals": plan_goals(plan),
            "care_manager": current_care_manager(request.member, plan_today()),
        },
    )


@require_GET
@member_required
def interventions(request: MemberRequest, plan_id: int) -> HttpResponse:
    """Nursing Interventions: the care manager's actions and notes meant for the member, newest first."""
    plan = get_object_or_404(_members_plans(request), pk=plan_id)
    shown = plan.interventions.filter(internal=False).order_by("-date", "-id")
    return render(request, "care/interventions.html", {"care_plan": plan, "interventions": list(shown)})
