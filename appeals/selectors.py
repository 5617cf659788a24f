"""Reads of a member's grievances and appeals: the two lists (filtered), a case page."""

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from appeals import rules
from appeals.models import Case, CaseEvent, CaseFile, CaseKind, CaseStatus, Outcome
from authorizations.models import Authorization
from members.models import Member
from portal.statements import ModelStatement

LIST_SIZE = 50

# A case's page, read by statements written once (portal/statements.py): the ORM's join and
# prefetch took 1.7 ms of the page's 12 for three small reads.
_MEMBERS_CASE = "member_id = %s AND reference = %s"
_CASE = ModelStatement(Case, where=_MEMBERS_CASE)
_AUTHORIZATION = ModelStatement(
    Authorization,
    where=f"id = (SELECT authorization_id FROM {Case._meta.db_table} WHERE {_MEMBERS_CASE})",  # noqa: S608
)
_EVENTS = ModelStatement(CaseEvent, where="case_id = %s")  # in the model's order: as it happened
_FILES = ModelStatement(CaseFile, where="case_id = %s", order_by=["id"])  # as the member sent them


def member_cases(member: Member) -> QuerySet[Case]:
    """Only this member's cases: every read of the app starts here."""
    return Case.objects.filter(member=member)


def case_list(
    member: Member,
    kind: str,
    *,
    status: str = "",
    filed_from: datetime.date | None = None,
    filed_to: datetime.date | None = None,
    reference: str = "",
) -> list[Case]:
    """The member's cases of one kind, newest first, the Filter applied: one query (the appeal's
    decision comes with it)."""
    cases = member_cases(member).filter(kind=kind).select_related("authorization")
    if status:
        cases = cases.filter(status=status)
    zone = timezone.get_current_timezone()
    if filed_from:
        cases = cases.filter(
            received_at__gte=datetime.datetime.combine(filed_from, datetime.time(), tzinfo=zone)
        )
    if filed_to:
        end = filed_to + datetime.timedelta(days=1)
        cases = cases.filter(received_at__lt=datetime.datetime.combine(end, datetime.time(), tzinfo=zone))
    if reference:
        cases = cases.filter(reference=reference)
    return list(cases.order_by("-received_at", "-id")[:LIST_SIZE])


def case_page(member: Member, reference: str) -> Case | None:
    """One of the member's cases with the decision it appeals, its history in the order it
    happened (`event_list`) and its files (`file_list`): four queries, whatever its history; or
    None (another member's case, or none)."""
    found = _CASE.rows([member.pk, reference], limit=1)
    if not found:
        return None
    case = found[0]
    decision = _AUTHORIZATION.rows([member.pk, reference])
    case.authorization = decision[0] if decision else None
    case.event_list = _EVENTS.rows([case.pk])
    case.file_list = _FILES.rows([case.pk])
    return case


@dataclass(frozen=True)
class AfterResolution:
    """What a resolved appeal's member may do next, or must be given."""

    hearing_deadline: datetime.date | None  # upheld: the last day to ask for a State Hearing
    authorize_by: datetime.datetime | None  # overturned: the plan's duty to authorize


def after_resolution(case: Case) -> AfterResolution | None:
    """For a resolved appeal: the right to a State Hearing and its deadline (upheld), or the
    72-hour duty to authorize (overturned, whole or in part); None otherwise."""
    if case.kind != CaseKind.APPEAL or case.status != CaseStatus.RESOLVED or case.resolved_at is None:
        return None
    if case.outcome == Outcome.UPHELD:
        return AfterResolution(rules.state_hearing_deadline(timezone.localdate(case.resolved_at)), None)
    return AfterResolution(None, rules.overturned_authorize_by(case.resolved_at))
