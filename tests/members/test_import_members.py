"""manage.py import_members: the enrollment member file becomes members with their contacts."""

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.models import Address, ContactEmail, Member, Phone
from tests.csv_import import Run, run_import, write_csv

# Each test runs on PostgreSQL and on SQLite (tests/databases.py).
pytestmark = pytest.mark.usefixtures("import_database")

HEADER = (
    "member_id,first_name,last_name,date_of_birth,sex,preferred_language,head_of_household_id,"
    "address_line1,address_line2,city,state,zip,county,phone,email"
)
MARIA = (
    "M001,María José,Núñez-Ortiz,1984-03-09,F,es,M001,"
    "412 Calle Amapola,Apt 3,Salinas,CA,93901,Monterey,(831) 555-0142,maria@example.org"
)
MATEO = "M002,Mateo,Núñez-Ortiz,2012-07-21,,,M001,412 Calle Amapola,Apt 3,Salinas,CA,93901-1234,Monterey,,"
ZOE = "M003,Zoë,O'Connor-Lee,1990-11-30,f,EN,,,,,,,Mariposa,,"


def import_members(tmp_path: Path, *rows: str, options: tuple[str, ...] = (), header: str = HEADER) -> Run:
    return run_import("import_members", write_csv(tmp_path, header, *rows), *options)


def test_members_are_created_with_their_contacts(tmp_path: Path, db: None) -> None:
    run = import_members(tmp_path, MARIA, MATEO, ZOE)

    assert "3 created, 0 updated, 0 unchanged" in run.out
    maria = Member.objects.get(member_id="M001")
    assert (maria.first_name, maria.last_name) == ("María José", "Núñez-Ortiz")
    assert maria.date_of_birth == datetime.date(1984, 3, 9)
    assert (maria.sex, maria.preferred_language, maria.county) == ("F", "es", "Monterey")
    assert maria.head_of_household == maria
    address = maria.addresses.get()
    assert (address.kind, address.is_primary, address.line1, address.line2) == (
        "mailing",
        True,
        "412 Calle Amapola",
        "Apt 3",
    )
    assert (address.city, address.state, address.zip_code, address.county) == (
        "Salinas",
        "CA",
        "93901",
        "Monterey",
    )
    phone = maria.phones.get()
    assert (phone.kind, phone.number, phone.is_primary) == ("home", "+18315550142", True)
    assert maria.emails.get().address == "maria@example.org"

    mateo = Member.objects.get(member_id="M002")
    assert mateo.head_of_household == maria
    assert (mateo.sex, mateo.preferred_language) == ("U", "en")
    assert mateo.addresses.get().zip_code == "93901-1234"
    assert not mateo.phones.exists() and not mateo.emails.exists()

    zoe = Member.objects.get(member_id="M003")
    assert (zoe.first_name, zoe.last_name, zoe.sex, zoe.preferred_language) == (
        "Zoë",
        "O'Connor-Lee",
        "F",
        "en",
    )
    assert zoe.head_of_household is None
    assert not zoe.addresses.exists()


def test_reimporting_the_same_file_changes_nothing(tmp_path: Path, db: None) -> None:
    import_members(tmp_path, MARIA, MATEO, ZOE)
    run = import_members(tmp_path, MARIA, MATEO, ZOE)

    assert "0 created, 0 updated, 3 unchanged" in run.out
    assert (Member.objects.count(), Address.objects.count(), Phone.objects.count()) == (3, 2, 1)
    assert ContactEmail.objects.count() == 1


def test_a_changed_row_updates_the_member_and_replaces_their_mailing_address(
    tmp_path: Path, db: None
) -> None:
    import_members(tmp_path, MARIA, MATEO)
    moved = MARIA.replace("Núñez-Ortiz", "Núñez").replace(
        "412 Calle Amapola,Apt 3,Salinas", "9 Elm St,,Marina"
    )
    mateo_on_own = MATEO.replace(",M001,", ",,")

    run = import_members(tmp_path, moved, mateo_on_own)

    assert "0 created, 2 updated, 0 unchanged" in run.out
    maria = Member.objects.get(member_id="M001")
    assert maria.last_name == "Núñez"
    assert [(a.line1, a.line2, a.city) for a in maria.addresses.all()] == [("9 Elm St", "", "Marina")]
    assert Member.objects.get(member_id="M002").head_of_household is None


def test_a_contact_change_alone_counts_as_an_update(tmp_path: Path, db: None) -> None:
    import_members(tmp_path, MARIA)
    run = import_members(tmp_path, MARIA.replace("maria@example.org", "mj@example.org"))

    assert "0 created, 1 updated, 0 unchanged" in run.out
    assert list(ContactEmail.objects.values_list("address", flat=True)) == ["mj@example.org"]


def test_a_head_of_household_already_on_record_is_linked(
    tmp_path: Path, make_member: Callable[..., Member]
) -> None:
    head = make_member(member_id="H100")
    import_members(tmp_path, MATEO.replace(",M001,", ",H100,"))

    assert Member.objects.get(member_id="M002").head_of_household == head


def test_one_bad_row_is_reported_by_line_and_nothing_is_imported(tmp_path: Path, db: None) -> None:
    run = import_members(tmp_path, MARIA, MATEO.replace(",CA,", ",XX,"), ZOE)

    assert run.failed
    assert "line 3: state: not a two-letter US state or territory code" in run.err
    assert "nothing was imported" in run.err
    assert not Member.objects.exists()


def test_every_bad_row_is_reported_with_its_reason(tmp_path: Path, db: None) -> None:
    run = import_members(
        tmp_path,
        MARIA.replace("1984-03-09", "1984-02-30"),
        MATEO.replace("2012-07-21", "2999-01-01").replace("93901-1234", "9390"),
        ZOE.replace(",f,", ",Q,"),
        MARIA.replace("(831) 555-0142", "555-0142").replace("maria@example.org", "maria@"),
        ",,Sin Nombre,1990-01-01,,,,1 Main St,,,CA,95000,,,",
        ZOE.replace(",EN,,", ",EN,M999,"),
    )

    assert run.failed
    for expected in [
        "line 2: date_of_birth: not a date in YYYY-MM-DD form",
        "line 3: date_of_birth: in the future",
        "line 3: zip: not a ZIP code",
        "line 4: sex: not one of F, M, U",
        "line 5: phone: not a valid phone number",
        "line 5: email: not a valid email address",
        "line 6: member_id: required",
        "line 6: first_name: required",
        "line 6: city: required",
        "line 7: head_of_household_id: no such member in this file or on record",
    ]:
        assert expected in run.err
    assert "6 row(s) with errors" in run.err
    assert not Member.objects.exists()


def test_a_member_id_twice_in_one_file_is_an_error(tmp_path: Path, db: None) -> None:
    run = import_members(tmp_path, MARIA, ZOE, MARIA)

    assert "line 4: member_id: same as line 2" in run.err
    assert not Member.objects.exists()


def test_dry_run_reports_what_would_change_and_writes_nothing(tmp_path: Path, db: None) -> None:
    run = import_members(tmp_path, MARIA, MATEO, options=("--dry-run",))

    assert "2 created, 0 updated, 0 unchanged (dry run: nothing was written)" in run.out
    assert not Member.objects.exists()
    assert not Address.objects.exists()


def test_extra_columns_and_column_order_do_not_matter(tmp_path: Path, db: None) -> None:
    header = "email,notes," + HEADER.replace(",email", "")
    row = "zoe@example.org,moved in 2024," + ZOE.rsplit(",", 1)[0]
    import_members(tmp_path, row, header=header)

    zoe = Member.objects.get(member_id="M003")
    assert zoe.last_name == "O'Connor-Lee"
    assert zoe.emails.get().address == "zoe@example.org"


def test_a_byte_order_mark_is_accepted(tmp_path: Path, db: None) -> None:
    run = run_import("import_members", write_csv(tmp_path, HEADER, ZOE, bom=True))

    assert not run.failed
    assert Member.objects.get(member_id="M003").first_name == "Zoë"


def test_a_missing_column_is_reported(tmp_path: Path, db: None) -> None:
    run = import_members(tmp_path, "M003,Zoë", header="member_id,first_name")

    assert run.failed
    assert "missing required column(s): last_name, date_of_birth" in run.err
    assert not Member.objects.exists()


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path, db: None) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(f"{HEADER}\n{ZOE}\n".encode("latin-1"))

    run = run_import("import_members", path)

    assert run.failed
    assert "not UTF-8" in run.err


def test_queries_do_not_grow_with_the_number_of_rows(tmp_path: Path, db: None) -> None:
    def queries_for(prefix: str, count: int) -> int:
        rows = [MARIA.replace("M001", f"{prefix}{n:04d}") for n in range(count)]
        with CaptureQueriesContext(connection) as queries:
            import_members(tmp_path, *rows)
        return len(queries)

    assert queries_for("A", 3) == queries_for("B", 40)
