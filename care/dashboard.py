"""The home page's care card: the member's care manager (or whom to call), and the assessments
waiting for them with the nearest due date."""

import datetime
from typing import Any

from django.db.models import Count, Min, QuerySet

from care.models import Assessment, AssessmentStatus
from care.selectors import current_care_manager
from members.models import Member
from portal.statements import CompiledQuery


def care_card(*, member: Member, today: datetime.date) -> dict[str, object]:
    """Two queries, whatever the member's records, their SQL compiled once (portal/statements.py)."""
    waiting = _WAITING.rows(member.pk)  # no row when nothing waits
    count, nearest_due = waiting[0] if waiting else (0, None)
    return {
        "care_manager": current_care_manager(member, today),
        "assessments_waiting": count,
        "nearest_due": nearest_due,
    }


def _waiting(member: int) -> QuerySet[Any]:
    """The member's unfinished assessments, counted, with the nearest due date: one group."""
    return (
        Assessment.objects.filter(member=member)
        .exclude(status=AssessmentStatus.FINISHED)
        .values("member")
        .annotate(count=Count("id"), nearest_due=Min("due_date"))
        .order_by()
        .values_list("count", "nearest_due")
    )


_WAITING = CompiledQuery(_waiting, sample=(-7,))
