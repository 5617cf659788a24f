"""Care management's CSV files (docs/csv-formats.md): care manager assignments (each row one period
during which a care manager is assigned to a member, matched on member and start date; a member's
periods may not overlap, so a member has one care manager at a time) and assessment assignments
(each row asks a member to fill in a questionnaire by a due date). Members, care managers and
questionnaires must already be on record.

The care plan file has one row per activity of a goal of a plan (a goal with no activities has
one row with the activity blank); the plan's columns repeat on each of its rows and must agree.
Each plan is matched on plan_id; its goals and activities are the file's: re-importing a plan
replaces them, so the file is always the plan's whole content. Nursing interventions are written
in the admin, never replaced."""

from collections import defaultdict
from collections.abc import Hashable, Iterable
from typing import Any

from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from care.models import (
    Assessment,
    CareActivity,
    CareGoal,
    CareManagerAssignment,
    CarePlan,
    CarePlanStatus,
    GoalStatus,
    Questionnaire,
)
from care.models.managers import CARE_MANAGERS
from members.models import Member, User
from portal.csvimport.cells import choice, max_length, parse_date, parse_email
from portal.csvimport.importer import Importer, Parsed, register
from portal.csvimport.periods import overlaps_with_record, upsert_periods
from portal.csvimport.reading import Row, RowError
from portal.csvimport.writing import Tally, chunked, upsert


def _member_id(row: Row) -> str:
    return row.identifier("member_id", max_length=max_length(Member, "member_id"))


def _care_managers(
    rows: list[Parsed[dict[str, Any]]], *, using: str
) -> tuple[dict[str, int], list[RowError]]:
    """Care managers by the rows' care_manager_email (lower case; blank: none asked for), and an
    error for each row naming no one, or an email two care managers share."""
    found: defaultdict[str, list[int]] = defaultdict(list)
    emails = sorted({row.record["care_manager_email"] for row in rows} - {""})
    for chunk in chunked(emails):
        users = User.objects.using(using).filter(CARE_MANAGERS).annotate(email_folded=Lower("email"))
        for email, pk in users.filter(email_folded__in=chunk).values_list("email_folded", "pk").distinct():
            found[email].append(pk)
    pks = {email: users[0] for email, users in found.items() if len(users) == 1}
    message = _("no staff user with the Care manager role has this email")
    errors = [
        RowError(row.line, f"care_manager_email: {message}")
        for row in rows
        if row.record["care_manager_email"] and row.record["care_manager_email"] not in pks
    ]
    return pks, errors


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
        self.care_managers, unknown = _care_managers(rows, using=self.using)
        return [
            *errors,
            *unknown,
            *overlaps_with_record(CareManagerAssignment, self.members, rows, using=self.using),
        ]

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
        return upsert_periods(CareManagerAssignment, assignments, using=self.using)


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


PLAN_COLUMNS = ("member_id", "title", "status", "start_date", "end_date", "care_manager_email")


@register
class CarePlanImporter(Importer[dict[str, Any]]):
    name = "care_plans"
    record_name = gettext_lazy("care plans")
    members: dict[str, int]
    care_managers: dict[str, int]
    key_columns = "plan_id, goal, activity"
    writes = (CarePlan, CareGoal, CareActivity)
    columns = (
        "plan_id", *PLAN_COLUMNS, "goal", "goal_target_date", "goal_status",
        "activity", "schedule", "activity_start", "activity_end",
    )  # fmt: skip

    def parse_row(self, row: Row) -> dict[str, Any]:
        activity_start = row.value("activity_start", parse_date, blank=None)
        activity_end = row.value("activity_end", parse_date, blank=None)
        if activity_start and activity_end and activity_end < activity_start:
            row.error("activity_end", _("before %(column)s") % {"column": "activity_start"})
        starts, ends = row.period("start_date", "end_date")
        email = row.value("care_manager_email", parse_email, blank="")
        return {
            "plan_id": row.identifier("plan_id", max_length=max_length(CarePlan, "source_id")),
            "member_id": row.identifier("member_id", max_length=max_length(Member, "member_id")),
            "title": row.text("title", max_length=max_length(CarePlan, "title")),
            "status": row.required(
                "status", choice(*(s.upper() for s in CarePlanStatus.values)), stand_in=""
            ).lower(),
            "start_date": starts,
            "end_date": ends,
            "care_manager_email": email.lower(),
            "goal": row.text("goal", max_length=max_length(CareGoal, "description")),
            "goal_target_date": row.value("goal_target_date", parse_date, blank=None),
            "goal_status": row.value(
                "goal_status", choice(*(s.upper() for s in GoalStatus.values)), blank="NOT_STARTED"
            ).lower(),
            "activity": row.text(
                "activity", max_length=max_length(CareActivity, "description"), required=False
            ),
            "schedule": row.text("schedule", max_length=max_length(CareActivity, "schedule"), required=False),
            "activity_start": activity_start,
            "activity_end": activity_end,
        }

    def key(self, record: dict[str, Any]) -> Hashable:
        return (record["plan_id"], record["goal"], record["activity"])

    def check_rows(self, rows: list[Parsed[dict[str, Any]]]) -> Iterable[RowError]:
        self.members, errors = self.resolve(rows, "member_id", Member, "member_id")
        emails = sorted(
            {row.record["care_manager_email"] for row in rows if row.record["care_manager_email"]}
        )
        self.care_managers = {}
        for chunk in chunked(emails):
            users = User.objects.using(self.using).filter(CARE_MANAGERS).annotate(folded=Lower("email"))
            self.care_managers.update(users.filter(folded__in=chunk).values_list("folded", "pk"))
        for row in rows:
            email = row.record["care_manager_email"]
            if email and email not in self.care_managers:
                message = _("no staff user with the Care manager role has this email")
                errors.append(RowError(row.line, f"care_manager_email: {message}"))
        first: dict[str, Parsed[dict[str, Any]]] = {}
        for row in rows:
            plan = first.setdefault(row.record["plan_id"], row)
            differ = [c for c in PLAN_COLUMNS if row.record[c] != plan.record[c]]
            if differ:
                message = _("differs from line %(line)d, the plan's first row") % {"line": plan.line}
                errors.append(RowError(row.line, f"{differ[0]}: {message}"))
        return errors

    def apply(self, records: list[dict[str, Any]]) -> Tally:
        by_plan: defaultdict[str, list[dict[str, Any]]] = defaultdict(list)
        for record in records:
            by_plan[record["plan_id"]].append(record)
        plans = [
            {
                "source_id": plan_id,
                "member_id": self.members[rows[0]["member_id"]],
                "title": rows[0]["title"],
                "status": rows[0]["status"],
                "start_date": rows[0]["start_date"],
                "end_date": rows[0]["end_date"],
                "care_manager_id": self.care_managers.get(rows[0]["care_manager_email"]),
            }
            for plan_id, rows in by_plan.items()
        ]
        results = upsert(CarePlan, plans, key=("source_id",), using=self.using)
        pks = {plan.source_id: plan.pk for plan, _outcome in results}
        # The file is each plan's whole content: its goals (and their activities) are replaced.
        CareGoal.objects.using(self.using).filter(plan_id__in=pks.values()).delete()
        goals: dict[tuple[str, str], CareGoal] = {}
        for plan_id, rows in by_plan.items():
            for row in rows:
                if (plan_id, row["goal"]) not in goals:
                    goals[(plan_id, row["goal"])] = CareGoal(
                        plan_id=pks[plan_id],
                        description=row["goal"],
                        target_date=row["goal_target_date"],
                        status=row["goal_status"],
                        position=len([k for k in goals if k[0] == plan_id]),
                    )
        CareGoal.objects.using(self.using).bulk_create(goals.values())
        activities = [
            CareActivity(
                goal=goals[(record["plan_id"], record["goal"])],
                description=record["activity"],
                schedule=record["schedule"],
                start_date=record["activity_start"],
                end_date=record["activity_end"],
                position=n,
            )
            for n, record in enumerate(records)
            if record["activity"]
        ]
        CareActivity.objects.using(self.using).bulk_create(activities)
        return Tally.of(results)
