"""manage.py import_authorizations: the utilization management file becomes the member's list."""

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest

from authorizations.models import Authorization
from members.models import Member
from tests.csv_import import SAMPLES, Run, run_import, write_csv

HEADER = (SAMPLES / "authorizations.csv").read_text(encoding="utf-8").splitlines()[0]
# authorization_number, member_id, kind, req NPI, req name, serv NPI, serv name, service, codes,
# units requested, approved, priority, requested, decision, decision date, start, end, reason, sensitive
APPROVED = (
    "2026-00121,A001,referral,1234567893,Dr. Lucía,,Valley PT,Physical therapy,97110; 97140,12,12,"
    "standard,2026-02-02,approved,2026-02-05,2026-02-10,2026-05-10,,no"
)
PENDING = "2026-00124,A001,authorization,,,,,Sleep study,,1,,expedited,2026-04-20,Pending,,,,,"
DENIED = "2026-00123,A001,authorization,,,,,MRI,72148,1,,,2026-04-01,denied,2026-04-06,,,Therapy first.,yes"

# Each test runs on PostgreSQL and on SQLite (tests/databases.py).
pytestmark = pytest.mark.usefixtures("import_database")


@pytest.fixture(autouse=True)
def member(import_database: str, make_member: Callable[..., Member]) -> Member:
    return make_member(member_id="A001")


def import_authorizations(tmp_path: Path, *rows: str, options: tuple[str, ...] = ()) -> Run:
    return run_import("import_authorizations", write_csv(tmp_path, HEADER, *rows), *options)


def test_rows_become_the_members_records(tmp_path: Path, member: Member) -> None:
    run = import_authorizations(tmp_path, APPROVED, PENDING, DENIED)

    assert "3 created, 0 updated, 0 unchanged" in run.out, run.err
    approved = member.authorizations.get(authorization_number="2026-00121")
    assert approved.kind == "referral" and approved.procedure_codes == ["97110", "97140"]
    assert (approved.units_requested, approved.units_approved) == (12, 12)
    assert (
        approved.start_date == datetime.date(2026, 2, 10) and approved.requesting_provider_npi == "1234567893"
    )
    pending = member.authorizations.get(authorization_number="2026-00124")
    assert pending.decision == "pending" and pending.priority == "expedited" and pending.decision_date is None
    denied = member.authorizations.get(authorization_number="2026-00123")
    assert denied.priority == "standard" and denied.sensitive and denied.denial_reason == "Therapy first."


def test_reimport_is_idempotent_and_records_the_decision(tmp_path: Path, member: Member) -> None:
    import_authorizations(tmp_path, APPROVED, PENDING)
    assert "0 created, 0 updated, 2 unchanged" in import_authorizations(tmp_path, APPROVED, PENDING).out
    public_id = member.authorizations.get(authorization_number="2026-00124").public_id

    decided = PENDING.replace("Pending,,,,,", "approved,2026-04-22,2026-04-25,2026-05-25,,")
    run = import_authorizations(tmp_path, APPROVED, decided)

    assert "0 created, 1 updated, 1 unchanged" in run.out
    record = member.authorizations.get(authorization_number="2026-00124")
    assert record.decision == "approved" and record.decision_date == datetime.date(2026, 4, 22)
    assert record.public_id == public_id  # links to it keep working


def test_bad_rows_are_reported_by_line_and_nothing_is_imported(tmp_path: Path) -> None:
    run = import_authorizations(
        tmp_path,
        APPROVED.replace("approved,2026-02-05", "approved,"),  # 2: decided with no date
        DENIED.replace("Therapy first.", "").replace("2026-00123", "X-1"),  # 3: denied, no reason
        PENDING.replace("2026-00124", "X-2").replace("Pending,,", "pending,2026-04-21,"),  # 4: pending, dated
        APPROVED.replace("2026-00121", "X-3").replace("2026-02-10,2026-05-10", "2026-05-10,2026-02-10"),  # 5
        APPROVED.replace("2026-00121", "X-4").replace(
            "2026-02-05", "2026-01-05"
        ),  # 6: decided before request
        APPROVED.replace("2026-00121", "X-5").replace(",referral,", ",visit,"),  # 7
        APPROVED.replace("2026-00121", "X-6")
        .replace("12,12", "12,13")
        .replace("1234567893", "1234567890"),  # 8
        APPROVED.replace("2026-00121", "X-7").replace("approved,", "partially approved,"),  # 9: no reason
        PENDING,
        PENDING,  # 11: the same number twice
        APPROVED.replace("2026-00121", "X-8").replace("A001", "A404"),  # 12: no such member
    )

    assert run.failed
    assert "decision_date: required when the decision is not pending" in run.err
    for line, problem in [
        (2, "decision_date: required when the decision is not pending"),
        (3, "denial_reason: required when the request is denied or partially approved"),
        (4, "decision_date: must be blank while the decision is pending"),
        (5, "end_date: before start_date"),
        (6, "decision_date: before requested_date"),
        (7, "kind: not one of referral, authorization"),
        (8, "units_approved: more than units_requested"),
        (8, "requesting_provider_npi: check digit does not match"),
        (9, "denial_reason: required when the request is denied or partially approved"),
        (11, "authorization_number: same as line 10"),
        (12, "member_id: no such member on record"),
    ]:
        assert f"line {line}: {problem}" in run.err, (line, problem, run.err)
    assert "nothing was imported" in run.err
    assert not Authorization.objects.exists()


def test_the_sample_file_loads(tmp_path: Path, make_member: Callable[..., Member]) -> None:
    make_member(member_id="S10000001")
    run = run_import("import_authorizations", SAMPLES / "authorizations.csv")
    assert "4 created" in run.out, run.err
