"""Care management's CSV files (docs/csv-formats.md): care manager assignments (each row one period
during which a care manager is assigned to a member, matched on member and start date; a member's
periods may not overlap, so a member has one care manager at a time) and assessment assignments
(each row asks a member to fill in a questionnaire by a due date). Members, care managers and
questionnaires must already be on record."""

from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator
from typing import Any

from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from care.models import Assessment, CareManagerAssignment, Questionnaire
from care.models.managers import CARE_MANAGERS
from members.models import Member, User
from portal.csvimport.cells import max_length, parse_date, parse_email
from portal.csvimport.importer import Importer, Parsed, register
from portal.csvimport.periods import Periods, overlapping
from portal.csvimport.reading import Row, RowError
from portal.csvimport.writing import Tally, chunked, upsert


def _member_id(row: Row) -> str:
    return row.identifier("member_id", max_length=max_length(Member, "member_id"))


@register
class CareManagerAssignmentImporter(Importer[dict[str, Any]]):
    name = "care_managers"
    record_name = gettext_lazy("care manager assignments")
    members: dict[str, int]  # member ID → pk, found by check_rows
    care_managers: dict[str, int]  # email, lower case → user pk
    key_columns = "member_id, effective_from"
    writes = (CareManagerAssignment,)
    columns = ("member_id", "care_manager_email", "effective_from", "effective_to")

    def parse_row(self, row: Row) -> dict[str, Any]:
        starts, ends = row.period("effective_from", "effective_to")
        email = row.required("care_manager_email", parse_email, stand_in="")
        return {
            "member_id": _member_id(row),
            "care_manager_email": email.lower(),
            "effective_from": starts,
            "effective_to": ends,
        }

    def key(self, record: dict[str, Any]) -> Hashable:
        return (record["member_id"], record["effective_from"])

    def check_rows(self, rows: list[Parsed[dict[str, Any]]]) -> Iterable[RowError]:
        self.members, errors = self.resolve(rows, "member_id", Member, "member_id")
        self.care_managers = self._care_managers({row.record["care_manager_email"] for row in rows})
        unknown = [
            RowError(
                row.line,
                "care_manager_email: " + _("no staff user with the Care manager role has this email"),
            )
            for row in rows
            if row.record["care_manager_email"] not in self.care_managers
        ]
        return [*errors, *unknown, *self._overlaps(rows)]

    def _care_managers(self, emails: set[str]) -> dict[str, int]:
        """Care managers by email, ignoring case; an email two of them share names neither."""
        found: dict[str, list[int]] = defaultdict(list)
        for chunk in chunked(sorted(emails)):
            users = (
                User.objects.using(self.using)
                .filter(CARE_MANAGERS)
                .annotate(email_folded=Lower("email"))
                .filter(email_folded__in=chunk)
                .values_list("email_folded", "pk")
                .distinct()
            )
            for email, pk in users:
                found[email].append(pk)
        return {email: pks[0] for email, pks in found.items() if len(pks) == 1}

    def _overlaps(self, rows: list[Parsed[dict[str, Any]]]) -> Iterator[RowError]:
        by_member: defaultdict[int, Periods] = defaultdict(dict)
        for chunk in chunked(sorted(set(self.members.values()))):
            on_record = CareManagerAssignment.objects.using(self.using).filter(member_id__in=chunk)
            for pk, starts, ends in on_record.values_list("member_id", "effective_from", "effective_to"):
                by_member[pk][starts] = (ends, None)
        for row in rows:
            member_pk = self.members.get(row.record["member_id"])
            if member_pk is not None:
                by_member[member_pk][row.record["effective_from"]] = (row.record["effective_to"], row.line)
        for periods in by_member.values():
            yield from overlapping(periods)

    def apply(self, records: list[dict[str, Any]]) -> Tally:
        assignments = [
            {
                "member_id": self.members[record["member_id"]],
                "care_manager_id": self.care_managers[record["care_manager_email"]],
                "effective_from": record["effective_from"],
                "effective_to": record["effective_to"],
            }
            for record in records
        ]
        # Closed periods first: the row that ends a member's open assignment must be written
        # before the new open one (the database allows one open row per member).
        closed = [row for row in assignments if row["effective_to"] is not None]
        current = [row for row in assignments if row["effective_to"] is None]
        key = ("member_id", "effective_from")
        return Tally.of(
            [
                *upsert(CareManagerAssignment, closed, key=key, using=self.using),
                *upsert(CareManagerAssignment, current, key=key, using=self.using),
            ]
        )


@register
class AssessmentAssignmentImporter(Importer[dict[str, Any]]):
    name = "assessment_assignments"
    record_name = gettext_lazy("assessment assignments")
    members: dict[str, int]
    questionnaires: dict[str, int]  # canonical URL → the newest version's pk
    key_columns = "member_id, questionnaire_url, due_date"
    writes = (Assessment,)
    columns = ("member_id", "questionnaire_url", "due_date")

    def parse_row(self, row: Row) -> dict[str, Any]:
        return {
            "member_id": _member_id(row),
            "questionnaire_url": row.text("questionnaire_url", max_length=max_length(Questionnaire, "url")),
            "due_date": row.required("due_date", parse_date, stand_in=None),
        }

    def key(self, record: dict[str, Any]) -> Hashable:
        return (record["member_id"], record["questionnaire_url"], record["due_date"])

    def check_rows(self, rows: list[Parsed[dict[str, Any]]]) -> Iterable[RowError]:
        self.members, errors = self.resolve(rows, "member_id", Member, "member_id")
        self.questionnaires = {}
        urls = sorted({row.record["questionnaire_url"] for row in rows})
        for chunk in chunked(urls):
            # The newest import of each URL is the version members get.
            newest = (
                Questionnaire.objects.using(self.using)
                .filter(url__in=chunk)
                .order_by("url", "imported_at", "pk")
            )
            self.questionnaires.update(newest.values_list("url", "pk"))
        unknown = [
            RowError(row.line, "questionnaire_url: " + _("no questionnaire with this URL on record"))
            for row in rows
            if row.record["questionnaire_url"] not in self.questionnaires
        ]
        return [*errors, *unknown]

    def apply(self, records: list[dict[str, Any]]) -> Tally:
        assessments = [
            {
                "member_id": self.members[record["member_id"]],
                "questionnaire_id": self.questionnaires[record["questionnaire_url"]],
                "due_date": record["due_date"],
            }
            for record in records
        ]
        return Tally.of(
            upsert(
                Assessment, assessments, key=("member_id", "questionnaire_id", "due_date"), using=self.using
            )
        )
