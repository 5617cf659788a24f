"""The plan's claims file (docs/csv-formats.md, *Claims*): one row per service line, matched on
claim number and line number, so members see what was billed for their care, what the plan
paid and what they may owe. The rows of one claim repeat its header fields and must agree on
them; members must already be on record, and a claim never moves to another member.

A nightly file holds hundreds of thousands of lines, so nothing here goes row by row: each
chunk of claims is read, updated and inserted with one statement each (lines that are new go
in with COPY on PostgreSQL), and the claims' totals are summed from their lines in SQL.
"""

from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from django.db import connections
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from claims.models import AMOUNT_FIELDS, Claim, ClaimLine, ClaimStatus, ClaimType
from members.models import Member
from portal.csvimport.cells import (
    CellError,
    max_length,
    parse_amount,
    parse_boolean,
    parse_date,
    parse_items,
    parse_npi,
    parse_positive_integer,
    parse_quantity,
)
from portal.csvimport.importer import Importer, Parsed, register
from portal.csvimport.reading import Row, RowError
from portal.csvimport.writing import BATCH_SIZE, Tally, chunked, copy_insert, upsert

# The columns every row of one claim repeats (and must agree on), and the claim's fields they fill.
HEADER_FIELDS = (
    "claim_number",
    "member_id",
    "claim_type",
    "status",
    "billing_provider_npi",
    "billing_provider_name",
    "rendering_provider_npi",
    "in_network",
    "received_date",
    "paid_date",
    "sensitive",
)
LINE_FIELDS = (
    "line_number",
    "service_from",
    "service_to",
    "procedure_code",
    "modifier",
    "procedure_description",
    "diagnosis_codes",
    "units",
    *AMOUNT_FIELDS,
    "line_status",
    "denial_reason_code",
    "denial_reason",
)


def _code_of(choices: Sequence[str]) -> Callable[[str], str]:
    """A parser for one of `choices`, in any case, with "_" for a space ("partially_paid")."""

    def parse(value: str) -> str:
        code = value.casefold().replace("_", " ")
        if code not in choices:
            raise CellError(_("not one of %(codes)s") % {"codes": ", ".join(choices)})
        return code

    return parse


_claim_type = _code_of(ClaimType.values)
_status = _code_of(ClaimStatus.values)


def _codes(value: str) -> list[str]:
    codes = [code.upper() for code in parse_items(value)]
    if any(len(code) > 10 for code in codes):
        raise CellError(_("a code is longer than 10 characters"))
    return codes


def _text(row: Row, model: type[Claim] | type[ClaimLine], column: str, *, required: bool = False) -> str:
    return row.text(column, max_length=max_length(model, column), required=required)


@register
class ClaimImporter(Importer[dict[str, Any]]):
    name = "claims"
    record_name = gettext_lazy("claim lines")
    key_columns = "claim_number, line_number"
    writes = (Claim, ClaimLine)
    columns = (
        "claim_number",
        "member_id",
        "claim_type",
        "status",
        "billing_provider_npi",
        "billing_provider_name",
        "rendering_provider_npi",
        "in_network",
        "received_date",
        "paid_date",
        "line_number",
        "service_from",
        "service_to",
        "procedure_code",
        "modifier",
        "procedure_description",
        "diagnosis_codes",
        "units",
        *AMOUNT_FIELDS,
        "line_status",
        "denial_reason_code",
        "denial_reason",
    )
    optional_columns = ("sensitive",)
    members: dict[str, int]  # member ID → pk, found by check_rows

    def parse_row(self, row: Row) -> dict[str, Any]:
        starts, ends = row.period("service_from", "service_to")
        line_status = row.required("line_status", _status, stand_in="")
        record: dict[str, Any] = {
            "claim_number": row.identifier("claim_number", max_length=max_length(Claim, "claim_number")),
            "member_id": row.identifier("member_id", max_length=max_length(Member, "member_id")),
            "claim_type": row.required("claim_type", _claim_type, stand_in=""),
            "status": row.required("status", _status, stand_in=""),
            "billing_provider_npi": row.required("billing_provider_npi", parse_npi, stand_in=""),
            "billing_provider_name": _text(row, Claim, "billing_provider_name", required=True),
            "rendering_provider_npi": row.value("rendering_provider_npi", parse_npi, blank=""),
            "in_network": row.required("in_network", parse_boolean, stand_in=False),
            "received_date": row.required("received_date", parse_date, stand_in=starts),
            "paid_date": row.value("paid_date", parse_date, blank=None),
            "sensitive": row.value("sensitive", parse_boolean, blank=False),
            "line_number": row.required("line_number", parse_positive_integer, stand_in=0),
            "service_from": starts,
            "service_to": ends or starts,
            "procedure_code": _text(row, ClaimLine, "procedure_code", required=True).upper(),
            "modifier": _text(row, ClaimLine, "modifier").upper(),
            "procedure_description": _text(row, ClaimLine, "procedure_description"),
            "diagnosis_codes": row.value("diagnosis_codes", _codes, blank=list[str]()),
            "units": row.value("units", parse_quantity, blank=None),
            "billed": row.required("billed", parse_amount, stand_in=Decimal(0)),
            **{name: row.value(name, parse_amount, blank=None) for name in AMOUNT_FIELDS[1:]},
            "line_status": line_status,
            "denial_reason_code": _text(row, ClaimLine, "denial_reason_code"),
            "denial_reason": _text(row, ClaimLine, "denial_reason"),
        }
        if line_status != ClaimStatus.ADJUSTED:
            # An adjustment reverses or corrects what was paid, so only it may be negative or
            # allow more than was billed (docs/csv-formats.md says why the rest cannot).
            for name in AMOUNT_FIELDS:
                if record[name] is not None and record[name] < 0:
                    row.error(name, _("negative; only an adjusted line may be"))
            allowed = record["allowed"]
            if allowed is not None and allowed > record["billed"]:
                row.error("allowed", _("more than billed; only an adjusted line may be"))
        return record

    def key(self, record: dict[str, Any]) -> Hashable:
        return (record["claim_number"], record["line_number"])

    def check_rows(self, rows: list[Parsed[dict[str, Any]]]) -> Iterable[RowError]:
        self.members, errors = self.resolve(rows, "member_id", Member, "member_id")
        return [*errors, *_disagreeing_headers(rows), *self._moved_claims(rows)]

    def _moved_claims(self, rows: list[Parsed[dict[str, Any]]]) -> Iterator[RowError]:
        """Rows naming a claim on record for another member: a claim is one member's for good."""
        owners: dict[str, int] = {}
        numbers = sorted({row.record["claim_number"] for row in rows})
        for chunk in chunked(numbers):
            on_record = Claim.objects.using(self.using).filter(claim_number__in=chunk)
            owners.update(on_record.values_list("claim_number", "member_id"))
        for row in rows:
            owner = owners.get(row.record["claim_number"])
            member = self.members.get(row.record["member_id"])
            if owner is not None and member is not None and owner != member:
                yield RowError(row.line, "member_id: " + _("the claim is on record for another member"))

    def apply(self, records: list[dict[str, Any]]) -> Tally:
        headers: dict[str, dict[str, Any]] = {}
        for record in records:
            if record["claim_number"] not in headers:
                header = {name: record[name] for name in HEADER_FIELDS}
                headers[record["claim_number"]] = {**header, "member_id": self.members[record["member_id"]]}
        claims = upsert(
            Claim,
            list(headers.values()),
            key=("claim_number",),
            prepare=Claim.fold_provider,
            using=self.using,
        )
        claim_pks = {claim.claim_number: claim.pk for claim, _outcome in claims}
        lines = [
            {"claim_id": claim_pks[record["claim_number"]], **{name: record[name] for name in LINE_FIELDS}}
            for record in records
        ]
        results = upsert(
            ClaimLine, lines, key=("claim_id", "line_number"), insert=copy_insert, using=self.using
        )
        changed = {line.claim_id for line, outcome in results if outcome.changed}
        refresh_claim_totals(sorted(changed), using=self.using)
        return Tally.of(results)


def _disagreeing_headers(rows: list[Parsed[dict[str, Any]]]) -> Iterator[RowError]:
    """Rows whose header fields differ from the claim's first row in the file."""
    first: dict[str, Parsed[dict[str, Any]]] = {}
    for row in rows:
        seen = first.setdefault(row.record["claim_number"], row)
        differ = [name for name in HEADER_FIELDS if row.record[name] != seen.record[name]]
        if differ:
            message = _("differs from line %(line)d for the same claim") % {"line": seen.line}
            yield RowError(row.line, f"{', '.join(differ)}: {message}")


# The sums over a claim's lines. Plain SQL that PostgreSQL and SQLite (3.33+) both run.
_SUMS = ", ".join(f"SUM({name}) AS {name}" for name in AMOUNT_FIELDS)
_SETS = ", ".join(f"{name} = t.{name}" for name in (*AMOUNT_FIELDS, "service_from", "service_to"))
TOTALS_SQL = (
    f"UPDATE claims_claim SET {_SETS} FROM ("  # noqa: S608 - column names from the model only
    f"SELECT claim_id, {_SUMS}, MIN(service_from) AS service_from, MAX(service_to) AS service_to "
    "FROM claims_claimline WHERE claim_id IN ({ids}) GROUP BY claim_id"
    ") AS t WHERE claims_claim.id = t.claim_id"
)


def refresh_claim_totals(claim_ids: Sequence[int], *, using: str) -> None:
    """Set each claim's amounts and service dates from its lines, one statement per chunk."""
    with connections[using].cursor() as cursor:
        for chunk in chunked(claim_ids, BATCH_SIZE):
            cursor.execute(TOTALS_SQL.format(ids=", ".join(["%s"] * len(chunk))), list(chunk))
