"""The home page's alerts card: open alerts and actions needed, soonest due first."""

import datetime

from eligibility.selectors import open_alerts
from members.models import Member


def alerts_card(*, member: Member, today: datetime.date) -> dict[str, object] | None:
    """One query; nothing to show when no alert is open."""
    alerts = open_alerts(member, today)
    return {"alerts": alerts} if alerts else None
