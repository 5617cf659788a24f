"""The home page's ID card card: the member ID, Print and Order, and any order on its way."""

import datetime

from idcards.services import open_order_for
from members.models import Member


def idcard_card(*, member: Member, today: datetime.date) -> dict[str, object]:
    """One query: the member's open order, if any (the member ID is on the member already read)."""
    return {"member_id": member.member_id, "open_order": open_order_for(member)}
