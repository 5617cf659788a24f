"""Writing the audit trail: the one function every audited place calls.

It takes the request (for the actor, their role, the client address and the request id) and
writes one AuditEvent. `detail` must never hold a value from a member's record: callers pass the
name of a page, an admin screen or a kind of contact.
"""

import ipaddress

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from django.http import HttpRequest

from audit.models import ActorRole, AuditEvent
from portal.registry import AuditAction, audit_actions


def _client_ip(request: HttpRequest) -> str | None:
    # The load balancer is trusted to set REMOTE_ADDR (see docs/deploy.md).
    raw = str(request.META.get("REMOTE_ADDR", ""))
    try:
        return str(ipaddress.ip_address(raw))
    except ValueError:
        return None


def _role(user: AbstractBaseUser | None) -> ActorRole:
    if user is None:
        return ActorRole.ANONYMOUS
    return ActorRole.STAFF if getattr(user, "is_staff", False) else ActorRole.MEMBER


def audit_record(
    *,
    request: HttpRequest | None,
    action: AuditAction,
    member: models.Model | int | None = None,
    detail: str = "",
    actor: AbstractBaseUser | None = None,
) -> AuditEvent:
    """Append one event to the audit trail; one INSERT.

    The actor is `actor` if given (a sign-in, before request.user is set), else the request's
    signed-in user. Without a request the event is the system's (a task, a command). An action
    no installed app declares is refused, so a typo cannot write an event nobody can read.
    """
    if action not in audit_actions():
        raise ValueError(f"Undeclared audit action {action!r}")
    if request is None:
        role, ip, request_id = (_role(actor) if actor else ActorRole.SYSTEM), None, ""
    else:
        if actor is None:
            user = getattr(request, "user", None)
            actor = user if isinstance(user, AbstractBaseUser) and user.is_authenticated else None
        role, ip, request_id = _role(actor), _client_ip(request), getattr(request, "request_id", "")
    return AuditEvent.objects.create(
        actor_id=actor.pk if actor is not None else None,
        actor_role=role,
        member_id=member.pk if isinstance(member, models.Model) else member,
        action=action,
        detail=detail[:200],
        ip=ip,
        request_id=request_id,
    )
