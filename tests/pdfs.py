"""Reading a PDF the portal made, for the tests of printed documents (ID cards, explanations of benefits)."""

import shutil
import subprocess
from pathlib import Path

import pytest


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    """The PDF's text as pdftotext lays it out; skips the test where poppler-utils is missing."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "document.pdf"
    path.write_bytes(pdf)
    return subprocess.run(  # noqa: S603
        [tool, "-layout", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
