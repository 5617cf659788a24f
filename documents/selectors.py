"""Reads for My Documents and My Notices, each one query whatever their number.

Both pages read them on every visit, so their SELECTs are written once per process
(portal/statements.py), not built by the ORM on each request."""

from documents.models import Document, DocumentKind, Notice
from members.models import Member
from portal.statements import ModelStatement

_DOCUMENTS = ModelStatement(Document, where="member_id = %s", order_by=["id"])
_NOTICES = ModelStatement(
    Notice,
    where="member_id = %s",
    order_by=["-notice_date", "-id"],
    fields=["id", "title", "notice_date", "language", "size", "read_at"],
)


def documents_of(member: Member) -> tuple[list[Document], list[Document]]:
    """The member's requests for information (soonest due first, those with no due date last)
    and the documents they sent (latest received first)."""
    rows = _DOCUMENTS.rows([member.pk])
    requests = sorted(
        (row for row in rows if row.kind == DocumentKind.REQUEST_FOR_INFORMATION),
        key=lambda row: (row.due_date is None, row.due_date, row.pk),
    )
    sent = sorted(
        (row for row in rows if row.kind == DocumentKind.SENT_BY_MEMBER),
        key=lambda row: (row.received_date is not None, row.received_date, row.pk),
        reverse=True,
    )
    return requests, sent


def notices_of(member: Member) -> list[Notice]:
    """The member's notices, newest first."""
    return _NOTICES.rows([member.pk])
