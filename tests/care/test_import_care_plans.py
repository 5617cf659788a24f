"""manage.py import_care_plans: the care management system's plans, one row per goal activity,
become the member's Care Plan; re-importing replaces a plan's goals and activities."""

from collections.abc import Callable
from pathlib import Path

import pytest

from care.models import CareActivity, CareGoal, CarePlan
from members.models import Member
from tests.care.factories import make_care_manager
from tests.csv_import import Run, run_import, write_csv

HEADER = (
    "plan_id,member_id,title,status,start_date,end_date,care_manager_email,"
    "goal,goal_target_date,goal_status,activity,schedule,activity_start,activity_end"
)
PLAN = "CP-1,P001,Managing diabetes,active,2026-01-05,,maria.care@plan.example"
WALK = f"{PLAN},Keep blood sugar in range,2026-06-30,in_progress,Walk 20 minutes,3 times a week,2026-01-05,"
CHECK = f"{PLAN},Keep blood sugar in range,2026-06-30,in_progress,Blood sugar check,Every morning,,"
WEIGHT = f"{PLAN},Lose 10 pounds,2026-09-30,not_started,,,,"

pytestmark = pytest.mark.usefixtures("import_database")


@pytest.fixture
def member(import_database: str, make_member: Callable[..., Member]) -> Member:
    make_care_manager()
    return make_member(member_id="P001")


def import_rows(tmp_path: Path, *rows: str) -> Run:
    return run_import("import_care_plans", write_csv(tmp_path, HEADER, *rows))


def test_a_plan_with_goals_and_activities_is_created(tmp_path: Path, member: Member) -> None:
    run = import_rows(tmp_path, WALK, CHECK, WEIGHT)

    assert not run.failed, run.err
    assert "1 created" in run.out
    plan = CarePlan.objects.get(source_id="CP-1")
    assert plan.care_manager is not None
    assert (plan.member, plan.title, plan.care_manager.username) == (
        member,
        "Managing diabetes",
        "maria.care",
    )
    goals = list(plan.goals.order_by("position").values_list("description", "status"))
    assert goals == [("Keep blood sugar in range", "in_progress"), ("Lose 10 pounds", "not_started")]
    assert list(CareActivity.objects.order_by("position").values_list("description", "schedule")) == [
        ("Walk 20 minutes", "3 times a week"),
        ("Blood sugar check", "Every morning"),
    ]


def test_reimport_replaces_the_plans_goals(tmp_path: Path, member: Member) -> None:
    import_rows(tmp_path, WALK, CHECK, WEIGHT)
    run = import_rows(tmp_path, WALK.replace(",active,", ",completed,"))

    assert not run.failed, run.err
    assert "1 updated" in run.out
    assert CarePlan.objects.get().status == "completed"
    assert CareGoal.objects.count() == 1 and CareActivity.objects.count() == 1


def test_bad_rows_are_reported_and_nothing_is_applied(tmp_path: Path, member: Member) -> None:
    run = import_rows(
        tmp_path,
        WALK,
        CHECK.replace("Managing diabetes", "Other title"),
        WALK,
        WALK.replace("CP-1,P001", "CP-2,P404"),
        WEIGHT.replace("not_started", "someday"),
    )

    assert run.failed
    assert "line 3: title: differs from line 2, the plan's first row" in run.err
    assert "line 4: plan_id, goal, activity: same as line 2" in run.err
    assert "line 5: member_id: no such member on record" in run.err
    assert "line 6: goal_status: not one of" in run.err
    assert not CarePlan.objects.exists()
