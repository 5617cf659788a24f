"""Reading the audit trail for the member's own "Recent activity" list."""

from django.db import models

from audit.models import AuditEvent
from portal.registry import audit_actions

RECENT_LIMIT = 20


def member_visible_actions() -> list[str]:
    """What a member is shown: sign-ins, changes and staff access, not every page they opened."""
    return [name for name, action in audit_actions().items() if action.shown_to_member]


def recent_activity(*, member: models.Model | int, limit: int = RECENT_LIMIT) -> list[AuditEvent]:
    """The member's latest events, newest first; one query (served by the member/time index)."""
    return list(
        AuditEvent.objects.filter(
            member_id=getattr(member, "pk", member), action__in=member_visible_actions()
        )
        .only("action", "actor_role", "ip", "created_at")
        .order_by("-created_at", "-id")[:limit]
    )
