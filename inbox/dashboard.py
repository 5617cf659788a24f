"""The header's envelope and the home page's card: how many messages the member has not opened."""

import datetime

from inbox.selectors import unread_count
from members.models import Member


def _unread(member: Member) -> int:
    # The home page's card and the header read the same request.member: one query for both.
    count: int | None = getattr(member, "_unread_messages", None)
    if count is None:
        count = unread_count(member)
        member._unread_messages = count  # type: ignore[attr-defined]
    return count


def envelope(*, member: Member) -> dict[str, object]:
    """One indexed query on every member page."""
    return {"unread": _unread(member)}


def messages_card(*, member: Member, today: datetime.date) -> dict[str, object]:
    return {"unread": _unread(member)}
