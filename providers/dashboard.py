"""The home page's My PCP card: who the member's PCP is, any change on its way, and what to do."""

import datetime

from members.models import Member
from providers.selectors import my_pcp


def pcp_card(*, member: Member, today: datetime.date) -> dict[str, object]:
    """One query (the member's PCP history)."""
    return {"pcp": my_pcp(member=member, today=today)}
