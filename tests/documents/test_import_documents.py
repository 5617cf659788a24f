"""manage.py import_documents: documents members sent and requests for information."""

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest

from documents.models import Document
from members.models import Member
from tests.csv_import import Run, run_import, write_csv

HEADER = "member_id,document_id,kind,title,requested_date,due_date,received_date,status,status_reason"
RFI = "D001,DOC-1,request for information,Proof of income,2026-10-01,2026-11-15,,requested,"
SENT = "D001,DOC-2,sent_by_member,Lease,,,2026-09-20,under review,"

pytestmark = pytest.mark.usefixtures("import_database")


@pytest.fixture(autouse=True)
def member(import_database: str, make_member: Callable[..., Member]) -> Member:
    return make_member(member_id="D001")


def import_documents(tmp_path: Path, *rows: str) -> Run:
    return run_import("import_documents", write_csv(tmp_path, HEADER, *rows))


def test_documents_are_created_then_updated_as_they_move_on(tmp_path: Path, member: Member) -> None:
    assert "documents: 2 created, 0 updated, 0 unchanged" in import_documents(tmp_path, RFI, SENT).out
    rfi = member.documents.get(document_id="DOC-1")
    assert (rfi.kind, rfi.status, rfi.due_date) == (
        "request_for_information",
        "requested",
        datetime.date(2026, 11, 15),
    )

    run = import_documents(
        tmp_path, RFI.replace(",,requested,", ",2026-11-01,more information needed,Page 2 missing"), SENT
    )

    assert "0 created, 1 updated, 1 unchanged" in run.out
    rfi.refresh_from_db()
    assert (rfi.status, rfi.status_reason, rfi.received_date) == (
        "more_information_needed",
        "Page 2 missing",
        datetime.date(2026, 11, 1),
    )


def test_bad_rows_are_reported_by_line_and_nothing_is_imported(tmp_path: Path) -> None:
    run = import_documents(
        tmp_path,
        RFI,
        RFI.replace("DOC-1", "DOC-3").replace("2026-11-15", ""),
        SENT.replace("DOC-2", "DOC-4").replace("sent_by_member", "faxed"),
        SENT.replace("DOC-2", "DOC-5").replace("under review", "lost"),
        SENT.replace("DOC-2", "DOC-6").replace("Lease", ""),
        RFI,
    )

    assert run.failed
    for expected in [
        "line 3: due_date: required for a request for information",
        "line 4: kind: not one of sent by member, request for information",
        "line 5: status: not one of requested, received, under review, accepted, more information needed",
        "line 6: title: required",
        "line 7: document_id: same as line 2",
    ]:
        assert expected in run.err
    assert not Document.objects.exists()
