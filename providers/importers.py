"""The provider files (docs/csv-formats.md): the plan's provider directory, each row one provider
matched on NPI, so the directory members search and the PCPs they can pick are the plan's current
network; and the enrollment system's PCP assignment history, each row one period during which a
provider is a member's primary care provider, matched on member and start date. A member's
periods may not overlap and only the latest may be open-ended, so "who is my PCP on this day"
always has one answer. Members and providers must already be on record for PCP assignments.
"""

from collections.abc import Hashable, Iterable
from typing import Any

from django.utils.translation import gettext_lazy

from members.models import Member
from portal.csvimport.cells import (
    choice,
    max_length,
    parse_boolean,
    parse_languages,
    parse_npi,
    parse_phone,
    parse_us_state,
    parse_zip,
)
from portal.csvimport.importer import Importer, Parsed, register
from portal.csvimport.periods import overlaps_with_record, upsert_periods
from portal.csvimport.reading import Row, RowError
from portal.csvimport.writing import Tally, upsert
from providers.models import Gender, PcpAssignment, Provider


def _text(row: Row, column: str, *, required: bool = False) -> str:
    return row.text(column, max_length=max_length(Provider, column), required=required)


@register
class ProviderImporter(Importer[dict[str, Any]]):
    name = "providers"
    record_name = gettext_lazy("providers")
    key_columns = "npi"
    writes = (Provider,)
    columns = (
        "npi",
        "first_name",
        "last_name",
        "gender",
        "specialty",
        "is_primary_care",
        "accepting_new_patients",
        "languages",
        "clinic_name",
        "address_line1",
        "city",
        "county",
        "state",
        "zip",
        "phone",
    )

    def parse_row(self, row: Row) -> dict[str, Any]:
        return {
            "npi": row.required("npi", parse_npi, stand_in=""),
            "first_name": _text(row, "first_name", required=True),
            "last_name": _text(row, "last_name", required=True),
            "gender": row.value("gender", choice(*Gender.values), blank=Gender.UNKNOWN.value),
            "specialty": _text(row, "specialty", required=True),
            # Blank means "no": a directory must not send members to a panel that may be closed.
            "is_primary_care": row.value("is_primary_care", parse_boolean, blank=False),
            "accepting_new_patients": row.value("accepting_new_patients", parse_boolean, blank=False),
            "languages": row.value("languages", parse_languages, blank=list[str]()),
            "clinic_name": _text(row, "clinic_name"),
            "address_line1": _text(row, "address_line1"),
            "city": _text(row, "city"),
            "county": _text(row, "county"),
            "state": row.value("state", parse_us_state, blank=""),
            "zip_code": row.value("zip", parse_zip, blank=""),
            "phone": row.value("phone", parse_phone, blank=""),
        }

    def key(self, record: dict[str, Any]) -> Hashable:
        return record["npi"]

    def apply(self, records: list[dict[str, Any]]) -> Tally:
        return Tally.of(
            upsert(Provider, records, key=("npi",), prepare=Provider.fold_names, using=self.using)
        )


@register
class PcpAssignmentImporter(Importer[dict[str, Any]]):
    name = "pcp_assignments"
    record_name = gettext_lazy("PCP assignments")
    members: dict[str, int]  # member ID → pk, found by check_rows
    providers: dict[str, int]  # NPI → pk
    key_columns = "member_id, effective_from"
    writes = (PcpAssignment,)
    columns = ("member_id", "npi", "effective_from", "effective_to")

    def parse_row(self, row: Row) -> dict[str, Any]:
        starts, ends = row.period("effective_from", "effective_to")
        return {
            "member_id": row.identifier("member_id", max_length=max_length(Member, "member_id")),
            "npi": row.required("npi", parse_npi, stand_in=""),
            "effective_from": starts,
            "effective_to": ends,
        }

    def key(self, record: dict[str, Any]) -> Hashable:
        return (record["member_id"], record["effective_from"])

    def check_rows(self, rows: list[Parsed[dict[str, Any]]]) -> Iterable[RowError]:
        self.members, errors = self.resolve(rows, "member_id", Member, "member_id")
        self.providers, unknown = self.resolve(rows, "npi", Provider, "npi")
        return [*errors, *unknown, *overlaps_with_record(PcpAssignment, self.members, rows, using=self.using)]

    def apply(self, records: list[dict[str, Any]]) -> Tally:
        assignments = [
            {
                "member_id": self.members[record["member_id"]],
                "provider_id": self.providers[record["npi"]],
                "effective_from": record["effective_from"],
                "effective_to": record["effective_to"],
            }
            for record in records
        ]
        return upsert_periods(PcpAssignment, assignments, using=self.using)
