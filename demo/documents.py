"""Demo documents, requests for information and eligibility notices (MyServices, seed 004).

Most members have a notice or two and some a request for information (a few past due) or a
document they sent, under review or accepted. The notices' PDFs are a handful of small files made
with WeasyPrint, one per kind of notice, stored once in the notices storage under their content's
hash and shared by every notice of that kind: a million members need no million files. Drawn from
a random stream of its own.
"""

import datetime
import random
from typing import Any

from django.core.files.base import ContentFile
from django.db import models
from django.utils.html import format_html

from demo.dates import Calendar
from documents.files import notice_storage, stored_name_of
from documents.models import Document, DocumentKind, DocumentStatus, Notice
from portal.pdf import html_to_pdf

COLUMNS: dict[type[models.Model], tuple[str, ...]] = {
    Document: (
        "member_id", "document_id", "kind", "title", "requested_date", "due_date", "received_date", "status",
        "status_reason",
    ),
    Notice: ("member_id", "notice_id", "title", "notice_date", "kind", "language", "file", "size", "read_at"),
}  # fmt: skip

NOTICE_KINDS = (
    ("approval", "Approval notice"),
    ("rfi", "Request for information"),
    ("renewal", "Renewal notice"),
    ("change", "Change in your benefits"),
)
REQUESTS = ("Proof of income", "Proof of residency", "Proof of identity", "Proof of citizenship")
SENT = ("Pay stubs", "Lease agreement", "Birth certificate", "Bank statement")


def write_notice_files() -> dict[str, tuple[str, int]]:
    """The demo notices' PDFs, one per kind, stored if not already there: kind → (name, size)."""
    storage = notice_storage()
    files = {}
    for kind, title in NOTICE_KINDS:
        html = format_html(
            '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{}</title></head>'
            "<body><h1>{}</h1><p>Demo data: a sample eligibility notice, not a real one.</p></body></html>",
            title,
            title,
        )
        content = html_to_pdf(str(html))
        name = stored_name_of(content)
        if not storage.exists(name):
            storage.save(name, ContentFile(content))
        files[kind] = (name, len(content))
    return files


class DocumentRows:
    """Documents and notices, a member at a time, waiting to be written."""

    def __init__(
        self, seed: int, calendar: Calendar, files: dict[str, tuple[str, int]], now: datetime.datetime
    ) -> None:
        self.rng = random.Random(f"{seed}:documents")  # noqa: S311 - made-up data, not secrets
        self.calendar = calendar
        self.files = files
        self.now = now
        self.rows: dict[type[models.Model], list[tuple[Any, ...]]] = {model: [] for model in COLUMNS}

    def add(self, member_pk: int, member_id: str, language: str, *, demo: bool) -> None:
        rng, days_ago, rows = self.rng, self.calendar.days_ago, self.rows
        today = self.calendar.today
        requests = 2 if demo else rng.choices((0, 1, 2), (60, 30, 10))[0]
        for n in range(requests):
            asked = days_ago(rng.randint(5, 60))
            due = asked + datetime.timedelta(days=30 if demo else rng.randint(20, 45))
            received = (
                None
                if (demo and n == 0) or rng.random() < 0.6
                else min(today, asked + datetime.timedelta(days=10))
            )
            status = (
                DocumentStatus.REQUESTED
                if received is None
                else rng.choice(
                    (
                        DocumentStatus.UNDER_REVIEW,
                        DocumentStatus.ACCEPTED,
                        DocumentStatus.MORE_INFORMATION_NEEDED,
                    )
                )
            )
            reason = "The copy was hard to read" if status == DocumentStatus.MORE_INFORMATION_NEEDED else ""
            rows[Document].append(
                (member_pk, f"RFI-{member_id}-{n}", DocumentKind.REQUEST_FOR_INFORMATION, REQUESTS[n % 4],
                 asked, due, received, status, reason)
            )  # fmt: skip
        if demo or rng.random() < 0.3:
            status = rng.choice(
                (DocumentStatus.RECEIVED, DocumentStatus.UNDER_REVIEW, DocumentStatus.ACCEPTED)
            )
            rows[Document].append(
                (member_pk, f"DOC-{member_id}", DocumentKind.SENT_BY_MEMBER, rng.choice(SENT), None, None,
                 days_ago(rng.randint(3, 90)), status, "")
            )  # fmt: skip
        notices = 3 if demo else rng.choices((0, 1, 2, 3), (15, 45, 30, 10))[0]
        for n in range(notices):
            kind, title = NOTICE_KINDS[n % len(NOTICE_KINDS)]
            name, size = self.files[kind]
            read = None if n == 0 or rng.random() < 0.3 else self.now
            rows[Notice].append(
                (member_pk, f"NT-{member_id}-{n}", title, days_ago(7 + n * 45 + rng.randint(0, 20)), kind,
                 language, name, size, read)
            )  # fmt: skip
