"""manage.py import_notices: a manifest and a folder of PDFs become My Notices, each file a PDF."""

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.files.storage import Storage

from documents.models import Notice
from members.models import Member
from tests.csv_import import Run, run_import, write_csv
from tests.documents.notice_files import pdf

HEADER = "member_id,notice_id,title,notice_date,kind,language,file"
APPROVAL = "N001,NT-1,Approval notice,2026-10-05,approval,es,approval.pdf"
RFI = "N001,NT-2,Request for information,2026-09-01,rfi,,rfi.pdf"

pytestmark = pytest.mark.usefixtures("import_database")


@pytest.fixture(autouse=True)
def member(import_database: str, make_member: Callable[..., Member]) -> Member:
    return make_member(member_id="N001")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "approval.pdf").write_bytes(pdf("approval"))
    (inbox / "rfi.pdf").write_bytes(pdf("rfi"))
    return inbox


def import_notices(folder: Path, *rows: str, options: tuple[str, ...] = ()) -> Run:
    return run_import("import_notices", write_csv(folder, HEADER, *rows, name="manifest.csv"), *options)


def test_notices_are_created_and_their_pdfs_stored_as_sent(
    folder: Path, member: Member, notice_storage: Storage, django_capture_on_commit_callbacks: Callable
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        run = import_notices(folder, APPROVAL, RFI)

    assert "notices: 2 created, 0 updated, 0 unchanged" in run.out
    notice = member.notices.get(notice_id="NT-1")
    assert (notice.title, notice.language, notice.size) == ("Approval notice", "es", len(pdf("approval")))
    # Stored under its content's hash: the name says nothing of the member.
    assert notice.file == hashlib.sha256(pdf("approval")).hexdigest() + ".pdf"
    with notice_storage.open(notice.file) as stored:
        assert stored.read() == pdf("approval")

    with django_capture_on_commit_callbacks(execute=True):
        again = import_notices(folder, APPROVAL, RFI)
    assert "0 created, 0 updated, 2 unchanged" in again.out
    # One stored file per notice: the rerun stored nothing again.
    stored_names = sorted(path.name for path in Path(notice_storage.path("")).iterdir())
    assert stored_names == sorted(Notice.objects.values_list("file", flat=True))


def test_a_file_that_is_not_a_pdf_is_refused_by_its_content(
    folder: Path, notice_storage: Storage, django_capture_on_commit_callbacks: Callable
) -> None:
    (folder / "looks.pdf").write_bytes(b"<html>not a notice</html>")
    (folder / "empty.pdf").write_bytes(b"")
    with django_capture_on_commit_callbacks(execute=True):
        run = import_notices(
            folder,
            APPROVAL,
            RFI.replace("rfi.pdf", "looks.pdf"),
            RFI.replace("NT-2", "NT-3").replace("rfi.pdf", "empty.pdf"),
            RFI.replace("NT-2", "NT-4").replace("rfi.pdf", "missing.pdf"),
            RFI.replace("NT-2", "NT-5").replace("rfi.pdf", "../inbox/rfi.pdf"),
            RFI.replace("NT-2", "NT-6").replace("rfi.pdf", ""),
            RFI.replace("NT-2", "NT-7").replace("2026-09-01", ""),
        )

    assert run.failed
    for expected in [
        "line 3: file: not a PDF file",
        "line 4: file: not a PDF file",
        "line 5: file: no such file in the folder",
        "line 6: file: must be a file name in the folder, without a path",
        "line 7: file: required",
        "line 8: notice_date: required",
    ]:
        assert expected in run.err
    assert not Notice.objects.exists()
    assert not Path(notice_storage.path("")).exists() or not any(Path(notice_storage.path("")).iterdir())


def test_a_dry_run_stores_no_file(
    folder: Path, notice_storage: Storage, django_capture_on_commit_callbacks: Callable
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        run = import_notices(folder, APPROVAL, options=("--dry-run",))
    assert "1 created" in run.out and "dry run" in run.out
    assert not Notice.objects.exists()
    assert not Path(notice_storage.path("")).exists()


def test_the_folder_may_be_named_apart_from_the_manifest(
    tmp_path: Path, folder: Path, notice_storage: Storage, django_capture_on_commit_callbacks: Callable
) -> None:
    manifest = write_csv(tmp_path, HEADER, APPROVAL, name="elsewhere.csv")
    with django_capture_on_commit_callbacks(execute=True):
        run = run_import("import_notices", manifest, "--folder", str(folder))
    assert "1 created" in run.out
    assert notice_storage.exists(Notice.objects.get().file)
