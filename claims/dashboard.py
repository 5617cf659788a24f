"""The home page's claims card: the three most recent claims and what the member may owe on them."""

import datetime

from claims.models import MEMBER_SHARE_FIELDS, Claim
from members.models import Member

RECENT = 3


def claims_card(*, member: Member, today: datetime.date) -> dict[str, object] | None:
    """One query on the list index: the member's latest claims of any kind; None without claims."""
    fields = ("id", "claim_number", "service_from", "billing_provider_name", "status", *MEMBER_SHARE_FIELDS)
    recent = list(Claim.objects.filter(member=member).order_by("-service_from", "-id").only(*fields)[:RECENT])
    if not recent:
        return None
    return {"claims": recent}
