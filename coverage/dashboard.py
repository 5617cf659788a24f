"""The home page's coverage card: the coverage in effect today, or that there is none."""

import datetime
from typing import Any

from django.db.models import QuerySet

from coverage.models import Coverage
from members.models import Member
from portal.statements import CompiledQuery


def coverage_card(*, member: Member, today: datetime.date) -> dict[str, object]:
    """One query: the spans in effect today, newest first, as the values the card shows. Its SQL
    is compiled once (portal/statements.py): the home page is read on every log-in."""
    return {"spans": _SPANS.rows(member.pk, today)}


def _spans(member: int, today: datetime.date) -> QuerySet[Any]:
    return (
        Coverage.objects.filter(member=member)
        .in_effect_on(today)
        .order_by("-effective_date", "id")
        .values("program", "plan", "end_date")
    )


_SPANS = CompiledQuery(_spans, sample=(-7, datetime.date(1901, 2, 3)))
