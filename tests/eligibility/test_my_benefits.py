"""My Benefits: programs, status and dates, enrollment in a health plan, plan type, renewal date."""

import pytest

from tests.households.clients import signed_in
from tests.households.households import Household, marker

pytestmark = pytest.mark.usefixtures("myservices")


def test_programs_with_status_enrollment_and_renewal(household: Household) -> None:
    response = signed_in(household.head).get("/my/benefits/")
    html = response.content.decode()
    assert response.status_code == 200 and html.count("<h1") == 1
    assert marker(household.head, "Program") in html
    assert "Eligible" in html and "From Jan. 1, 2025" in html
    assert "Enrolled: Tufts Health Together" in html and "since Feb. 1, 2025" in html
    assert "MCO" in html and "Dec. 31, 2026" in html
    assert 'href="/my/benefits/" aria-current="page">My Benefits<' in html


def test_no_eligibility_on_file(household: Household) -> None:
    household.head.eligibility_spans.all().delete()
    html = signed_in(household.head).get("/my/benefits/").content.decode()
    assert "There is no eligibility information on file" in html
