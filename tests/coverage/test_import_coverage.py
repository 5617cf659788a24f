"""manage.py import_coverage: the enrollment coverage file becomes the spans members see."""

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest

from coverage.models import Coverage
from members.models import Member
from tests.csv_import import Run, run_import, write_csv

HEADER = "member_id,program,plan,effective_date,end_date"
OPEN = "C001,Medi-Cal,Alliance Medi-Cal,2024-01-01,"
ENDED = "C001,Group Care,Alliance Group Care,2020-07-01,2023-12-31"

# Each test runs on PostgreSQL and on SQLite (tests/databases.py).
pytestmark = pytest.mark.usefixtures("import_database")


@pytest.fixture(autouse=True)
def member(import_database: str, make_member: Callable[..., Member]) -> Member:
    return make_member(member_id="C001")


def import_coverage(tmp_path: Path, *rows: str, header: str = HEADER, options: tuple[str, ...] = ()) -> Run:
    return run_import("import_coverage", write_csv(tmp_path, header, *rows), *options)


def test_spans_are_created_for_the_member(tmp_path: Path, member: Member) -> None:
    run = import_coverage(tmp_path, OPEN, ENDED)

    assert "2 created, 0 updated, 0 unchanged" in run.out
    spans = list(member.coverages.values_list("program", "plan", "effective_date", "end_date"))
    assert spans == [
        ("Medi-Cal", "Alliance Medi-Cal", datetime.date(2024, 1, 1), None),
        ("Group Care", "Alliance Group Care", datetime.date(2020, 7, 1), datetime.date(2023, 12, 31)),
    ]


def test_reimport_is_idempotent_and_updates_the_end_date(tmp_path: Path, member: Member) -> None:
    import_coverage(tmp_path, OPEN, ENDED)
    assert "0 created, 0 updated, 2 unchanged" in import_coverage(tmp_path, OPEN, ENDED).out

    run = import_coverage(tmp_path, OPEN + "2024-06-30", ENDED)

    assert "0 created, 1 updated, 1 unchanged" in run.out
    assert Coverage.objects.count() == 2
    assert member.coverages.get(program="Medi-Cal").end_date == datetime.date(2024, 6, 30)


def test_bad_rows_are_reported_by_line_and_nothing_is_imported(tmp_path: Path, member: Member) -> None:
    run = import_coverage(
        tmp_path,
        OPEN,
        ENDED.replace("2023-12-31", "2019-12-31"),
        OPEN.replace("C001", "C404"),
        "C001,,Alliance Medi-Cal,01/02/2024,",
        OPEN,
    )

    assert run.failed
    for expected in [
        "line 3: end_date: before effective_date",
        "line 4: member_id: no such member on record",
        "line 5: program: required",
        "line 5: effective_date: not a date in YYYY-MM-DD form",
        "line 6: member_id, program, plan, effective_date: same as line 2",
    ]:
        assert expected in run.err
    assert "line 2:" not in run.err
    assert not Coverage.objects.exists()


def test_dry_run_writes_nothing(tmp_path: Path, member: Member) -> None:
    run = import_coverage(tmp_path, OPEN, options=("--dry-run",))

    assert "1 created" in run.out and "dry run" in run.out
    assert not Coverage.objects.exists()


def test_extra_columns_are_ignored_and_a_missing_one_is_reported(tmp_path: Path, member: Member) -> None:
    assert not import_coverage(tmp_path, "x," + OPEN + ",y", header="source," + HEADER + ",aid_code").failed
    assert member.coverages.count() == 1

    run = import_coverage(tmp_path, "C001,Medi-Cal,2024-01-01", header="member_id,program,effective_date")
    assert "missing required column(s): plan, end_date" in run.err


def test_a_byte_order_mark_is_accepted(tmp_path: Path, member: Member) -> None:
    assert not run_import("import_coverage", write_csv(tmp_path, HEADER, OPEN, bom=True)).failed
    assert member.coverages.count() == 1


def test_output_follows_verbosity(tmp_path: Path, member: Member) -> None:
    assert import_coverage(tmp_path, OPEN, options=("--verbosity=0",)).out == ""
    chatty = import_coverage(tmp_path, OPEN, ENDED, options=("--verbosity=2",)).out
    assert "2 row(s) checked, all valid" in chatty
    assert "1 created, 0 updated, 1 unchanged" in chatty
