"""The home page's card: requests waiting for the plan's decision, and when each is due."""

import datetime
from typing import Any

from authorizations.rules import decision_due
from authorizations.selectors import pending
from members.models import Member

CARD_LIMIT = 3


def pending_card(*, member: Member, today: datetime.date) -> dict[str, Any] | None:
    """One query: up to CARD_LIMIT pending requests with their due dates; None when there are none."""
    rows = pending(member, limit=CARD_LIMIT + 1)
    if not rows:
        return None
    shown = [(record, decision_due(record.requested_date, record.priority)) for record in rows[:CARD_LIMIT]]
    return {"pending": shown, "more": len(rows) > CARD_LIMIT}
