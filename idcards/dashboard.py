"""The home page's ID card card: the member ID, Print and Order, and any order on its way."""

import datetime

from idcards.models import IdCardOrder, OrderStatus
from members.models import Member


def idcard_card(*, member: Member, today: datetime.date) -> dict[str, object]:
    """One query: when the member's open order was placed, if one is open (the member ID is on
    the member already read)."""
    ordered = (
        IdCardOrder.objects.filter(member=member, status=OrderStatus.REQUESTED)
        .values_list("requested_at", flat=True)
        .first()
    )
    return {"member_id": member.member_id, "ordered_at": ordered}
