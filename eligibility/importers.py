"""The plan's eligibility and alert files (docs/csv-formats.md, *Eligibility* and *Alerts*).

Eligibility: each row creates or updates one eligibility span, matched on member, program and
effective date, with the enrollment in a health plan under it. Alerts: each row creates or
updates one alert, matched on the plan's alert ID; its words are the portal's message for its
`message_key`. Members must already be on record."""

from collections.abc import Hashable
from typing import Any

from django.utils.translation import gettext_lazy

from eligibility.alert_messages import MESSAGES
from eligibility.models import Alert, AlertKind, EligibilitySpan, EligibilityStatus, EnrollmentStatus
from members.importers import MemberRowsImporter
from portal.csvimport.cells import keyword, max_length, parse_date
from portal.csvimport.importer import register
from portal.csvimport.reading import Row
from portal.csvimport.writing import Tally, upsert

SPAN_KEY = ("member_id", "program", "effective_date")


@register
class EligibilityImporter(MemberRowsImporter):
    name = "eligibility"
    record_name = gettext_lazy("eligibility spans")
    key_columns = ", ".join(SPAN_KEY)
    writes = (EligibilitySpan,)
    columns = (
        "member_id",
        "program",
        "status",
        "status_reason",
        "effective_date",
        "end_date",
        "renewal_due_date",
        "plan_type",
        "enrollment_status",
        "enrolled_plan",
        "enrollment_date",
    )

    def parse_row(self, row: Row) -> dict[str, Any]:
        starts, ends = row.period("effective_date", "end_date")
        text = {
            name: row.text(name, max_length=max_length(EligibilitySpan, name), required=False)
            for name in ("status_reason", "plan_type", "enrolled_plan")
        }
        return {
            "member_id": self.member_id(row),
            "program": row.text("program", max_length=max_length(EligibilitySpan, "program")),
            "status": row.required("status", keyword(*EligibilityStatus.values), stand_in=""),
            "effective_date": starts,
            "end_date": ends,
            "renewal_due_date": row.value("renewal_due_date", parse_date, blank=None),
            "enrollment_status": row.required(
                "enrollment_status", keyword(*EnrollmentStatus.values), stand_in=""
            ),
            "enrollment_date": row.value("enrollment_date", parse_date, blank=None),
            **text,
        }

    def key(self, record: dict[str, Any]) -> Hashable:
        return tuple(record[name] for name in SPAN_KEY)

    def apply(self, records: list[dict[str, Any]]) -> Tally:
        return Tally.of(
            upsert(EligibilitySpan, self.with_member_pks(records), key=SPAN_KEY, using=self.using)
        )


@register
class AlertImporter(MemberRowsImporter):
    name = "alerts"
    record_name = gettext_lazy("alerts")
    key_columns = "alert_id"
    writes = (Alert,)
    columns = ("member_id", "alert_id", "kind", "message_key", "due_date", "resolved_date")

    def parse_row(self, row: Row) -> dict[str, Any]:
        return {
            "member_id": self.member_id(row),
            "alert_id": row.identifier("alert_id", max_length=max_length(Alert, "alert_id")),
            "kind": row.required("kind", keyword(*AlertKind.values), stand_in=""),
            "message_key": row.required("message_key", keyword(*MESSAGES), stand_in=""),
            "due_date": row.value("due_date", parse_date, blank=None),
            "resolved_date": row.value("resolved_date", parse_date, blank=None),
        }

    def key(self, record: dict[str, Any]) -> Hashable:
        return record["alert_id"]

    def apply(self, records: list[dict[str, Any]]) -> Tally:
        # Matched on the plan's alert ID alone: an alert may move to another member only by a new ID.
        return Tally.of(upsert(Alert, self.with_member_pks(records), key=("alert_id",), using=self.using))
