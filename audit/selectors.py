"""Reading the audit trail for the member's own "Recent activity" list."""

from audit.models import AuditAction, AuditEvent
from members.models import Member

RECENT_LIMIT = 20

# What a member is shown: sign-ins, changes and staff access, not every page they opened.
MEMBER_VISIBLE_ACTIONS = [action for action in AuditAction if action is not AuditAction.PAGE_VIEW]


def recent_activity(*, member: Member, limit: int = RECENT_LIMIT) -> list[AuditEvent]:
    """The member's latest events, newest first; one query (served by the member/time index)."""
    return list(
        AuditEvent.objects.filter(member=member, action__in=MEMBER_VISIBLE_ACTIONS)
        .only("action", "actor_role", "ip", "created_at")
        .order_by("-created_at", "-id")[:limit]
    )
