"""Reads for My Documents and My Notices, each one query whatever their number."""

from django.db.models import F

from documents.models import Document, DocumentKind, Notice
from members.models import Member


def documents_of(member: Member) -> tuple[list[Document], list[Document]]:
    """The member's requests for information (soonest due first) and the documents they sent
    (latest received first)."""
    rows = list(Document.objects.filter(member=member).order_by(F("due_date").asc(nulls_last=True), "id"))
    requests = [row for row in rows if row.kind == DocumentKind.REQUEST_FOR_INFORMATION]
    sent = sorted(
        (row for row in rows if row.kind == DocumentKind.SENT_BY_MEMBER),
        key=lambda row: (row.received_date is not None, row.received_date, row.pk),
        reverse=True,
    )
    return requests, sent


def notices_of(member: Member) -> list[Notice]:
    """The member's notices, newest first."""
    return list(
        Notice.objects.filter(member=member)
        .only("pk", "title", "notice_date", "language", "size", "read_at")
        .order_by("-notice_date", "-id")
    )
