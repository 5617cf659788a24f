"""Reads of a member's grievances and appeals: the two lists (filtered), a case page."""

import datetime
import functools
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from appeals import rules
from appeals.models import Case, CaseEvent, CaseFile, CaseKind, CaseStatus, Outcome
from authorizations.models import Authorization
from members.models import Member
from portal.statements import ModelStatement

LIST_SIZE = 50
# The Filter's conditions, in the order they are written into a list's statement.
_FILTER = {
    "status": "status = %s",
    "filed_from": "received_at >= %s",
    "filed_to": "received_at < %s",
    "reference": "reference = %s",
}

# A case's page, read by statements written once (portal/statements.py): the ORM's join and
# prefetch took 1.7 ms of the page's 12 for three small reads.
_CASE = ModelStatement(Case, where="member_id = %s AND reference = %s")
_AUTHORIZATION = ModelStatement(Authorization, where="id = %s")  # no row for a grievance's NULL
_EVENTS = ModelStatement(CaseEvent, where="case_id = %s")  # in the model's order: as it happened
_FILES = ModelStatement(CaseFile, where="case_id = %s", order_by=["id"])  # as the member sent them


def member_cases(member: Member) -> QuerySet[Case]:
    """Only this member's cases: every ORM read of the app starts here (the statements below
    say `member_id = %s` themselves)."""
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
    """The member's cases of one kind, newest first, the Filter applied (filed dates are the
    plan's days): two queries, the cases and the decisions they appeal, whatever the member has."""
    values = {
        "status": status or None,
        "filed_from": _start_of(filed_from) if filed_from else None,
        "filed_to": _start_of(filed_to + datetime.timedelta(days=1)) if filed_to else None,
        "reference": reference or None,
    }
    used = tuple(name for name in _FILTER if values[name] is not None)
    cases, decisions = _list_statements(used)
    params = [member.pk, kind, *(values[name] for name in used)]
    rows = cases.rows(params, limit=LIST_SIZE)
    appealed = {decision.pk: decision for decision in decisions.rows(params)}
    for case in rows:
        case.authorization = appealed.get(case.authorization_id)
    return rows


def _start_of(day: datetime.date) -> datetime.datetime:
    """The first moment of `day` in the plan's time zone."""
    return datetime.datetime.combine(day, datetime.time(), tzinfo=timezone.get_current_timezone())


@functools.cache
def _list_statements(used: tuple[str, ...]) -> tuple[ModelStatement, ModelStatement]:
    """The list's two statements for the Filter's fields in use: at most sixteen pairs, each
    written once per process."""
    where = " AND ".join(["member_id = %s", "kind = %s", *(_FILTER[name] for name in used)])
    table = Case._meta.db_table
    listed = f"SELECT authorization_id FROM {table} WHERE {where} ORDER BY received_at DESC, id DESC"  # noqa: S608
    return (
        ModelStatement(Case, where=where, order_by=["-received_at", "-id"]),
        # Only what a row shows of the decision appealed.
        ModelStatement(
            Authorization,
            where=f"id IN ({listed} LIMIT {LIST_SIZE})",
            fields=["id", "service_description"],
        ),
    )


def case_page(member: Member, reference: str) -> Case | None:
    """One of the member's cases with the decision it appeals, its history in the order it
    happened (`event_list`) and its files (`file_list`): four queries, whatever its history; or
    None (another member's case, or none)."""
    found = _CASE.rows([member.pk, reference], limit=1)
    if not found:
        return None
    case = found[0]
    decision = _AUTHORIZATION.rows([case.authorization_id])
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
