"""Writes of grievances and appeals: filing, withdrawing, and staff's steps. Each is one
transaction that writes the case, its event and the member's email through the outbox together,
so a failure part-way leaves nothing behind (docs/appeals.md)."""

import datetime
import secrets
import uuid
from collections.abc import Sequence

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from appeals import rules
from appeals.files import store_case_file
from appeals.models import CLOSED, Case, CaseEvent, CaseKind, CaseStatus, EventKind, Outcome
from authorizations.models import Authorization
from members.models import Member, User, email_language
from outbox.services import email_queue

# Letters of the reference number's random part: no 0/O or 1/I for a member reading it out.
_REFERENCE_LETTERS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def new_reference(kind: str, received_at: datetime.datetime) -> str:
    """A reference number to read over the phone: A (appeal) or G (grievance), the day received,
    eight random letters (unique in practice; the database's unique constraint decides)."""
    day = timezone.localdate(received_at).strftime("%y%m%d")
    tail = "".join(secrets.choice(_REFERENCE_LETTERS) for _ in range(8))
    return f"{'A' if kind == CaseKind.APPEAL else 'G'}{day}-{tail}"


def _email_member(case: Case, *, template: str, language: str | None = None) -> None:
    user = case.member.user
    if user is None or not user.email:
        return
    email_queue(
        to=user.email,
        template=template,
        # No details of the case in an email, not even its reference: the member reads them
        # signed in.
        context={"case_url": settings.SITE_URL + reverse("appeals")},
        language=language or email_language(user),
        member=case.member,
    )


def _file(
    *,
    member: Member,
    token: uuid.UUID,
    now: datetime.datetime,
    files: Sequence[UploadedFile],
    **fields: object,
) -> Case:
    with transaction.atomic():
        # The same form sent twice (a double click, a resend) is the same case.
        existing = Case.objects.filter(member=member, filing_token=token).first()
        if existing is not None:
            return existing
        case = Case.objects.create(
            member=member,
            filing_token=token,
            received_at=now,
            acknowledge_by=rules.acknowledge_by(now),
            **fields,
        )
        CaseEvent.objects.create(case=case, kind=EventKind.RECEIVED, at=now)
        for upload in files:
            store_case_file(case, upload)
        _email_member(case, template="appeals/received")
    return case


def file_appeal(
    *,
    member: Member,
    authorization: Authorization,
    description: str,
    expedited: bool,
    contact_phone: str,
    token: uuid.UUID,
    now: datetime.datetime,
    files: Sequence[UploadedFile] = (),
) -> Case:
    """File an appeal of `authorization` (the form checked that its window is open)."""
    return _file(
        member=member,
        token=token,
        now=now,
        files=files,
        kind=CaseKind.APPEAL,
        reference=new_reference(CaseKind.APPEAL, now),
        authorization=authorization,
        description=description,
        expedited=expedited,
        contact_phone=contact_phone,
        resolve_by=rules.appeal_resolve_by(now, expedited=expedited),
    )


def file_grievance(
    *,
    member: Member,
    category: str,
    description: str,
    occurred_on: datetime.date | None,
    provider_name: str,
    token: uuid.UUID,
    now: datetime.datetime,
    files: Sequence[UploadedFile] = (),
) -> Case:
    """File a grievance (any time)."""
    return _file(
        member=member,
        token=token,
        now=now,
        files=files,
        kind=CaseKind.GRIEVANCE,
        reference=new_reference(CaseKind.GRIEVANCE, now),
        category=category,
        description=description,
        occurred_on=occurred_on,
        provider_name=provider_name,
        resolve_by=rules.grievance_resolve_by(now),
    )


def _step(
    case: Case,
    *,
    kind: str,
    now: datetime.datetime,
    by: User | None,
    note: str = "",
    email: str = "appeals/updated",
    **changes: object,
) -> bool:
    """Move an open case on: the conditional UPDATE lets one of two racing steps through."""
    with transaction.atomic():
        moved = Case.objects.filter(pk=case.pk).exclude(status__in=CLOSED).update(**changes)
        if not moved:
            return False
        for name, value in changes.items():
            setattr(case, name, value)
        CaseEvent.objects.create(case=case, kind=kind, at=now, note=note, by=by)
        # Staff's steps write to the member in the member's language, not the staff site's.
        _email_member(case, template=email, language=case.member.preferred_language or None)
    return True


def withdraw(*, case: Case, now: datetime.datetime) -> bool:
    """The member withdraws an open case; False if it was already closed."""
    return _step(
        case,
        kind=EventKind.WITHDRAWN,
        now=now,
        by=None,
        email="appeals/withdrawn",
        status=CaseStatus.WITHDRAWN,
    )


def acknowledge(*, case: Case, by: User, now: datetime.datetime) -> bool:
    """Staff acknowledge receipt (the acknowledgement letter)."""
    return _step(
        case, kind=EventKind.ACKNOWLEDGED, now=now, by=by, status=CaseStatus.ACKNOWLEDGED, acknowledged_at=now
    )


def assign(*, case: Case, to: User, by: User, now: datetime.datetime) -> bool:
    """Staff put the case in a reviewer's hands: it is In review."""
    return _step(case, kind=EventKind.ASSIGNED, now=now, by=by, status=CaseStatus.IN_REVIEW, assigned_to=to)


def extend(*, case: Case, days: int, reason: str, by: User, now: datetime.datetime) -> bool:
    """Staff extend the time frame by `days` (at most the profile's), with the reason the member
    is told (42 CFR 438.408(c)); an extended case cannot be extended again."""
    if not reason.strip():
        raise ValueError("an extension needs its reason")
    if case.status == CaseStatus.EXTENDED:
        return False
    return _step(
        case,
        kind=EventKind.EXTENDED,
        now=now,
        by=by,
        note=reason,
        status=CaseStatus.EXTENDED,
        extension_reason=reason,
        resolve_by=rules.extended_resolve_by(case.resolve_by, days),
    )


def resolve(*, case: Case, outcome: str, reason: str, by: User, now: datetime.datetime) -> bool:
    """Staff resolve the case with its result and the reason written for the member (an appeal's
    outcome: upheld, overturned or partly overturned; a grievance has none)."""
    if not reason.strip():
        raise ValueError("a resolution needs its reason")
    if (case.kind == CaseKind.APPEAL) != (outcome in Outcome.values):
        raise ValueError("an appeal's resolution has an outcome, a grievance's none")
    return _step(
        case,
        kind=EventKind.RESOLVED,
        now=now,
        by=by,
        note=reason,
        status=CaseStatus.RESOLVED,
        outcome=outcome,
        resolution_reason=reason,
        resolved_at=now,
    )
