"""manage.py import_eligibility: the plan's eligibility file becomes My Benefits."""

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest

from eligibility.models import EligibilitySpan
from members.models import Member
from tests.csv_import import Run, run_import, write_csv

HEADER = (
    "member_id,program,status,status_reason,effective_date,end_date,renewal_due_date,plan_type,"
    "enrollment_status,enrolled_plan,enrollment_date"
)
STANDARD = (
    "E001,MassHealth Standard,eligible,,2025-01-01,,2026-12-31,MCO,enrolled,Tufts Health Together,2025-02-01"
)
DENIED = "E001,Health Safety Net,Denied,Income over the limit,2024-03-01,2024-03-01,,,NOT ENROLLED,,"

pytestmark = pytest.mark.usefixtures("import_database")


@pytest.fixture(autouse=True)
def member(import_database: str, make_member: Callable[..., Member]) -> Member:
    return make_member(member_id="E001")


def import_eligibility(tmp_path: Path, *rows: str, options: tuple[str, ...] = ()) -> Run:
    return run_import("import_eligibility", write_csv(tmp_path, HEADER, *rows), *options)


def test_spans_are_created_with_their_enrollment(tmp_path: Path, member: Member) -> None:
    run = import_eligibility(tmp_path, STANDARD, DENIED)

    assert "eligibility spans: 2 created, 0 updated, 0 unchanged" in run.out
    standard = member.eligibility_spans.get(program="MassHealth Standard")
    assert (standard.status, standard.enrollment_status, standard.enrolled_plan, standard.plan_type) == (
        "eligible",
        "enrolled",
        "Tufts Health Together",
        "MCO",
    )
    assert standard.renewal_due_date == datetime.date(2026, 12, 31) and standard.end_date is None
    denied = member.eligibility_spans.get(program="Health Safety Net")
    assert (denied.status, denied.enrollment_status, denied.status_reason) == (
        "denied",
        "not_enrolled",
        "Income over the limit",
    )


def test_reimport_is_idempotent_and_updates_the_status(tmp_path: Path, member: Member) -> None:
    import_eligibility(tmp_path, STANDARD, DENIED)
    assert "0 created, 0 updated, 2 unchanged" in import_eligibility(tmp_path, STANDARD, DENIED).out

    run = import_eligibility(
        tmp_path, STANDARD.replace(",eligible,,", ",terminated,Moved out of state,"), DENIED
    )

    assert "0 created, 1 updated, 1 unchanged" in run.out
    assert EligibilitySpan.objects.count() == 2
    assert member.eligibility_spans.get(program="MassHealth Standard").status == "terminated"


def test_bad_rows_are_reported_by_line_and_nothing_is_imported(tmp_path: Path) -> None:
    run = import_eligibility(
        tmp_path,
        STANDARD,
        STANDARD.replace("E001", "E404"),
        STANDARD.replace(",eligible,", ",approved,"),
        STANDARD.replace(",enrolled,", ",signed up,"),
        DENIED.replace("2024-03-01,2024-03-01", "2024-03-01,2024-02-01"),
        STANDARD.replace("2026-12-31", "31/12/2026"),
        STANDARD,
    )

    assert run.failed
    for expected in [
        "line 3: member_id: no such member on record",
        "line 4: status: not one of eligible, pending, denied, terminated",
        "line 5: enrollment_status: not one of enrolled, pending, not enrolled",
        "line 6: end_date: before effective_date",
        "line 7: renewal_due_date: not a date in YYYY-MM-DD form",
        "line 8: member_id, program, effective_date: same as line 2",
    ]:
        assert expected in run.err
    assert "line 2:" not in run.err
    assert not EligibilitySpan.objects.exists()


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    run = import_eligibility(tmp_path, STANDARD, options=("--dry-run",))
    assert "1 created" in run.out and "dry run" in run.out
    assert not EligibilitySpan.objects.exists()
