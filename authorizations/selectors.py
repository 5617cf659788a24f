"""Reads of a member's referrals and authorizations: the list page (filtered, keyset-paged), the
home card, and what the appeal form may offer (`appealable_authorizations`)."""

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from authorizations.models import ADVERSE, Authorization, Decision
from authorizations.rules import appeal_window_closes
from members.models import Member
from portal.plans import PlanProfile
from portal.statements import ModelStatement

PAGE_SIZE = 20


def member_authorizations(member: Member) -> QuerySet[Authorization]:
    """Only this member's records: every read of the app starts here."""
    return Authorization.objects.filter(member=member)


def filtered(
    records: QuerySet[Authorization],
    *,
    authorization_number: str = "",
    service_from: datetime.date | None = None,
    service_to: datetime.date | None = None,
    decision: str = "",
    start_date: datetime.date | None = None,
    end_date: datetime.date | None = None,
) -> QuerySet[Authorization]:
    """The Filter's fields (docs/authorizations.md): Service dates from/to keep the records whose
    service period (start to end) overlaps that range; Start date keeps those starting on or after
    it, End date those ending on or before it."""
    if authorization_number:
        records = records.filter(authorization_number__iexact=authorization_number)
    if service_from:
        # An open-ended period reaches every later day; a record with no dates has no service dates.
        records = records.filter(
            Q(end_date__gte=service_from) | Q(end_date__isnull=True, start_date__isnull=False)
        )
    if service_to:
        records = records.filter(start_date__lte=service_to)
    if decision:
        records = records.filter(decision=decision)
    if start_date:
        records = records.filter(start_date__gte=start_date)
    if end_date:
        records = records.filter(end_date__lte=end_date)
    return records


@dataclass(frozen=True)
class Cursor:
    """Where a page starts: after the record with this requested date and id (newest first)."""

    requested_date: datetime.date
    id: int

    def __str__(self) -> str:
        return f"{self.requested_date.isoformat()}.{self.id}"

    @classmethod
    def parse(cls, value: str) -> "Cursor | None":
        """A cursor from a link, or None for anything else (the first page)."""
        day, _dot, pk = value.partition(".")
        try:
            return cls(datetime.date.fromisoformat(day), int(pk))
        except ValueError:
            return None


@dataclass(frozen=True)
class Page:
    records: list[Authorization]
    next_cursor: Cursor | None


def list_page_query(
    records: QuerySet[Authorization], *, after: Cursor | None, size: int = PAGE_SIZE
) -> QuerySet[Authorization]:
    """The statement of one page, newest request first, on the authorization_list index: the
    rows after `after` and one more, to know whether a next page exists."""
    if after is not None:
        records = records.filter(
            Q(requested_date__lt=after.requested_date)
            | Q(requested_date=after.requested_date, id__lt=after.id)
        )
    return records.order_by("-requested_date", "-id")[: size + 1]


def list_page(records: QuerySet[Authorization], *, after: Cursor | None, size: int = PAGE_SIZE) -> Page:
    """One page, in one query (list_page_query)."""
    rows = list(list_page_query(records, after=after, size=size))
    more = len(rows) > size
    rows = rows[:size]
    return Page(rows, Cursor(rows[-1].requested_date, rows[-1].pk) if more else None)


def appealable_authorizations(
    member: Member, today: datetime.date, *, plan: PlanProfile | None = None
) -> QuerySet[Authorization]:
    """The member's denied or partly denied authorizations whose appeal window is still open on
    `today` (the plan's), newest decision first: what the appeal form offers. One query."""
    # Open today when today <= appeal_window_closes(decision_date): the rule adds a fixed number
    # of days, so that is decision_date >= today minus the window's length.
    window = appeal_window_closes(today, plan=plan) - today
    earliest = today - window
    return (
        member_authorizations(member)
        .filter(decision__in=ADVERSE, decision_date__gte=earliest)
        .order_by("-decision_date", "-id")
    )


# The home page's card reads it on every visit (portal/statements.py).
_PENDING = ModelStatement(
    Authorization, where="member_id = %s AND decision = %s", order_by=["requested_date", "id"]
)


def pending(member: Member, *, limit: int) -> list[Authorization]:
    """Up to `limit` of the member's requests waiting for a decision, oldest first (the first to
    fall due). One query."""
    return _PENDING.rows([member.pk, Decision.PENDING.value], limit=limit)
