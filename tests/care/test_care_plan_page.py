"""Care Plan: Active and Completed tabs, a plan's goals with activities and schedules, Nursing
Interventions without the internal notes, the member's care manager or whom to call; only the
member's own plans, in a fixed number of queries."""

import datetime
from collections.abc import Callable

import pytest
import time_machine
from django.test import Client

from audit.models import AuditEvent
from care.models import AssessmentStatus, CareManagerAssignment, CarePlanStatus
from members.models import Member
from tests.care.factories import (
    add_intervention,
    assign_assessment,
    load_questionnaire,
    make_care_manager,
    make_plan,
)
from tests.queries import queries_for

pytestmark = pytest.mark.usefixtures("totalcare")
TODAY = datetime.datetime(2026, 3, 2, 18, 0, tzinfo=datetime.UTC)


@pytest.fixture
def totalcare(use_plan: object) -> None:
    use_plan("totalcare")  # type: ignore[operator]


@pytest.fixture(autouse=True)
def _march() -> object:
    with time_machine.travel(TODAY, tick=False):
        yield


def test_active_and_completed_tabs_list_the_members_plans(member: Member, member_client: Client) -> None:
    manager = make_care_manager()
    make_plan(member, title="Managing diabetes", care_manager=manager)
    make_plan(member, title="Quit smoking", status=CarePlanStatus.COMPLETED)
    make_plan(member, title="Draft plan", status=CarePlanStatus.DRAFT)

    active = member_client.get("/care/plans/").content.decode()
    completed = member_client.get("/care/plans/completed/").content.decode()

    assert "Managing diabetes" in active and "María Souza" in active
    assert "Quit smoking" not in active and "Draft plan" not in active
    assert "Quit smoking" in completed and "Managing diabetes" not in completed
    assert 'aria-current="page">Completed<' in completed


def test_a_plan_shows_goals_with_activities_and_schedules(member: Member, member_client: Client) -> None:
    plan = make_plan(member, goals=2, activities=2)

    page = member_client.get(f"/care/plans/{plan.pk}/").content.decode()

    assert "Goal 2: keep blood sugar in range" in page
    assert "Activity 2 of goal 2: walk 20 minutes</strong>, 3 times a week" in page
    assert "In progress" in page and "Target date: June 30, 2026" in page
    assert "Nursing Interventions" in page


def test_nursing_interventions_never_show_internal_notes(member: Member, member_client: Client) -> None:
    plan = make_plan(member)
    add_intervention(plan, "Called to review your blood sugar log", note="Keep it up!")
    add_intervention(
        plan, "Internal: discussed case with pharmacist", note="Consider switching", internal=True
    )

    page = member_client.get(f"/care/plans/{plan.pk}/nursing-interventions/").content.decode()

    assert "Called to review your blood sugar log" in page and "Keep it up!" in page
    assert "pharmacist" not in page and "Consider switching" not in page


def test_another_members_plan_is_not_found(
    member: Member, member_client: Client, make_member: object
) -> None:
    theirs = make_plan(make_member())  # type: ignore[operator]
    draft = make_plan(member, status=CarePlanStatus.DRAFT)

    for plan in (theirs, draft):
        assert member_client.get(f"/care/plans/{plan.pk}/").status_code == 404
        assert member_client.get(f"/care/plans/{plan.pk}/nursing-interventions/").status_code == 404


def test_the_care_manager_and_how_to_reach_them_are_shown(member: Member, member_client: Client) -> None:
    CareManagerAssignment.objects.create(
        member=member,
        care_manager=make_care_manager(phone="+18335309016"),
        effective_from=datetime.date(2026, 1, 1),
    )

    page = member_client.get("/care/plans/").content.decode()

    assert "Your care manager is <strong>María Souza</strong>" in page
    assert 'href="tel:+18335309016">(833) 530-9016</a>' in page


def test_a_member_without_a_care_manager_is_told_whom_to_call(member_client: Client) -> None:
    page = member_client.get("/care/plans/").content.decode()

    assert "You do not have a care manager yet" in page and "833-530-9015" in page


def test_the_dashboard_card_shows_the_care_manager(member: Member, member_client: Client) -> None:
    CareManagerAssignment.objects.create(
        member=member, care_manager=make_care_manager(), effective_from=datetime.date(2026, 1, 1)
    )

    page = member_client.get("/").content.decode()

    assert "Your care manager is <strong>María Souza</strong>" in page
    assert 'href="/care/plans/"' in page


def test_the_dashboard_card_counts_the_assessments_to_finish_with_the_first_due(
    member: Member, member_client: Client, make_member: Callable[..., Member]
) -> None:
    questionnaire = load_questionnaire()
    assert "to finish" not in member_client.get("/").content.decode()
    assign_assessment(member, questionnaire, due=datetime.date(2026, 4, 30))
    assign_assessment(member, questionnaire, due=datetime.date(2026, 3, 20))
    finished = assign_assessment(member, questionnaire, due=datetime.date(2026, 3, 5))
    finished.status = AssessmentStatus.FINISHED
    finished.save()
    assign_assessment(make_member(), questionnaire, due=datetime.date(2026, 3, 3))  # someone else's

    page = member_client.get("/").content.decode()

    assert "You have 2 assessments to finish. The first is due March 20, 2026." in page


def test_pages_are_audited(member: Member, member_client: Client) -> None:
    plan = make_plan(member)
    member_client.get(f"/care/plans/{plan.pk}/")

    assert AuditEvent.objects.filter(member=member, action="members.page_view", detail="care_plan").exists()


def test_a_large_plan_takes_the_same_queries_as_a_small_one(member: Member, member_client: Client) -> None:
    manager = make_care_manager(phone="+18335309016")
    CareManagerAssignment.objects.create(
        member=member, care_manager=manager, effective_from=datetime.date(2026, 1, 1)
    )
    small = make_plan(member, care_manager=manager)
    large = make_plan(member, goals=20, activities=5, care_manager=manager)
    member_client.get("/care/plans/")  # warm the session

    assert queries_for(member_client, f"/care/plans/{small.pk}/") == queries_for(
        member_client, f"/care/plans/{large.pk}/"
    )
    few = queries_for(member_client, "/care/plans/")
    for n in range(30):
        make_plan(member, title=f"Plan {n}", care_manager=manager)
    assert queries_for(member_client, "/care/plans/") == few
