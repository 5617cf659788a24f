"""The utilization management system's authorizations file (docs/csv-formats.md, *Referrals and
authorizations*): each row creates or updates one referral or prior authorization, matched on
its authorization number. Members must already be on record."""

import datetime
from collections.abc import Hashable, Iterable
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from authorizations.models import ADVERSE, Authorization, Decision, Kind, Priority
from members.models import Member
from portal.csvimport.cells import (
    CellError,
    keyword,
    max_length,
    parse_boolean,
    parse_date,
    parse_items,
    parse_npi,
)
from portal.csvimport.importer import Importer, Parsed, register
from portal.csvimport.reading import Row, RowError
from portal.csvimport.writing import Tally, upsert

# A reason longer than this is a file error, not a page members scroll through.
DENIAL_REASON_LIMIT = 2000


def _count(value: str) -> int:
    if not (value.isascii() and value.isdigit()) or len(value) > 9:
        raise CellError(_("not a whole number of 0 or more"))
    return int(value)


def _text(row: Row, column: str, *, required: bool = False) -> str:
    return row.text(column, max_length=max_length(Authorization, column), required=required)


@register
class AuthorizationImporter(Importer[dict[str, Any]]):
    name = "authorizations"
    record_name = gettext_lazy("referrals and authorizations")
    members: dict[str, int]  # member ID → pk, found by check_rows
    key_columns = "authorization_number"
    writes = (Authorization,)
    columns = (
        "authorization_number",
        "member_id",
        "kind",
        "requesting_provider_npi",
        "requesting_provider_name",
        "servicing_provider_npi",
        "servicing_provider_name",
        "service_description",
        "procedure_codes",
        "units_requested",
        "units_approved",
        "priority",
        "requested_date",
        "decision",
        "decision_date",
        "start_date",
        "end_date",
        "denial_reason",
        "sensitive",
    )

    def parse_row(self, row: Row) -> dict[str, Any]:
        decision = row.required("decision", keyword(*Decision.values, separator=" "), stand_in="")
        requested = row.required("requested_date", parse_date, stand_in=datetime.date.min)
        decided = row.value("decision_date", parse_date, blank=None)
        starts = row.value("start_date", parse_date, blank=None)
        ends = row.value("end_date", parse_date, blank=None)
        reason = row.text("denial_reason", max_length=DENIAL_REASON_LIMIT, required=False)
        units_requested = row.value("units_requested", _count, blank=None)
        units_approved = row.value("units_approved", _count, blank=None)
        if decision and decision != Decision.PENDING and decided is None and not row.raw("decision_date"):
            row.error("decision_date", _("required when the decision is not pending"))
        if decision == Decision.PENDING and decided is not None:
            row.error("decision_date", _("must be blank while the decision is pending"))
        if decision in ADVERSE and not reason:
            # CMS-0057-F: every denial, whole or in part, carries its specific reason.
            row.error("denial_reason", _("required when the request is denied or partially approved"))
        if decided and requested != datetime.date.min and decided < requested:
            row.error("decision_date", _("before %(column)s") % {"column": "requested_date"})
        if starts and ends and ends < starts:
            row.error("end_date", _("before %(column)s") % {"column": "start_date"})
        if units_requested is not None and units_approved is not None and units_approved > units_requested:
            row.error("units_approved", _("more than units_requested"))
        return {
            "authorization_number": row.identifier(
                "authorization_number", max_length=max_length(Authorization, "authorization_number")
            ),
            "member_id": row.identifier("member_id", max_length=max_length(Member, "member_id")),
            "kind": row.required("kind", keyword(*Kind.values), stand_in=""),
            "requesting_provider_npi": row.value("requesting_provider_npi", parse_npi, blank=""),
            "requesting_provider_name": _text(row, "requesting_provider_name"),
            "servicing_provider_npi": row.value("servicing_provider_npi", parse_npi, blank=""),
            "servicing_provider_name": _text(row, "servicing_provider_name"),
            "service_description": _text(row, "service_description", required=True),
            "procedure_codes": row.value("procedure_codes", parse_items, blank=list[str]()),
            "units_requested": units_requested,
            "units_approved": units_approved,
            "priority": row.value("priority", keyword(*Priority.values), blank=Priority.STANDARD.value),
            "requested_date": requested,
            "decision": decision,
            "decision_date": decided,
            "start_date": starts,
            "end_date": ends,
            "denial_reason": reason,
            # Blank is "no", as in the other files' yes/no columns.
            "sensitive": row.value("sensitive", parse_boolean, blank=False),
        }

    def key(self, record: dict[str, Any]) -> Hashable:
        return record["authorization_number"]

    def check_rows(self, rows: list[Parsed[dict[str, Any]]]) -> Iterable[RowError]:
        self.members, unknown = self.resolve(rows, "member_id", Member, "member_id")
        return unknown

    def apply(self, records: list[dict[str, Any]]) -> Tally:
        rows = [{**record, "member_id": self.members[record["member_id"]]} for record in records]
        return Tally.of(upsert(Authorization, rows, key=("authorization_number",), using=self.using))
