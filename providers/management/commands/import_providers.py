"""manage.py import_providers FILE: load the plan's provider directory file.

Each row creates or updates one provider (matched on NPI), so the directory members search and
the PCPs they can pick are the plan's current network. Running the same file twice changes
nothing. The format is in docs/csv-formats.md.
"""

from collections.abc import Hashable
from typing import Any

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
from portal.csvimport.command import ALL_OR_NOTHING, ImportCommand
from portal.csvimport.reading import Row
from portal.csvimport.writing import Tally, upsert
from providers.models import Gender, Provider


def _text(row: Row, column: str, *, required: bool = False) -> str:
    return row.text(column, max_length=max_length(Provider, column), required=required)


class Command(ImportCommand[dict[str, Any]]):
    help = (
        "Create or update providers from the plan's provider directory CSV file, matched on NPI "
        "(10 digits with a valid check digit): name, gender, specialty, primary care, accepting "
        "new patients, languages, clinic and address." + ALL_OR_NOTHING
    )
    record_name = "providers"
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
        return Tally.of(upsert(Provider, records, key=("npi",), prepare=Provider.fold_names))
