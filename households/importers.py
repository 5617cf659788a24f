"""The plan's household file (docs/csv-formats.md, *Households*): each row sets one member's role
in their household (account holder, head of household, household member), matched on member ID.

Who is in a household comes from the member file (`head_of_household_id`); this file says who
signed the application. A head of household may have no other member as their head on record
(their head_of_household_id is blank or their own), so the role never puts them in someone else's
household."""

from collections.abc import Hashable, Iterable
from typing import Any

from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from households.models import HouseholdRole, Role
from members.models import Member
from portal.csvimport.cells import keyword, max_length
from portal.csvimport.importer import Importer, Parsed, register
from portal.csvimport.reading import Row, RowError
from portal.csvimport.writing import Tally, chunked, upsert


@register
class HouseholdImporter(Importer[dict[str, Any]]):
    name = "households"
    record_name = gettext_lazy("household roles")
    members: dict[str, int]  # member ID → pk
    key_columns = "member_id"
    writes = (HouseholdRole,)
    columns = ("member_id", "role")

    def parse_row(self, row: Row) -> dict[str, Any]:
        return {
            "member_id": row.identifier("member_id", max_length=max_length(Member, "member_id")),
            "role": row.required("role", keyword(*Role.values), stand_in=""),
        }

    def key(self, record: dict[str, Any]) -> Hashable:
        return record["member_id"]

    def check_rows(self, rows: list[Parsed[dict[str, Any]]]) -> Iterable[RowError]:
        self.members, unknown = self.resolve(rows, "member_id", Member, "member_id")
        yield from unknown
        heads = [row for row in rows if row.record["role"] == Role.HEAD_OF_HOUSEHOLD]
        under_another: set[str] = set()
        for chunk in chunked([row.record["member_id"] for row in heads]):
            found = Member.objects.using(self.using).filter(
                member_id__in=chunk, head_of_household__isnull=False
            )
            under_another.update(
                found.exclude(head_of_household_id=F("pk")).values_list("member_id", flat=True)
            )
        for row in heads:
            if row.record["member_id"] in under_another:
                problem = _("a head of household cannot have another member as head_of_household_id")
                yield RowError(row.line, f"role: {problem}")

    def apply(self, records: list[dict[str, Any]]) -> Tally:
        roles = [{"member_id": self.members[r["member_id"]], "role": r["role"]} for r in records]
        return Tally.of(upsert(HouseholdRole, roles, key=("member_id",), using=self.using))
