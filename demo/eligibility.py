"""Demo eligibility and enrollment, household roles and alerts (MyServices, seed 004).

Each member gets a current eligibility span (a MassHealth program by age, most enrolled in a
health plan, with a renewal date within the year) and sometimes an earlier, ended one; the head
of each household is its head of household, everyone else a household member; some members
have open alerts, a few past due. Drawn from a random stream of its own, so adding these rows
does not change any other builder's data.
"""

import datetime
import random
from typing import Any

from django.db import models

from demo.dates import Calendar
from eligibility.models import Alert, AlertKind, EligibilitySpan, EligibilityStatus, EnrollmentStatus
from households.models import HouseholdRole, Role

COLUMNS: dict[type[models.Model], tuple[str, ...]] = {
    HouseholdRole: ("member_id", "role"),
    EligibilitySpan: (
        "member_id", "program", "status", "status_reason", "effective_date", "end_date", "renewal_due_date",
        "plan_type", "enrollment_status", "enrolled_plan", "enrollment_date",
    ),
    Alert: ("member_id", "alert_id", "kind", "message_key", "due_date", "resolved_date"),
}  # fmt: skip

ADULT_PROGRAMS = ("MassHealth Standard", "MassHealth CommonHealth", "MassHealth Limited", "Health Safety Net")
CHILD_PROGRAMS = ("MassHealth Standard", "MassHealth Family Assistance")
CONNECTOR = "Health Connector: ConnectorCare"
PLANS = (
    ("Accountable Care Partnership Plan", "Tufts Health Together"),
    ("Accountable Care Partnership Plan", "BMC HealthNet Plan Community Alliance"),
    ("Managed Care Organization", "WellSense Essential MCO"),
    ("Primary Care Clinician Plan", "PCC Plan"),
)
ACTIONS = ("renewal_due", "proof_of_income", "proof_of_residency", "proof_of_identity", "update_address")
EVENTS = ("new_notice", "eligibility_decided")


class EligibilityRows:
    """Household roles, eligibility spans and alerts, a member at a time, waiting to be written."""

    def __init__(self, seed: int, calendar: Calendar) -> None:
        self.rng = random.Random(f"{seed}:eligibility")  # noqa: S311 - made-up data, not secrets
        self.calendar = calendar
        today = calendar.today
        self.days_ahead = [today + datetime.timedelta(days=n) for n in range(400)]
        self.rows: dict[type[models.Model], list[tuple[Any, ...]]] = {model: [] for model in COLUMNS}

    def add(
        self, member_pk: int, member_id: str, date_of_birth: datetime.date, *, head: bool, demo: bool
    ) -> None:
        rng, calendar, rows = self.rng, self.calendar, self.rows
        rows[HouseholdRole].append((member_pk, Role.HEAD_OF_HOUSEHOLD if head else Role.HOUSEHOLD_MEMBER))
        child = calendar.today.year - date_of_birth.year < 19
        since = calendar.month_start(calendar.this_month - (14 if demo else rng.randint(1, 60)))
        since = max(since, date_of_birth)
        roll = rng.random()
        if not child and roll < 0.08 and not demo:
            program = CONNECTOR
        else:
            program = rng.choice(CHILD_PROGRAMS if child else ADULT_PROGRAMS[: 2 if demo else 4])
        pending = not demo and roll > 0.95
        plan_type, plan = rng.choice(PLANS)
        enrolled = not pending and program != "Health Safety Net"
        rows[EligibilitySpan].append(
            (
                member_pk, program,
                EligibilityStatus.PENDING if pending else EligibilityStatus.ELIGIBLE,
                "Waiting for proof of income" if pending else "",
                since, None, self.days_ahead[rng.randint(20, 360)],
                plan_type if enrolled else "",
                EnrollmentStatus.ENROLLED if enrolled else EnrollmentStatus.NOT_ENROLLED,
                plan if enrolled else "",
                min(since + datetime.timedelta(days=31), calendar.today) if enrolled else None,
            )
        )  # fmt: skip
        if demo or rng.random() < 0.3:
            ended = since - datetime.timedelta(days=1)
            began = max(date_of_birth, ended - datetime.timedelta(days=rng.randint(90, 700)))
            if began <= ended:
                rows[EligibilitySpan].append(
                    (member_pk, "Health Safety Net", EligibilityStatus.TERMINATED, "Eligible for MassHealth",
                     began, ended, None, "", EnrollmentStatus.NOT_ENROLLED, "", None)
                )  # fmt: skip
        alerts = (2 if head else 1) if demo else rng.choices((0, 1, 2), (55, 35, 10))[0]
        for n in range(alerts):
            event = not demo and rng.random() < 0.3
            key = rng.choice(EVENTS if event else ACTIONS)
            # Some actions are already past due (up to two weeks), most due within two months.
            due = None if event else calendar.today + datetime.timedelta(days=rng.randint(-14, 60))
            if demo:
                key, due = ACTIONS[n], calendar.today + datetime.timedelta(days=(-3, 21)[n % 2])
            kind = AlertKind.EVENT if event else AlertKind.ACTION
            rows[Alert].append((member_pk, f"AL-{member_id}-{n}", kind, key, due, None))
