"""The member file's optional `ssn` column: kept only as its keyed hash, never in clear."""

from pathlib import Path

import pytest

from members.models import Member
from members.ssn import ssn_digest
from tests.csv_import import run_import, write_csv

pytestmark = pytest.mark.usefixtures("import_database")

HEADER = (
    "member_id,first_name,last_name,date_of_birth,sex,preferred_language,head_of_household_id,"
    "address_line1,address_line2,city,state,zip,county,phone,email,ssn"
)
ROW = "M001,María,Núñez,1984-03-09,F,es,,,,,,,Monterey,,,{ssn}"


@pytest.fixture(autouse=True)
def _ssn_key(settings) -> None:  # type: ignore[no-untyped-def]
    settings.SSN_HMAC_KEY = "test-ssn-key-0123456789"


def test_an_ssn_is_kept_as_its_keyed_hash(tmp_path: Path, db: None) -> None:
    run_import("import_members", write_csv(tmp_path, HEADER, ROW.format(ssn="123-45-6789")))
    member = Member.objects.get()
    assert member.ssn_digest == ssn_digest("123456789")
    assert "123456789" not in member.ssn_digest


def test_a_file_without_the_column_leaves_the_hash_alone(tmp_path: Path, db: None) -> None:
    run_import("import_members", write_csv(tmp_path, HEADER, ROW.format(ssn="123456789")))
    without = HEADER.removesuffix(",ssn")
    run = run_import("import_members", write_csv(tmp_path, without, ROW.format(ssn="").removesuffix(",")))
    assert "0 created, 0 updated, 1 unchanged" in run.out
    assert Member.objects.get().ssn_digest == ssn_digest("123456789")


def test_a_bad_ssn_is_refused_without_repeating_it(tmp_path: Path, db: None) -> None:
    run = run_import("import_members", write_csv(tmp_path, HEADER, ROW.format(ssn="12345678")))
    assert run.failed
    assert "ssn: not a Social Security number" in run.out + run.err
    assert "12345678" not in run.out + run.err
    assert not Member.objects.exists()
