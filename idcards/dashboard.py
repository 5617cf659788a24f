"""The home page's ID card card: the member ID, Print and Order, and any order on its way."""

import datetime
from typing import Any

from django.db.models import QuerySet

from idcards.models import IdCardOrder, OrderStatus
from members.models import Member
from portal.statements import CompiledQuery


def idcard_card(*, member: Member, today: datetime.date) -> dict[str, object]:
    """One query: when the member's open order was placed, if one is open (the member ID is on
    the member already read). Its SQL is compiled once (portal/statements.py)."""
    ordered = _OPEN_ORDER.rows(member.pk)
    return {"member_id": member.member_id, "ordered_at": ordered[0][0] if ordered else None}


def _open_order(member: int) -> QuerySet[Any]:
    return (
        IdCardOrder.objects.filter(member=member, status=OrderStatus.REQUESTED)
        .order_by("pk")
        .values_list("requested_at")[:1]
    )


_OPEN_ORDER = CompiledQuery(_open_order, sample=(-7,))
