"""My Info: the member's contact information as the plan has it, read-only in MyServices."""

import pytest
from django.test import Client

from members.models import Member
from portal.plans import PlanProfile
from tests.conftest import UsePlan
from tests.households.clients import signed_in
from tests.households.households import Household, marker


def test_masshealth_says_changes_cannot_be_made_here(myservices: PlanProfile, household: Household) -> None:
    response = signed_in(household.head).get("/my/")
    html = response.content.decode()
    assert response.status_code == 200 and html.count("<h1") == 1
    assert "You cannot make changes directly in MyServices" in html
    assert "(800) 841-2900" in html
    assert marker(household.head, "Street") in html
    assert "May 2, 1984" in html and "English" in html
    assert 'href="/my/" aria-current="page">My Info<' in html
    for tab in ["My Benefits", "My Documents", "My Notices"]:
        assert f">{tab}</a>" in html
    assert "/profile/phone/add/" not in html


def test_a_plan_with_profile_editing_points_to_profile(
    use_plan: UsePlan, member_client: Client, member: Member
) -> None:
    use_plan("demo")
    html = member_client.get("/my/").content.decode()
    assert "To change it, go to Profile" in html and 'href="/profile/"' in html
    assert "You cannot make changes directly" not in html


@pytest.mark.parametrize("plan", ["alliance", "totalcare"])
def test_the_other_plans_have_no_myservices(use_plan: UsePlan, member_client: Client, plan: str) -> None:
    use_plan(plan)
    for url in ["/my/", "/my/benefits/", "/my/documents/", "/my/notices/"]:
        assert member_client.get(url).status_code == 404
