"""manage.py import_households: each member's role, as the plan's application has it."""

from collections.abc import Callable
from pathlib import Path

import pytest

from households.models import HouseholdRole
from members.models import Member
from tests.csv_import import Run, run_import, write_csv

HEADER = "member_id,role"

pytestmark = pytest.mark.usefixtures("import_database")


@pytest.fixture(autouse=True)
def household(import_database: str, make_member: Callable[..., Member]) -> list[Member]:
    head = make_member(member_id="H001")
    head.head_of_household = head
    head.save()
    return [head, make_member(member_id="H002", head_of_household=head)]


def import_households(tmp_path: Path, *rows: str) -> Run:
    return run_import("import_households", write_csv(tmp_path, HEADER, *rows))


def test_roles_are_set_and_changed(tmp_path: Path, household: list[Member]) -> None:
    run = import_households(tmp_path, "H001,head of household", "H002,household_member")
    assert "household roles: 2 created, 0 updated, 0 unchanged" in run.out
    assert HouseholdRole.objects.get(member=household[1]).role == "household_member"

    run = import_households(tmp_path, "H001,head of household", "H002,Account Holder")
    assert "0 created, 1 updated, 1 unchanged" in run.out
    assert HouseholdRole.objects.get(member=household[1]).role == "account_holder"


def test_a_head_may_not_be_in_another_members_household(
    tmp_path: Path, make_member: Callable[..., Member]
) -> None:
    make_member(member_id="H009")  # no head on record: may head a household
    run = import_households(
        tmp_path, "H001,head of household", "H002,head of household", "H003,account holder", "H001,spouse"
    )
    assert run.failed
    assert "line 3: role: a head of household cannot have another member as head_of_household_id" in run.err
    assert "line 4: member_id: no such member on record" in run.err
    assert "line 5: role: not one of account holder, head of household, household member" in run.err
    assert "line 2:" not in run.err and "line 6:" not in run.err
    assert not HouseholdRole.objects.exists()
