"""Reads other apps (and this one's pages) use: who a member's care manager is today."""

import datetime
from dataclasses import dataclass

from care.models import CareManagerAssignment
from members.models import Member, User


@dataclass(frozen=True)
class CareManager:
    """A member's care manager as the member sees them: a name and how to reach them."""

    user_id: int  # the care manager's sign-in, for the services that write to them
    name: str
    phone: str  # E.164, or "" when the care manager has no direct line on record
    extension: str


def current_care_manager(member: Member | int, today: datetime.date) -> CareManager | None:
    """The care manager assigned to `member` on `today`, or None. One query, of the six values
    shown: it is on the home page, Care Plan and every Messages page, and the whole user and
    assignment rows through the ORM cost three times as much."""
    row = (
        CareManagerAssignment.objects.filter(member=member)
        .in_effect_on(today)
        .order_by("-effective_from")
        .values_list(
            "care_manager_id",
            "care_manager__first_name",
            "care_manager__last_name",
            "care_manager__username",
            "care_manager__care_manager_contact__phone",
            "care_manager__care_manager_contact__extension",
        )
        .first()
    )
    if row is None:
        return None
    user_id, first_name, last_name, username, phone, extension = row
    user = User(first_name=first_name, last_name=last_name, username=username)  # for its name only
    return CareManager(
        user_id=user_id,
        name=user.get_full_name() or user.get_username(),
        phone=phone or "",
        extension=extension or "",
    )
