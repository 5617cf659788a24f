"""Helpers for the CSV import command tests: write a file as the plan would send it, run a
command the way staff do, and read back what it told them."""

from dataclasses import dataclass
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError

SAMPLES = Path(__file__).resolve().parent.parent / "docs" / "samples"


@dataclass(frozen=True)
class Run:
    out: str
    err: str
    failed: bool


def write_csv(directory: Path, *lines: str, bom: bool = False, name: str = "import.csv") -> Path:
    """A UTF-8 file of `lines` (the first is the header), optionally with a byte-order mark."""
    path = directory / name
    path.write_text(("\ufeff" if bom else "") + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_import(command: str, path: Path, *options: str) -> Run:
    out, err = StringIO(), StringIO()
    failed = False
    try:
        call_command(command, str(path), *options, stdout=out, stderr=err)
    except CommandError as error:
        err.write(str(error))
        failed = True
    return Run(out.getvalue(), err.getvalue(), failed)
