"""The home page's coverage card: the coverage in effect today, or that there is none."""

import datetime

from coverage.models import Coverage
from members.models import Member


def coverage_card(*, member: Member, today: datetime.date) -> dict[str, object]:
    """One query: the spans in effect today, newest first, as the values the card shows."""
    spans = (
        Coverage.objects.filter(member=member)
        .in_effect_on(today)
        .order_by("-effective_date", "id")
        .values("program", "plan", "end_date")
    )
    return {"spans": list(spans)}
