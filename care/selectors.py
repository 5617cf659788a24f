"""Reads other apps (and this one's pages) use: who a member's care manager is today."""

import datetime
from dataclasses import dataclass

from care.models import CareManagerAssignment, CareManagerContact
from members.models import Member, User


@dataclass(frozen=True)
class CareManager:
    """A member's care manager as the member sees them: a name and how to reach them."""

    user: User
    name: str
    phone: str  # E.164, or "" when the care manager has no direct line on record
    extension: str


def current_care_manager(member: Member | int, today: datetime.date) -> CareManager | None:
    """The care manager assigned to `member` on `today`, or None. One query."""
    assignment = (
        CareManagerAssignment.objects.filter(member=member)
        .in_effect_on(today)
        .select_related("care_manager__care_manager_contact")
        .order_by("-effective_from")
        .first()
    )
    if assignment is None:
        return None
    user = assignment.care_manager
    try:
        contact: CareManagerContact | None = user.care_manager_contact
    except CareManagerContact.DoesNotExist:
        contact = None
    return CareManager(
        user=user,
        name=user.get_full_name() or user.get_username(),
        phone=contact.phone if contact else "",
        extension=contact.extension if contact else "",
    )
