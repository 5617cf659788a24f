"""The home page's claims card: the three most recent claims and what the member may owe on them."""

import datetime

from claims.models import MEMBER_SHARE_FIELDS, Claim
from members.models import Member
from portal.statements import ModelStatement

RECENT = 3


# Read on every home page (portal/statements.py); the list index gives them in this order.
_RECENT = ModelStatement(
    Claim,
    where="member_id = %s",
    order_by=["-service_from", "-id"],
    fields=["id", "claim_number", "service_from", "billing_provider_name", "status", *MEMBER_SHARE_FIELDS],
)


def claims_card(*, member: Member, today: datetime.date) -> dict[str, object] | None:
    """One query on the list index: the member's latest claims of any kind; None without claims."""
    recent = _RECENT.rows([member.pk], limit=RECENT)
    if not recent:
        return None
    return {"claims": recent}
