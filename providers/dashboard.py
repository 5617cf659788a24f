"""The home page's My PCP card: who the member's PCP is, any change on its way, and what to do."""

import datetime
from typing import Any

from django.db.models import QuerySet

from members.models import Member
from portal.spans import in_effect_on
from portal.statements import CompiledQuery
from providers.models import PcpAssignment


def pcp_card(*, member: Member, today: datetime.date) -> dict[str, object]:
    """One query, of the two assignments that matter here (the current one and the next), as plain
    values: the card shows names and a date, and the home page is read on every log-in (its SQL
    compiled once, portal/statements.py)."""
    current = pending = None
    for first, last, first_name, last_name in _ASSIGNMENTS.rows(member.pk, today):
        name = f"{first_name} {last_name}"
        if in_effect_on(first, last, today):
            current = name
        elif first > today and pending is None:
            pending = {"name": name, "starts": first}
    return {"current": current, "pending": pending}


def _assignments(member: int, today: datetime.date) -> QuerySet[Any]:
    return (
        PcpAssignment.objects.filter(member=member)
        .not_ended_on(today)
        .order_by("effective_from")
        .values_list("effective_from", "effective_to", "provider__first_name", "provider__last_name")[:2]
    )


_ASSIGNMENTS = CompiledQuery(_assignments, sample=(-7, datetime.date(1901, 2, 3)))
