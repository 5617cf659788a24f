"""manage.py import_claims: the plan's claims file becomes the claims members see."""

import datetime
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from claims.models import Claim, ClaimLine
from members.models import Member
from tests.csv_import import SAMPLES, Run, run_import, write_csv

HEADER = (
    "claim_number,member_id,claim_type,status,billing_provider_npi,billing_provider_name,"
    "rendering_provider_npi,in_network,received_date,paid_date,line_number,service_from,service_to,"
    "procedure_code,modifier,procedure_description,diagnosis_codes,units,billed,allowed,plan_paid,"
    "copay,coinsurance,deductible,not_covered,line_status,denial_reason_code,denial_reason"
)
CLAIM = "C100,M001,medical,partially paid,1234567893,Clínica Núñez,,yes,2026-03-05,2026-03-20"
LINE_1 = f"{CLAIM},1,2026-03-01,,99213,25,Office visit,J06.9;R05,1,150.00,100.00,80.00,20.00,,,,paid,,"
LINE_2 = (
    f"{CLAIM},2,2026-03-01,2026-03-02,87880,,Strep test,J02.9,1,40.00,0,0,,,,40.00,denied,CO-50,"
    "Not medically necessary"
)

pytestmark = pytest.mark.usefixtures("import_database")


@pytest.fixture(autouse=True)
def member(import_database: str, make_member: Callable[..., Member]) -> Member:
    return make_member(member_id="M001")


def import_claims(tmp_path: Path, *rows: str, header: str = HEADER, options: tuple[str, ...] = ()) -> Run:
    return run_import("import_claims", write_csv(tmp_path, header, *rows), *options)


def test_a_claim_and_its_lines_are_created_with_totals(tmp_path: Path, member: Member) -> None:
    run = import_claims(tmp_path, LINE_1, LINE_2)

    assert "claim lines: 2 created, 0 updated, 0 unchanged" in run.out
    claim = Claim.objects.get()
    assert claim.member == member
    assert (claim.claim_type, claim.status, claim.in_network) == ("medical", "partially paid", True)
    assert claim.billing_provider_folded == " clinica nunez"
    assert (claim.service_from, claim.service_to) == (datetime.date(2026, 3, 1), datetime.date(2026, 3, 2))
    assert (claim.billed, claim.allowed, claim.plan_paid) == (
        Decimal("190.00"),
        Decimal("100.00"),
        Decimal("80.00"),
    )
    assert claim.copay == Decimal("20.00") and claim.not_covered == Decimal("40.00")
    assert claim.coinsurance is None
    assert claim.you_may_owe == Decimal("60.00")
    first, second = ClaimLine.objects.order_by("line_number")
    assert first.service_to == first.service_from  # blank service_to: a one-day service
    assert first.diagnosis_codes == ["J06.9", "R05"] and first.modifier == "25"
    assert (second.line_status, second.denial_reason) == ("denied", "Not medically necessary")


def test_reimport_is_idempotent_and_an_update_refreshes_the_totals(tmp_path: Path) -> None:
    import_claims(tmp_path, LINE_1, LINE_2)
    assert "0 created, 0 updated, 2 unchanged" in import_claims(tmp_path, LINE_1, LINE_2).out

    adjusted = LINE_2.replace(
        "40.00,0,0,,,,40.00,denied,CO-50,Not medically necessary", "40.00,40.00,40.00,,,,,paid,,"
    )
    run = import_claims(
        tmp_path, adjusted.replace("partially paid", "paid"), LINE_1.replace("partially paid", "paid")
    )

    assert "0 created, 1 updated, 1 unchanged" in run.out
    claim = Claim.objects.get()
    assert claim.status == "paid"
    assert (claim.plan_paid, claim.not_covered) == (Decimal("120.00"), None)
    assert ClaimLine.objects.count() == 2


def test_a_file_with_some_lines_of_a_claim_keeps_the_others(tmp_path: Path) -> None:
    import_claims(tmp_path, LINE_1, LINE_2)
    run = import_claims(tmp_path, LINE_1.replace(",150.00,100.00,", ",150.00,90.00,"))

    assert "0 created, 1 updated, 0 unchanged" in run.out
    assert Claim.objects.get().allowed == Decimal("90.00")  # 90 + the second line's 0


def test_bad_rows_are_reported_by_line_and_nothing_is_imported(tmp_path: Path) -> None:
    run = import_claims(
        tmp_path,
        LINE_1,
        LINE_2.replace("partially paid", "paid"),
        LINE_1.replace("C100,M001", "C200,M404"),
        LINE_1.replace("C100", "C300").replace(",150.00,100.00,80.00,", ",-150.00,100.00,80.00,"),
        LINE_1.replace("C100", "C400").replace(",150.00,100.00,", ",90.00,100.00,"),
        LINE_1.replace("C100", "C500").replace("medical", "optical").replace("2026-03-01", "03/01/2026"),
        LINE_1.replace("C100", "C600").replace("150.00", "$150"),
        LINE_1,
    )

    assert run.failed
    for expected in [
        "line 3: status: differs from line 2 for the same claim",
        "line 4: member_id: no such member on record",
        "line 5: billed: negative; only an adjusted line may be",
        "line 6: allowed: more than billed; only an adjusted line may be",
        "line 7: claim_type: not one of medical, pharmacy, dental, vision",
        "line 7: service_from: not a date in YYYY-MM-DD form",
        "line 8: billed: not an amount in dollars and cents such as 1234.50",
        "line 9: claim_number, line_number: same as line 2",
    ]:
        assert expected in run.err
    assert "line 2:" not in run.err
    assert not Claim.objects.exists() and not ClaimLine.objects.exists()


def test_an_adjusted_line_may_be_negative_and_allow_more_than_billed(tmp_path: Path) -> None:
    reversal = LINE_1.replace(
        ",150.00,100.00,80.00,20.00,,,,paid,", ",-150.00,-100.00,-80.00,-20.00,,,,adjusted,"
    )
    assert not import_claims(tmp_path, reversal.replace("partially paid", "adjusted")).failed
    assert Claim.objects.get().billed == Decimal("-150.00")


def test_a_claim_does_not_move_to_another_member(tmp_path: Path, make_member: Callable[..., Member]) -> None:
    make_member(member_id="M002")
    import_claims(tmp_path, LINE_1)

    run = import_claims(tmp_path, LINE_1.replace("M001", "M002"))

    assert "line 2: member_id: the claim is on record for another member" in run.err
    assert Claim.objects.get().member.member_id == "M001"


def test_the_sensitive_column_is_optional(tmp_path: Path) -> None:
    import_claims(tmp_path, LINE_1)
    assert Claim.objects.get().sensitive is False

    import_claims(tmp_path, LINE_1 + ",yes", header=HEADER + ",sensitive")
    assert Claim.objects.get().sensitive is True


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    run = import_claims(tmp_path, LINE_1, options=("--dry-run",))

    assert "1 created" in run.out and "dry run" in run.out
    assert not Claim.objects.exists()


def test_the_sample_file_imports_after_the_members(tmp_path: Path) -> None:
    """docs/samples/claims.csv shows the format; it must stay importable."""
    assert not run_import("import_members", SAMPLES / "members.csv").failed
    run = run_import("import_claims", SAMPLES / "claims.csv")
    assert not run.failed, run.err
    assert Claim.objects.filter(member__member_id="S10000001").count() == 2
    assert Claim.objects.get(claim_number="CL0000000003").allowed is None  # pending: not known yet
