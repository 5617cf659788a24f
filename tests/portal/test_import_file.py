"""import_file: the parse → check → apply path as a plain function, for a command, an upload or a
task alike: a binary file object in, a report out, nothing printed."""

import io
from pathlib import Path

import pytest
from django.utils import translation

from claims.importers import ClaimImporter
from coverage.importers import CoverageImporter
from members.importers import MemberImporter
from members.models import Member
from portal.csvimport.importer import ImportReport, import_file, importer_named
from providers.importers import PcpAssignmentImporter, ProviderImporter
from tests.csv_import import SAMPLES

HEADER = b"member_id,first_name,last_name,date_of_birth,sex,preferred_language,head_of_household_id,"
HEADER += b"address_line1,address_line2,city,state,zip,county,phone,email\n"
ZOE = "M003,Zoë,O'Connor-Lee,1990-11-30,f,EN,,,,,,,Mariposa,,\n".encode()
MATEO = b"M002,Mateo,Nunez,2012-07-21,,,,1 Main St,,Salinas,CA,93901,,,\n"


def members_file(*rows: bytes) -> io.BytesIO:
    return io.BytesIO(HEADER + b"".join(rows))


def test_a_good_file_is_applied_and_reported(db: None) -> None:
    report = import_file(MemberImporter, members_file(ZOE, MATEO))

    assert report.ok and not report.dry_run
    assert (report.checked, report.problems) == (2, [])
    assert report.summary() == "members: 2 created, 0 updated, 0 unchanged"
    assert sorted(Member.objects.values_list("member_id", flat=True)) == ["M002", "M003"]


def test_a_dry_run_counts_the_changes_and_writes_nothing(db: None) -> None:
    report = import_file(MemberImporter, members_file(ZOE), dry_run=True)

    assert report.ok and report.tally is not None and report.tally.created == 1
    assert report.summary() == "members: 1 created, 0 updated, 0 unchanged (dry run: nothing was written)"
    assert not Member.objects.exists()


def test_bad_rows_are_reported_by_line_and_nothing_is_applied(db: None) -> None:
    report = import_file(MemberImporter, members_file(ZOE, MATEO.replace(b",CA,", b",XX,"), ZOE))

    assert not report.ok and report.tally is None
    assert report.problems == [
        "line 3: state: not a two-letter US state or territory code",
        "line 4: member_id: same as line 2",
    ]
    assert report.bad_rows == 2
    assert report.summary() == "2 row(s) with errors; nothing was imported."
    assert not Member.objects.exists()


@pytest.mark.parametrize(
    ("content", "refused"),
    [
        (b"", "the file is empty; it needs a header row."),
        ("member_id,first_name\nM1,Zoë\n".encode("latin-1"), "the file is not UTF-8 text."),
        (b"member_id,first_name\n", "line 1: missing required column(s): last_name, date_of_birth, sex,"),
    ],
    ids=["empty", "latin-1", "columns"],
)
def test_a_file_that_cannot_be_read_is_refused_with_one_message(
    db: None, content: bytes, refused: str
) -> None:
    report = import_file(MemberImporter, io.BytesIO(content))

    assert not report.ok and report.errors == ()
    assert report.refused.startswith(refused)
    assert report.problems == [report.refused]
    assert not Member.objects.exists()


def test_the_callers_file_stays_open(db: None) -> None:
    file = members_file(ZOE)

    import_file(MemberImporter, file)

    assert not file.closed


def test_an_open_file_on_disk_works_as_an_upload_does(db: None) -> None:
    with (SAMPLES / "providers.csv").open("rb") as file:
        report = import_file(ProviderImporter, file)

    assert report == ImportReport("providers", False, checked=6, tally=report.tally)
    assert report.summary() == "providers: 6 created, 0 updated, 0 unchanged"


def test_importers_are_found_by_name() -> None:
    assert importer_named("members") is MemberImporter
    assert importer_named("providers") is ProviderImporter
    assert importer_named("coverage") is CoverageImporter
    assert importer_named("pcp_assignments") is PcpAssignmentImporter
    assert importer_named("claims") is ClaimImporter
    with pytest.raises(LookupError, match="appeals"):
        importer_named("appeals")


def test_every_sample_loads_through_the_function(db: None) -> None:
    for name in ["members", "providers", "coverage", "pcp_assignments"]:
        with Path(SAMPLES / f"{name}.csv").open("rb") as file:
            assert import_file(importer_named(name), file).ok, name


def test_the_report_speaks_the_active_language(db: None) -> None:
    # A command runs in the portal's LANGUAGE_CODE (English); an upload page would use the staff
    # member's language.
    with translation.override("es"):
        bad = import_file(MemberImporter, members_file(ZOE, MATEO.replace(b",CA,", b",XX,"), ZOE))
        good = import_file(MemberImporter, members_file(ZOE), dry_run=True)

        assert bad.problems == [
            "línea 3: state: no es un código de dos letras de un estado o territorio de EE. UU.",
            "línea 4: member_id: igual que la línea 2",
        ]
        assert bad.summary() == "2 fila(s) con errores; no se importó nada."
        assert good.summary() == (
            "miembros: 1 creados, 0 actualizados, 0 sin cambios (simulación: no se escribió nada)"
        )
