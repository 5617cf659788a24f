"""manage.py import_pcp_assignments: the enrollment PCP history becomes each member's PCP periods."""

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest

from coverage.models import Coverage
from members.models import Member
from providers.models import PcpAssignment, Provider
from tests.csv_import import SAMPLES, Run, run_import, write_csv

HEADER = "member_id,npi,effective_from,effective_to"
PAST = "P001,1234567893,2022-01-01,2023-12-31"
CURRENT = "P001,1987654328,2024-01-01,"

# Each test runs on PostgreSQL and on SQLite (tests/databases.py).
pytestmark = pytest.mark.usefixtures("import_database")


@pytest.fixture
def member(import_database: str, make_member: Callable[..., Member]) -> Member:
    """Member P001, and two network providers on record."""
    for npi, first, last in [("1234567893", "Lucía", "García"), ("1987654328", "André", "Dubois")]:
        Provider.objects.create(npi=npi, first_name=first, last_name=last, specialty="Family Medicine")
    return make_member(member_id="P001")


def import_pcps(tmp_path: Path, *rows: str, header: str = HEADER, options: tuple[str, ...] = ()) -> Run:
    return run_import("import_pcp_assignments", write_csv(tmp_path, header, *rows), *options)


def history(member: Member) -> list[tuple[str, datetime.date, datetime.date | None]]:
    rows = member.pcp_assignments.order_by("effective_from")
    return list(rows.values_list("provider__npi", "effective_from", "effective_to"))


def test_assignments_are_created(tmp_path: Path, member: Member) -> None:
    run = import_pcps(tmp_path, CURRENT, PAST)

    assert "2 created, 0 updated, 0 unchanged" in run.out
    assert history(member) == [
        ("1234567893", datetime.date(2022, 1, 1), datetime.date(2023, 12, 31)),
        ("1987654328", datetime.date(2024, 1, 1), None),
    ]
    assert PcpAssignment.objects.in_effect_on(datetime.date(2024, 5, 1)).get().provider.last_name == "Dubois"


def test_reimport_is_idempotent(tmp_path: Path, member: Member) -> None:
    import_pcps(tmp_path, PAST, CURRENT)
    run = import_pcps(tmp_path, PAST, CURRENT)

    assert "0 created, 0 updated, 2 unchanged" in run.out
    assert PcpAssignment.objects.count() == 2


def test_a_new_pcp_can_replace_the_open_assignment_on_record(tmp_path: Path, member: Member) -> None:
    import_pcps(tmp_path, "P001,1234567893,2022-01-01,")
    # The new open period comes first in the file; the closing row must still be applied first.
    run = import_pcps(tmp_path, CURRENT, PAST)

    assert not run.failed, run.err
    assert "1 created, 1 updated, 0 unchanged" in run.out
    assert history(member)[-1] == ("1987654328", datetime.date(2024, 1, 1), None)


def test_unknown_members_and_providers_are_reported(tmp_path: Path, member: Member) -> None:
    run = import_pcps(tmp_path, PAST, CURRENT.replace("P001", "P404"), "P001,1456789019,2025-01-01,")

    assert run.failed
    assert "line 3: member_id: no such member on record" in run.err
    assert "line 4: npi: no such provider on record" in run.err
    assert not PcpAssignment.objects.exists()


def test_overlapping_periods_in_the_file_are_reported(tmp_path: Path, member: Member) -> None:
    run = import_pcps(
        tmp_path, PAST, CURRENT, "P001,1987654328,2023-06-01,2023-08-31", "P001,1234567893,2025-01-01,"
    )

    assert run.failed
    assert "line 4: effective_from: period overlaps line 2" in run.err
    assert "line 5: effective_from: period overlaps line 3" in run.err
    assert not PcpAssignment.objects.exists()


def test_a_period_overlapping_one_on_record_is_reported(tmp_path: Path, member: Member) -> None:
    import_pcps(tmp_path, CURRENT)

    run = import_pcps(tmp_path, "P001,1234567893,2025-03-01,")

    assert "line 2: effective_from: period overlaps the assignment on record from 2024-01-01" in run.err
    assert history(member) == [("1987654328", datetime.date(2024, 1, 1), None)]


def test_bad_dates_are_reported_and_dry_run_writes_nothing(tmp_path: Path, member: Member) -> None:
    bad = import_pcps(tmp_path, "P001,1234567893,2022-01-01,2021-12-31", "P001,1234567893,,")
    assert "line 2: effective_to: before effective_from" in bad.err
    assert "line 3: effective_from: required" in bad.err

    dry = import_pcps(tmp_path, PAST, CURRENT, options=("--dry-run",))
    assert "2 created" in dry.out and "dry run" in dry.out
    assert not PcpAssignment.objects.exists()


def test_extra_columns_byte_order_mark_and_missing_columns(tmp_path: Path, member: Member) -> None:
    path = write_csv(tmp_path, HEADER + ",reason", PAST + ",member choice", bom=True)
    assert not run_import("import_pcp_assignments", path).failed
    assert PcpAssignment.objects.count() == 1

    run = import_pcps(tmp_path, "P001,2024-01-01", header="member_id,effective_from")
    assert "missing required column(s): npi, effective_to" in run.err


def test_the_sample_files_import_in_order(db: None) -> None:
    """docs/samples/ shows the formats; it must stay importable, in the documented order."""
    for name in ["members", "providers", "coverage", "pcp_assignments"]:
        run = run_import(f"import_{name}", SAMPLES / f"{name}.csv")
        assert not run.failed, run.err

    maria = Member.objects.get(member_id="S10000001")
    assert maria.last_name == "Núñez-Ortiz"
    assert Member.objects.get(member_id="S10000002").head_of_household == maria
    assert Coverage.objects.count() == 8
    assert PcpAssignment.objects.filter(effective_to__isnull=True).count() == 7
