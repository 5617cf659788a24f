"""manage.py import_providers: the plan's provider directory file becomes the network members search."""

from pathlib import Path

import pytest

from providers.models import Provider
from tests.csv_import import Run, run_import, write_csv

# Each test runs on PostgreSQL and on SQLite (tests/databases.py).
pytestmark = pytest.mark.usefixtures("import_database")

HEADER = (
    "npi,first_name,last_name,gender,specialty,is_primary_care,accepting_new_patients,languages,"
    "clinic_name,address_line1,city,county,state,zip,phone"
)
LUCIA = (
    "1234567893,Lucía,Fernández-García,F,Family Medicine,yes,Y,en; ES;;es,Clínica del Valle,"
    "300 Main St,Salinas,Monterey,ca,939011234,831-555-0110"
)
ANDRE = "1987654328,André,Dubois,,Cardiology,0,false,,,,,,,,"


def import_providers(tmp_path: Path, *rows: str, header: str = HEADER, bom: bool = False) -> Run:
    return run_import("import_providers", write_csv(tmp_path, header, *rows, bom=bom))


def test_providers_are_created_with_folded_names(tmp_path: Path, db: None) -> None:
    run = import_providers(tmp_path, LUCIA, ANDRE)

    assert "2 created, 0 updated, 0 unchanged" in run.out
    lucia = Provider.objects.get(npi="1234567893")
    assert (lucia.first_name, lucia.last_name, lucia.gender) == ("Lucía", "Fernández-García", "F")
    assert (lucia.first_name_folded, lucia.last_name_folded) == ("lucia", "fernandezgarcia")
    assert (lucia.is_primary_care, lucia.accepting_new_patients) == (True, True)
    assert lucia.languages == ["en", "es"]
    assert (lucia.clinic_name, lucia.city, lucia.county) == ("Clínica del Valle", "Salinas", "Monterey")
    assert (lucia.state, lucia.zip_code, lucia.phone) == ("CA", "93901-1234", "+18315550110")
    andre = Provider.objects.get(npi="1987654328")
    assert (andre.gender, andre.is_primary_care, andre.accepting_new_patients) == ("U", False, False)
    assert (andre.languages, andre.phone, andre.state) == ([], "", "")


def test_reimport_is_idempotent_and_applies_changes(tmp_path: Path, db: None) -> None:
    import_providers(tmp_path, LUCIA, ANDRE)
    assert "0 created, 0 updated, 2 unchanged" in import_providers(tmp_path, LUCIA, ANDRE).out

    run = import_providers(tmp_path, LUCIA.replace("Fernández-García", "Peña"), ANDRE)

    assert "0 created, 1 updated, 1 unchanged" in run.out
    assert Provider.objects.count() == 2
    lucia = Provider.objects.get(npi="1234567893")
    assert (lucia.last_name, lucia.last_name_folded) == ("Peña", "pena")


def test_one_bad_row_is_reported_by_line_and_nothing_is_imported(tmp_path: Path, db: None) -> None:
    run = import_providers(tmp_path, LUCIA, ANDRE.replace("1987654328", "1987654329"))

    assert run.failed
    assert "line 3: npi: check digit does not match" in run.err
    assert not Provider.objects.exists()


def test_every_bad_row_is_reported_with_its_reason(tmp_path: Path, db: None) -> None:
    run = import_providers(
        tmp_path,
        LUCIA.replace(",F,", ",Z,").replace(",yes,", ",maybe,"),
        ANDRE.replace("1987654328", "19876").replace("Cardiology", ""),
        LUCIA.replace("en; ES;;es", "English").replace("831-555-0110", "12"),
        LUCIA,
    )

    for expected in [
        "line 2: gender: not one of F, M, X, U",
        "line 2: is_primary_care: not one of true/false, yes/no, Y/N, 1/0",
        "line 3: npi: not 10 digits",
        "line 3: specialty: required",
        "line 4: languages: not a language code",
        "line 4: phone: not a",
    ]:
        assert expected in run.err
    assert "line 5" not in run.err
    assert not Provider.objects.exists()


def test_an_npi_twice_in_one_file_is_an_error(tmp_path: Path, db: None) -> None:
    run = import_providers(tmp_path, LUCIA, ANDRE, LUCIA.replace("Lucía", "Lucy"))

    assert "line 4: npi: same as line 2" in run.err
    assert not Provider.objects.exists()


def test_dry_run_writes_nothing(tmp_path: Path, db: None) -> None:
    run = run_import("import_providers", write_csv(tmp_path, HEADER, LUCIA), "--dry-run")

    assert "1 created" in run.out
    assert not Provider.objects.exists()


def test_extra_columns_are_ignored_and_a_byte_order_mark_is_accepted(tmp_path: Path, db: None) -> None:
    run = import_providers(tmp_path, LUCIA + ",board certified", header=HEADER + ",notes", bom=True)

    assert not run.failed
    assert Provider.objects.get().clinic_name == "Clínica del Valle"


def test_a_missing_column_is_reported(tmp_path: Path, db: None) -> None:
    run = import_providers(tmp_path, ANDRE.rsplit(",", 1)[0], header=HEADER.replace(",phone", ""))

    assert run.failed
    assert "line 1: missing required column(s): phone" in run.err
