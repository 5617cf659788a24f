"""The enrollment system's coverage file (docs/csv-formats.md, *Coverage*): each row creates or
updates one coverage span, matched on member, program, plan and effective date (only the end date
can change), so members see the programs they are enrolled in. Members must already be on record."""

from collections.abc import Hashable, Iterable
from typing import Any

from django.utils.translation import gettext_lazy

from coverage.models import Coverage
from members.models import Member
from portal.csvimport.cells import max_length
from portal.csvimport.importer import Importer, Parsed, register
from portal.csvimport.reading import Row, RowError
from portal.csvimport.writing import Tally, upsert

NATURAL_KEY = ("member_id", "program", "plan", "effective_date")


@register
class CoverageImporter(Importer[dict[str, Any]]):
    name = "coverage"
    record_name = gettext_lazy("coverage spans")
    members: dict[str, int]  # member ID → pk, found by check_rows
    key_columns = ", ".join(NATURAL_KEY)
    writes = (Coverage,)
    columns = ("member_id", "program", "plan", "effective_date", "end_date")

    def parse_row(self, row: Row) -> dict[str, Any]:
        starts, ends = row.period("effective_date", "end_date")
        return {
            "member_id": row.identifier("member_id", max_length=max_length(Member, "member_id")),
            "program": row.text("program", max_length=max_length(Coverage, "program")),
            "plan": row.text("plan", max_length=max_length(Coverage, "plan")),
            "effective_date": starts,
            "end_date": ends,
        }

    def key(self, record: dict[str, Any]) -> Hashable:
        return tuple(record[name] for name in NATURAL_KEY)

    def check_rows(self, rows: list[Parsed[dict[str, Any]]]) -> Iterable[RowError]:
        self.members, unknown = self.resolve(rows, "member_id", Member, "member_id")
        return unknown

    def apply(self, records: list[dict[str, Any]]) -> Tally:
        spans = [{**record, "member_id": self.members[record["member_id"]]} for record in records]
        return Tally.of(upsert(Coverage, spans, key=NATURAL_KEY, using=self.using))
