"""The home page's care card: the member's care manager (or whom to call), and the assessments
waiting for them with the nearest due date."""

import datetime

from django.db.models import Count, Min

from care.models import Assessment, AssessmentStatus
from care.selectors import current_care_manager
from members.models import Member


def care_card(*, member: Member, today: datetime.date) -> dict[str, object]:
    """Two queries, whatever the member's records."""
    waiting = (
        Assessment.objects.filter(member=member)
        .exclude(status=AssessmentStatus.FINISHED)
        .aggregate(count=Count("id"), nearest_due=Min("due_date"))
    )
    return {
        "care_manager": current_care_manager(member, today),
        "assessments_waiting": waiting["count"],
        "nearest_due": waiting["nearest_due"],
    }
