"""Reads for the Claims pages: which kinds of claims a member has, one page of a filtered list
(keyset paging on the list index), every match for the CSV download, and one claim with its lines.

Every read is scoped to the member whose claims they are, and to what the viewer may see:
today the viewer is always that member; a sensitive claim (behavioral health, reproductive and
sexual health, substance use) will stay hidden from anyone else who is ever let in (household
access), because every read goes through `Claim.objects.visible(...)`.
"""

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet

from claims.models import Claim, ClaimLine, ClaimType, fold_words
from members.models import Member

# The list's order, which claim_member_list_idx returns without sorting.
NEWEST_FIRST = ("-service_from", "-id")


def visible_claims(*, member: Member, viewer: Member) -> QuerySet[Claim]:
    """`member`'s claims that `viewer` may see: all of them for the member, none sensitive for anyone else."""
    claims = Claim.objects.filter(member=member)
    return claims if viewer.pk == member.pk else claims.filter(sensitive=False)


def claim_types(*, member: Member, viewer: Member) -> list[str]:
    """The kinds of claims the member has, in ClaimType's order: one statement of an EXISTS per
    kind, each reading one entry of the list index (claim_member_list_idx).

    In SQL rather than the ORM: every Claims page asks it for its tabs, and Django took 2 ms to
    build the four subqueries, ten times what PostgreSQL takes to answer them."""
    claim = Claim._meta.db_table
    hidden = "" if viewer.pk == member.pk else " AND NOT sensitive"  # as visible_claims
    kinds = list(ClaimType.values)
    one = f"SELECT 1 FROM {claim} WHERE member_id = %s AND claim_type = %s{hidden}"  # noqa: S608 - its table
    sql = "SELECT " + ", ".join(f"EXISTS ({one})" for _ in kinds)
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for kind in kinds for value in (member.pk, kind)])
        found = cursor.fetchone()
    return [kind for kind, has in zip(kinds, found, strict=True) if has]


@dataclass(frozen=True)
class ClaimFilters:
    """The list's filters; each is on when given. Service dates are the claim's first day."""

    start: datetime.date
    end: datetime.date | None = None
    claim_number: str = ""
    procedure_code: str = ""
    provider: str = ""


def filtered_claims(
    *, member: Member, viewer: Member, claim_type: str, filters: ClaimFilters
) -> QuerySet[Claim]:
    """The member's claims of `claim_type` that match every filter, newest service first."""
    claims = visible_claims(member=member, viewer=viewer).filter(
        claim_type=claim_type, service_from__gte=filters.start
    )
    if filters.end:
        claims = claims.filter(service_from__lte=filters.end)
    if filters.claim_number:
        claims = claims.filter(claim_number__iexact=filters.claim_number)
    if filters.procedure_code:
        lines = ClaimLine.objects.filter(claim=OuterRef("pk"), procedure_code=filters.procedure_code.upper())
        claims = claims.filter(Exists(lines))
    words = fold_words(filters.provider)
    if words:
        claims = claims.filter(billing_provider_folded__contains=words)
    return claims.order_by(*NEWEST_FIRST)


@dataclass(frozen=True)
class Cursor:
    """Where a page of the list starts: after the claim with this service day and id."""

    service_from: datetime.date
    id: int

    def __str__(self) -> str:
        return f"{self.service_from.isoformat()}.{self.id}"

    @classmethod
    def parse(cls, value: str) -> "Cursor | None":
        day, _dot, pk = value.partition(".")
        try:
            return cls(datetime.date.fromisoformat(day), int(pk))
        except ValueError:
            return None


@dataclass(frozen=True)
class ClaimPage:
    claims: list[Claim]
    next: Cursor | None  # where the next (older) page starts, if there is one


# What a list row shows; the CSV the same.
LIST_FIELDS = (
    "id",
    "claim_number",
    "status",
    "billing_provider_name",
    "in_network",
    "service_from",
    "service_to",
    "billed",
    "allowed",
    "plan_paid",
    "copay",
    "coinsurance",
    "deductible",
    "not_covered",
)


def claim_page(claims: QuerySet[Claim], *, after: Cursor | None, size: int) -> ClaimPage:
    """One page of `claims` (ordered NEWEST_FIRST) after `after`: one query, which reads about
    `size` entries of the list index whatever page it is (no OFFSET)."""
    if after is not None:
        # The first term bounds the index scan; the second skips what the day's earlier page showed.
        claims = claims.filter(service_from__lte=after.service_from).filter(
            Q(service_from__lt=after.service_from) | Q(service_from=after.service_from, id__lt=after.id)
        )
    rows = list(claims.only(*LIST_FIELDS)[: size + 1])
    last = rows[size - 1] if len(rows) > size else None
    return ClaimPage(rows[:size], Cursor(last.service_from, last.pk) if last and last.service_from else None)


def claims_for_download(claims: QuerySet[Claim]) -> Iterator[Claim]:
    """Every claim of the filtered list, read in chunks (a member may have hundreds)."""
    return claims.only(*LIST_FIELDS).iterator(chunk_size=500)


def claim_detail(*, member: Member, viewer: Member, claim_id: int) -> Claim | None:
    """One of the member's claims with its lines (two queries), or None if it is not theirs."""
    claim = visible_claims(member=member, viewer=viewer).filter(pk=claim_id).first()
    if claim is not None:
        claim.member = member  # the row already read, not a second query
        claim.line_list = list(claim.lines.order_by("line_number"))  # type: ignore[attr-defined]
    return claim
