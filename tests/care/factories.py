"""Care management records for the tests: a care manager (a staff user in the role, with a direct
line), care plans of any size, the shipped questionnaires and long ones, assessments."""

import datetime
import json
from pathlib import Path
from typing import Any

from django.contrib.auth.models import Group

from care.assessments import questionnaire_import
from care.models import (
    Assessment,
    CareActivity,
    CareGoal,
    CareManagerContact,
    CarePlan,
    GoalStatus,
    NursingIntervention,
    Questionnaire,
)
from members.models import Member, User
from portal.roles import CARE_MANAGER
from tests.staff import STAFF_PASSWORD


def make_care_manager(
    username: str = "maria.care", *, first_name: str = "María", last_name: str = "Souza", phone: str = ""
) -> User:
    user = User.objects.create_user(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=f"{username}@plan.example",
        password=STAFF_PASSWORD,
        is_staff=True,
    )
    group, _created = Group.objects.get_or_create(name=CARE_MANAGER)
    user.groups.add(group)
    if phone:
        CareManagerContact.objects.create(user=user, phone=phone)
    return user


def make_plan(
    member: Member,
    *,
    title: str = "Managing diabetes",
    status: str = "active",
    goals: int = 1,
    activities: int = 1,
    care_manager: User | None = None,
    start: datetime.date = datetime.date(2026, 1, 5),
) -> CarePlan:
    plan = CarePlan.objects.create(
        member=member, title=title, status=status, start_date=start, care_manager=care_manager
    )
    made_goals = CareGoal.objects.bulk_create(
        CareGoal(
            plan=plan,
            description=f"Goal {n + 1}: keep blood sugar in range",
            target_date=datetime.date(2026, 6, 30),
            status=GoalStatus.IN_PROGRESS,
            position=n,
        )
        for n in range(goals)
    )
    CareActivity.objects.bulk_create(
        CareActivity(
            goal=goal,
            description=f"Activity {n + 1} of goal {goal.position + 1}: walk 20 minutes",
            schedule="3 times a week",
            start_date=datetime.date(2026, 1, 5),
            position=n,
        )
        for goal in made_goals
        for n in range(activities)
    )
    return plan


def add_intervention(
    plan: CarePlan, action: str, *, note: str = "", internal: bool = False
) -> NursingIntervention:
    return NursingIntervention.objects.create(
        plan=plan, date=datetime.date(2026, 2, 1), action=action, note=note, internal=internal
    )


FIXTURES = Path(__file__).resolve().parents[2] / "care" / "fixtures"


def fixture_resource(name: str) -> dict[str, Any]:
    """A questionnaire the portal ships as demo data and test fixture: "phq9" or "health_risk_assessment"."""
    resource: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return resource


def load_questionnaire(name: str = "health_risk_assessment") -> Questionnaire:
    questionnaire, _created = questionnaire_import(resource=fixture_resource(name))
    return questionnaire


def long_questionnaire(questions: int) -> Questionnaire:
    """One group of `questions` yes/no questions, each but the first shown when the first is Yes."""
    items: list[dict[str, Any]] = [
        {"linkId": "q0", "type": "boolean", "text": "Question 0", "required": True}
    ]
    items += [
        {
            "linkId": f"q{n}",
            "type": "boolean",
            "text": f"Question {n}",
            "enableWhen": [{"question": "q0", "operator": "=", "answerBoolean": True}],
        }
        for n in range(1, questions)
    ]
    resource = {
        "resourceType": "Questionnaire",
        "url": f"https://plan.example/fhir/Questionnaire/long-{questions}",
        "version": "1",
        "title": f"{questions} questions",
        "status": "active",
        "item": [{"linkId": "all", "type": "group", "text": "All", "item": items}],
    }
    questionnaire, _created = questionnaire_import(resource=resource)
    return questionnaire


def assign_assessment(
    member: Member, questionnaire: Questionnaire, *, due: datetime.date = datetime.date(2026, 3, 31)
) -> Assessment:
    return Assessment.objects.create(member=member, questionnaire=questionnaire, due_date=due)
