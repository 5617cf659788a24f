"""Demo care management: three care managers (staff users in the Care manager role, with direct
lines, no password: an administrator gives them one), the shipped questionnaires (a PHQ-9 and a
health-risk assessment), and for the demo member a care manager, an active care plan with goals,
activities and nursing interventions (one internal, which the member never sees), a completed
plan, a health-risk assessment to do and a PHQ-9 finished last month.

A few dozen rows, written with the ORM after the members (the plan's care managers are staff, not
members); its own random stream, so the other builders' data does not shift. Idempotent: the
demo member's care records are replaced, the care managers and questionnaires kept.
"""

import datetime
import json
import random
from pathlib import Path

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from care.assessments import questionnaire_import
from care.models import (
    Assessment,
    AssessmentStatus,
    CareActivity,
    CareGoal,
    CareManagerAssignment,
    CareManagerContact,
    CarePlan,
    CarePlanStatus,
    GoalStatus,
    NursingIntervention,
    Questionnaire,
)
from members.models import Member, User
from portal.registry import feature_enabled
from portal.roles import CARE_MANAGER

FIXTURES = Path(__file__).resolve().parent.parent / "care" / "fixtures"
CARE_MANAGERS = [
    ("care.souza", "María", "Souza", "+18315550141"),
    ("care.tran", "Linh", "Tran", "+18315550142"),
    ("care.okafor", "Grace", "Okafor", "+18315550143"),
]
# (goal, status, months to target, [(activity, schedule)])
DIABETES_GOALS = [
    ("Keep your blood sugar in a healthy range", GoalStatus.IN_PROGRESS, 3, [
        ("Check your blood sugar", "Every morning before breakfast"),
        ("Take metformin", "Twice a day, with breakfast and dinner"),
        ("Write your numbers in your log", "Every day"),
    ]),
    ("Be more active", GoalStatus.IN_PROGRESS, 4, [
        ("Walk 20 minutes", "3 times a week"),
        ("Stretch", "Every evening, 10 minutes"),
    ]),
    ("See your eye doctor this year", GoalStatus.NOT_STARTED, 6, [
        ("Call to make an eye exam appointment", "Once, this month"),
    ]),
    ("Learn about healthy eating", GoalStatus.MET, -1, [
        ("Go to the diabetes nutrition class", "Once a week for 4 weeks"),
    ]),
]  # fmt: skip


def questionnaires() -> dict[str, Questionnaire]:
    """The shipped questionnaires, imported once."""
    found = {}
    for name in ("phq9", "health_risk_assessment"):
        resource = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
        found[name], _created = questionnaire_import(resource=resource)
    return found


def care_managers() -> list[User]:
    group, _created = Group.objects.get_or_create(name=CARE_MANAGER)
    users = []
    for username, first, last, phone in CARE_MANAGERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@example.org",
                "is_staff": True,
            },
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        user.groups.add(group)
        CareManagerContact.objects.update_or_create(user=user, defaults={"phone": phone})
        users.append(user)
    return users


@transaction.atomic
def write_care(*, member_id: str, today: datetime.date, seed: int) -> dict[str, int]:
    """The demo member's care records; row counts by table."""
    if not feature_enabled("care"):
        return {}  # the plan's profile has no care management
    rng = random.Random(f"{seed}:care")  # noqa: S311 - made-up data
    member = Member.objects.filter(member_id=member_id).first()
    managers = care_managers()
    forms = questionnaires()
    if member is None:
        return {}
    for model in (CareManagerAssignment, CarePlan, Assessment):
        model.objects.filter(member=member).delete()
    earlier, current = rng.sample(managers, 2)
    CareManagerAssignment.objects.bulk_create(
        [
            CareManagerAssignment(
                member=member,
                care_manager=earlier,
                effective_from=today - datetime.timedelta(days=400),
                effective_to=today - datetime.timedelta(days=121),
            ),
            CareManagerAssignment(
                member=member, care_manager=current, effective_from=today - datetime.timedelta(days=120)
            ),
        ]
    )
    started = today - datetime.timedelta(days=90)
    active = CarePlan.objects.create(
        member=member,
        title="Managing your diabetes",
        description="The plan you and your care manager made to keep your diabetes under control.",
        start_date=started,
        care_manager=current,
    )
    goals = CareGoal.objects.bulk_create(
        CareGoal(
            plan=active,
            description=text,
            status=status,
            target_date=today + datetime.timedelta(days=30 * months),
            position=n,
        )
        for n, (text, status, months, _activities) in enumerate(DIABETES_GOALS)
    )
    activities = CareActivity.objects.bulk_create(
        CareActivity(goal=goal, description=what, schedule=when, start_date=started, position=n)
        for goal, (_text, _status, _months, steps) in zip(goals, DIABETES_GOALS, strict=True)
        for n, (what, when) in enumerate(steps)
    )
    interventions = NursingIntervention.objects.bulk_create(
        [
            NursingIntervention(
                plan=active,
                date=started,
                action="Made your care plan with you by phone",
                note="We agreed on three goals. Call me if anything in the plan is hard to do.",
            ),
            NursingIntervention(
                plan=active,
                date=today - datetime.timedelta(days=30),
                action="Reviewed your blood sugar log",
                note="Your morning numbers are better. Keep checking every day.",
            ),
            NursingIntervention(
                plan=active,
                date=today - datetime.timedelta(days=29),
                action="Asked the pharmacist about a lower metformin dose",
                note="Internal: waiting for the PCP's reply before telling the member.",
                internal=True,
            ),
        ]
    )
    done = CarePlan.objects.create(
        member=member,
        title="Recovering after your hospital stay",
        status=CarePlanStatus.COMPLETED,
        start_date=today - datetime.timedelta(days=380),
        end_date=today - datetime.timedelta(days=290),
        care_manager=earlier,
    )
    done_goal = CareGoal.objects.create(
        plan=done, description="Go to your follow-up visit", status=GoalStatus.MET, position=0
    )
    CareActivity.objects.create(goal=done_goal, description="See your PCP within 7 days", schedule="Once")
    finished_at = timezone.now() - datetime.timedelta(days=32)
    answers = {f"phq9-{n}": [rng.choice(["LA6568-5", "LA6569-3"])] for n in range(1, 10)}
    Assessment.objects.bulk_create(
        [
            Assessment(
                member=member,
                questionnaire=forms["health_risk_assessment"],
                due_date=today + datetime.timedelta(days=14),
            ),
            Assessment(
                member=member,
                questionnaire=forms["phq9"],
                due_date=today - datetime.timedelta(days=30),
                status=AssessmentStatus.FINISHED,
                answers=answers,
                saved_at=finished_at,
                finished_at=finished_at,
            ),
        ]
    )
    return {
        CareManagerAssignment._meta.db_table: 2,
        CarePlan._meta.db_table: 2,
        CareGoal._meta.db_table: len(goals) + 1,
        CareActivity._meta.db_table: len(activities) + 1,
        NursingIntervention._meta.db_table: len(interventions),
        Assessment._meta.db_table: 2,
    }


@transaction.atomic
def write_bench_care(*, usernames: list[str], today: datetime.date) -> None:
    """The bench members' care at the issue's scale: a care manager, an active plan of 20 goals
    with 5 activities each, and the health-risk assessment to do. Members that have a plan keep it."""
    if not feature_enabled("care"):
        return
    members = Member.objects.filter(user__username__in=usernames).exclude(care_plans__isnull=False)
    manager = care_managers()[0]
    questionnaire = questionnaires()["health_risk_assessment"]
    for member in members:
        CareManagerAssignment.objects.get_or_create(
            member=member, effective_to=None, defaults={"care_manager": manager, "effective_from": today}
        )
        plan = CarePlan.objects.create(
            member=member, title="Managing your diabetes", start_date=today, care_manager=manager
        )
        goals = CareGoal.objects.bulk_create(
            CareGoal(
                plan=plan,
                description=f"Goal {n + 1}",
                target_date=today,
                status=GoalStatus.IN_PROGRESS,
                position=n,
            )
            for n in range(20)
        )
        CareActivity.objects.bulk_create(
            CareActivity(
                goal=goal,
                description="Walk 20 minutes",
                schedule="3 times a week",
                start_date=today,
                position=n,
            )
            for goal in goals
            for n in range(5)
        )
        Assessment.objects.get_or_create(member=member, questionnaire=questionnaire, due_date=today)
