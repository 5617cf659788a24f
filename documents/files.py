"""Notice PDFs: checked to be PDFs by their content, kept through Django's storage API.

They live in the settings' `notices` storage (STORAGES; a FileSystemStorage under var/notices/
by default, shared storage in production) and are never served from a public URL: members open
them through `notice_file`, signed in, as the stored bytes.
"""

import hashlib
from pathlib import Path

from django.core.files.storage import Storage, storages

PDF_MAGIC = b"%PDF-"
# A notice runs to a few pages; anything bigger is a mistake in the plan's export.
MAX_NOTICE_BYTES = 10 * 1024 * 1024


def notice_storage() -> Storage:
    """The storage notice files live in, looked up on each use (tests point it elsewhere)."""
    return storages["notices"]


def is_pdf(path: Path) -> bool:
    """A PDF by its content (it starts with %PDF-), whatever its name says."""
    with path.open("rb") as file:
        return file.read(len(PDF_MAGIC)) == PDF_MAGIC


def stored_name(path: Path) -> str:
    """The content-addressed name a notice's bytes are kept under: the same file stored twice is
    one file, and re-running an import finds what it stored."""
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest() + ".pdf"


def stored_name_of(content: bytes) -> str:
    """`stored_name` of bytes already in memory."""
    return hashlib.sha256(content).hexdigest() + ".pdf"
