"""Sign-ins, failed sign-ins and sign-outs go into the audit trail.

Django's auth signals fire for allauth's log-in pages and the admin's alike, and the staff sign-in
says when it refuses a right password; the receivers only call the audit service, naming the member
whose account it was.
"""

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.http import HttpRequest

from audit.services import audit_record
from members.audit_actions import SIGN_IN, SIGN_IN_FAILED, SIGN_OUT
from members.models import Member, User
from portal.staff_sign_in import staff_sign_in_refused


def _member_id(user: object) -> int | None:
    if not isinstance(user, User) or user.pk is None:
        return None
    return Member.objects.filter(user_id=user.pk).values_list("pk", flat=True).first()


def on_logged_in(sender: object, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    audit_record(request=request, action=SIGN_IN, member=_member_id(user), actor=user)


def on_logged_out(sender: object, request: HttpRequest | None, user: User | None, **kwargs: Any) -> None:
    if user is None:
        return  # nobody was signed in
    audit_record(request=request, action=SIGN_OUT, member=_member_id(user), actor=user)


def on_login_failed(
    sender: object, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    # The username is not stored (it may be a name); the account it names, if any, is.
    username = str(credentials.get("username") or "")
    user = User.objects.filter(username__iexact=username).first() if username else None
    audit_record(
        request=request,
        action=SIGN_IN_FAILED,
        member=_member_id(user),
        detail="known account" if user else "unknown account",
    )


def on_staff_sign_in_refused(
    sender: object, request: HttpRequest, user: User, reason: str, **kwargs: Any
) -> None:
    # A right password refused all the same: the account is known, so it is the actor.
    audit_record(request=request, action=SIGN_IN_FAILED, detail=f"staff admin: {reason}", actor=user)


def connect() -> None:
    staff_sign_in_refused.connect(on_staff_sign_in_refused, dispatch_uid="audit.staff_sign_in_refused")
    user_logged_in.connect(on_logged_in, dispatch_uid="audit.sign_in")
    user_logged_out.connect(on_logged_out, dispatch_uid="audit.sign_out")
    user_login_failed.connect(on_login_failed, dispatch_uid="audit.sign_in_failed")
