"""The header's envelope and the home page's card: how many messages the member has not opened."""

import datetime

from inbox.selectors import unread_count
from members.models import Member


def envelope(*, member: Member) -> dict[str, object]:
    """One indexed query on every member page."""
    return {"unread": unread_count(member)}


def messages_card(*, member: Member, today: datetime.date) -> dict[str, object]:
    return {"unread": unread_count(member)}
