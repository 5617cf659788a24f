"""Reads other apps (and this one's pages) use: who a member's care manager is today; a care
plan's goals with their activities."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from care.models import CareActivity, CareGoal, CareManagerAssignment, CarePlan
from members.models import Member, User
from portal.statements import CompiledQuery, ModelStatement

_GOALS = ModelStatement(CareGoal, where="plan_id = %s", order_by=["position", "id"])
_ACTIVITIES = ModelStatement(
    CareActivity,
    where=f"goal_id IN (SELECT id FROM {CareGoal._meta.db_table} WHERE plan_id = %s)",  # noqa: S608
    order_by=["position", "id"],
)


@dataclass(frozen=True)
class CareManager:
    """A member's care manager as the member sees them: a name and how to reach them."""

    user_id: int  # the care manager's sign-in, for the services that write to them
    name: str
    phone: str  # E.164, or "" when the care manager has no direct line on record
    extension: str


def current_care_manager(member: Member | int, today: datetime.date) -> CareManager | None:
    """The care manager assigned to `member` on `today`, or None. One query, of the six values
    shown: it is on the home page, Care Plan and every Messages page, and the whole user and
    assignment rows through the ORM cost three times as much. Its SQL is the ORM's, compiled once
    per process (`_CARE_MANAGER`): building it anew was most of the rest."""
    member_id = member.pk if isinstance(member, Member) else member
    found = _CARE_MANAGER.rows(member_id, today)
    if not found:
        return None
    user_id, first_name, last_name, username, phone, extension = found[0]
    user = User(first_name=first_name, last_name=last_name, username=username)  # for its name only
    return CareManager(
        user_id=user_id,
        name=user.get_full_name() or user.get_username(),
        phone=phone or "",
        extension=extension or "",
    )


def _care_manager_query(member: int, today: datetime.date) -> QuerySet[Any]:
    return (
        CareManagerAssignment.objects.filter(member=member)
        .in_effect_on(today)
        .order_by("-effective_from")
        .values_list(
            "care_manager_id",
            "care_manager__first_name",
            "care_manager__last_name",
            "care_manager__username",
            "care_manager__care_manager_contact__phone",
            "care_manager__care_manager_contact__extension",
        )[:1]
    )


_CARE_MANAGER = CompiledQuery(_care_manager_query, sample=(-7, datetime.date(1901, 2, 3)))


def plan_goals(plan: CarePlan) -> list[CareGoal]:
    """The plan's goals in order, each with its activities in order (as `activity_list`): two
    queries, whatever the plan's size. Statements written once (portal/statements.py), not the
    ORM's nested prefetch, which for twenty goals built three times the Python."""
    activities = _ACTIVITIES.grouped([plan.pk], by="goal_id")
    goals = _GOALS.rows([plan.pk])
    for goal in goals:
        goal.activity_list = activities[goal.pk]
    return goals
