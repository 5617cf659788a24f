"""Helpers for the notice tests: a tiny valid PDF, and the notices storage under the test's tmp_path."""

from pathlib import Path

import pytest
from django.core.files.storage import Storage, storages

# The smallest PDF readers open: one empty page.
TINY_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def pdf(text: str) -> bytes:
    """A valid PDF whose bytes differ by `text` (a comment), so each notice has its own file."""
    return TINY_PDF.replace(b"%%EOF", f"%{text}\n%%EOF".encode())


def use_notice_storage(settings: pytest.FixtureRequest, folder: Path) -> Storage:
    """Point the `notices` storage at `folder` for the rest of the test."""
    settings.STORAGES = {  # type: ignore[attr-defined]
        **settings.STORAGES,  # type: ignore[attr-defined]
        "notices": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(folder)},
        },
    }
    return storages["notices"]
