"""The plan's document and notice files (docs/csv-formats.md, *Documents* and *Notices*).

Documents: each row creates or updates one document or request for information, matched on the
plan's document ID. Notices: a manifest, one row per notice matched on the plan's notice ID,
naming a PDF in a folder beside it; each file must be a PDF by its content. The PDFs are stored
after the rows commit (a dry run or a refused file stores none), under their content's SHA-256,
so the same file run again is found already stored. Members must already be on record."""

from collections.abc import Hashable
from pathlib import Path
from typing import Any, ClassVar

from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.files import MAX_NOTICE_BYTES, is_pdf, notice_storage, stored_name
from documents.models import Document, DocumentKind, DocumentStatus, Notice
from members.importers import MemberRowsImporter
from portal.csvimport.cells import keyword, max_length, parse_date, parse_language
from portal.csvimport.importer import register
from portal.csvimport.reading import Row
from portal.csvimport.writing import Tally, upsert


@register
class DocumentImporter(MemberRowsImporter):
    name = "documents"
    record_name = gettext_lazy("documents")
    key_columns = "document_id"
    writes = (Document,)
    columns = (
        "member_id",
        "document_id",
        "kind",
        "title",
        "requested_date",
        "due_date",
        "received_date",
        "status",
        "status_reason",
    )

    def parse_row(self, row: Row) -> dict[str, Any]:
        record = {
            "member_id": self.member_id(row),
            "document_id": row.identifier("document_id", max_length=max_length(Document, "document_id")),
            "kind": row.required("kind", keyword(*DocumentKind.values), stand_in=""),
            "title": row.text("title", max_length=max_length(Document, "title")),
            "requested_date": row.value("requested_date", parse_date, blank=None),
            "due_date": row.value("due_date", parse_date, blank=None),
            "received_date": row.value("received_date", parse_date, blank=None),
            "status": row.required("status", keyword(*DocumentStatus.values), stand_in=""),
            "status_reason": row.text(
                "status_reason", max_length=max_length(Document, "status_reason"), required=False
            ),
        }
        if record["kind"] == DocumentKind.REQUEST_FOR_INFORMATION and not record["due_date"]:
            row.error("due_date", _("required for a request for information"))
        return record

    def key(self, record: dict[str, Any]) -> Hashable:
        return record["document_id"]

    def apply(self, records: list[dict[str, Any]]) -> Tally:
        return Tally.of(
            upsert(Document, self.with_member_pks(records), key=("document_id",), using=self.using)
        )


class NoticeImporter(MemberRowsImporter):
    """Built for one folder of PDFs by `notices_in(folder)` (the command passes the manifest's
    folder unless told another)."""

    name = "notices"
    record_name = gettext_lazy("notices")
    key_columns = "notice_id"
    writes = (Notice,)
    columns = ("member_id", "notice_id", "title", "notice_date", "kind", "language", "file")
    folder: ClassVar[Path]

    def parse_row(self, row: Row) -> dict[str, Any]:
        record: dict[str, Any] = {
            "member_id": self.member_id(row),
            "notice_id": row.identifier("notice_id", max_length=max_length(Notice, "notice_id")),
            "title": row.text("title", max_length=max_length(Notice, "title")),
            "notice_date": row.required("notice_date", parse_date, stand_in=None),
            "kind": row.text("kind", max_length=max_length(Notice, "kind"), required=False),
            "language": row.value("language", parse_language, blank="en"),
        }
        path = self._pdf(row)
        # The file is read again when it is stored: a big manifest's PDFs are never all in memory.
        record["source"] = path
        record["file"] = stored_name(path) if path else ""
        record["size"] = path.stat().st_size if path else 0
        return record

    def _pdf(self, row: Row) -> Path | None:
        name = row.text("file", max_length=255)
        if not name:
            return None
        # A plain file name in the folder: no path, so a manifest cannot reach outside it.
        if Path(name).name != name or name.startswith("."):
            row.error("file", _("must be a file name in the folder, without a path"))
            return None
        path = self.folder / name
        if not path.is_file():
            row.error("file", _("no such file in the folder"))
            return None
        if path.stat().st_size > MAX_NOTICE_BYTES:
            row.error("file", _("bigger than %(limit)d MB") % {"limit": MAX_NOTICE_BYTES // (1024 * 1024)})
            return None
        if not is_pdf(path):
            row.error("file", _("not a PDF file"))
            return None
        return path

    def key(self, record: dict[str, Any]) -> Hashable:
        return record["notice_id"]

    def apply(self, records: list[dict[str, Any]]) -> Tally:
        sources = {record["file"]: record["source"] for record in records}
        rows = [{k: v for k, v in record.items() if k != "source"} for record in records]
        results = upsert(Notice, self.with_member_pks(rows), key=("notice_id",), using=self.using)
        # After the commit, so a dry run or a failed import leaves no file behind; every row's
        # file is checked, so a run cut off before its files were stored is healed by a rerun.
        transaction.on_commit(lambda: _store(sources), using=self.using)
        return Tally.of(results)


def _store(sources: dict[str, Path]) -> None:
    storage = notice_storage()
    for name, path in sources.items():
        if not storage.exists(name):
            with path.open("rb") as file:
                storage.save(name, File(file))


def notices_in(folder: Path) -> type[NoticeImporter]:
    """The notice importer for a manifest whose PDFs are in `folder`."""
    return type("NoticeImporter", (NoticeImporter,), {"folder": folder})
