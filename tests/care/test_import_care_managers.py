"""manage.py import_care_managers: the care management system's assignments become each member's
care manager history, with the usual importer rules."""

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest

from care.models import CareManagerAssignment
from care.selectors import current_care_manager
from members.models import Member, User
from tests.care.factories import make_care_manager
from tests.csv_import import Run, run_import, write_csv
from tests.staff import make_staff

HEADER = "member_id,care_manager_email,effective_from,effective_to"
PAST = "P001,ana.care@plan.example,2025-01-01,2025-12-31"
CURRENT = "P001,Maria.Care@Plan.Example,2026-01-01,"

pytestmark = pytest.mark.usefixtures("import_database")


@pytest.fixture
def member(import_database: str, make_member: Callable[..., Member]) -> Member:
    make_care_manager("ana.care", first_name="Ana", last_name="Lima")
    make_care_manager("maria.care")
    return make_member(member_id="P001")


def import_rows(tmp_path: Path, *rows: str, options: tuple[str, ...] = ()) -> Run:
    return run_import("import_care_managers", write_csv(tmp_path, HEADER, *rows), *options)


def test_assignments_are_created_and_matched_by_email_in_any_case(tmp_path: Path, member: Member) -> None:
    run = import_rows(tmp_path, CURRENT, PAST)

    assert not run.failed, run.err
    assert "2 created, 0 updated, 0 unchanged" in run.out
    assert current_care_manager(member, datetime.date(2026, 3, 1)).name == "María Souza"  # type: ignore[union-attr]
    assert current_care_manager(member, datetime.date(2025, 3, 1)).name == "Ana Lima"  # type: ignore[union-attr]


def test_reimport_is_idempotent_and_a_new_manager_replaces_the_open_one(
    tmp_path: Path, member: Member
) -> None:
    import_rows(tmp_path, "P001,ana.care@plan.example,2025-01-01,")
    run = import_rows(tmp_path, CURRENT, PAST)

    assert not run.failed, run.err
    assert "1 created, 1 updated, 0 unchanged" in run.out
    assert "0 created, 0 updated, 2 unchanged" in import_rows(tmp_path, CURRENT, PAST).out


def test_bad_rows_are_reported_and_nothing_is_applied(tmp_path: Path, member: Member) -> None:
    run = import_rows(
        tmp_path,
        PAST,
        "P404,maria.care@plan.example,2026-01-01,",
        "P001,nobody@plan.example,2026-01-01,",
        "P001,maria.care@plan.example,2025-06-01,2025-08-31",
        "P001,not-an-email,2027-01-01,",
    )

    assert run.failed
    assert "line 3: member_id: no such member on record" in run.err
    assert "line 4: care_manager_email: no staff user with the Care manager role has this email" in run.err
    assert "line 5: effective_from: period overlaps line 2" in run.err
    assert "line 6: care_manager_email: not a valid email address" in run.err
    assert not CareManagerAssignment.objects.exists()


def test_a_staff_user_outside_the_role_is_not_a_care_manager(tmp_path: Path, member: Member) -> None:
    User.objects.filter(pk=make_staff("clerk").pk).update(email="clerk@plan.example")
    run = import_rows(tmp_path, "P001,clerk@plan.example,2026-01-01,")

    assert run.failed
    assert "no staff user with the Care manager role" in run.err
