"""Broken or deceptive input to every importer, on each database: a NUL byte in a cell, a column
named twice in the header, and IDs that only look like plain ones (full-width letters, a
zero-width space) are each a line-numbered error in the usual report, never a traceback, never a
cell read from the wrong column and never a new member."""

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from members.models import Member
from providers.models import Provider
from tests.csv_import import SAMPLES, Run, run_import, write_csv

# Each test runs on PostgreSQL and on SQLite (tests/databases.py).
pytestmark = pytest.mark.usefixtures("import_database")

# Each file after the ones it refers to, as docs/csv-formats.md says to load them.
ORDER = ["members", "providers", "coverage", "pcp_assignments"]
FULL_WIDTH = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)})  # "A" becomes U+FF21
LOOK_ALIKE = "contains full-width or other look-alike characters; send plain letters and digits"
INVISIBLE = "contains an invisible or formatting character (such as a zero-width space)"


def rows_of(name: str) -> list[list[str]]:
    return list(csv.reader((SAMPLES / f"{name}.csv").read_text(encoding="utf-8").splitlines()))


def with_cell(name: str, line: int, column: str, change: Callable[[str], str]) -> list[list[str]]:
    """The sample file `name`, with the cell of `column` on `line` (the header is line 1) changed."""
    rows = rows_of(name)
    position = rows[0].index(column)
    rows[line - 1][position] = change(rows[line - 1][position])
    return rows


def run(tmp_path: Path, name: str, rows: list[list[str]], *options: str) -> Run:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return run_import(f"import_{name}", write_csv(tmp_path, out.getvalue().rstrip("\n")), *options)


def load_before(tmp_path: Path, name: str) -> None:
    """Load the samples `name` depends on (members and providers before coverage and PCPs)."""
    for earlier in ORDER[: ORDER.index(name)]:
        if earlier in {"members", "providers"}:
            assert not run(tmp_path, earlier, rows_of(earlier)).failed


@pytest.mark.parametrize("dry_run", [False, True], ids=["import", "dry-run"])
@pytest.mark.parametrize(
    ("name", "column"),
    [
        ("members", "first_name"),
        ("members", "member_id"),
        ("members", "head_of_household_id"),
        ("providers", "specialty"),
        ("providers", "npi"),
        ("coverage", "plan"),
        ("coverage", "member_id"),
        ("pcp_assignments", "member_id"),
        ("pcp_assignments", "npi"),
    ],
)
def test_a_nul_byte_in_a_cell_is_an_error_on_its_line(
    tmp_path: Path, name: str, column: str, dry_run: bool
) -> None:
    load_before(tmp_path, name)
    before = Member.objects.count(), Provider.objects.count()

    result = run(
        tmp_path,
        name,
        with_cell(name, 3, column, lambda cell: cell[:2] + "\x00" + cell[2:]),
        *(["--dry-run"] if dry_run else []),
    )

    assert result.failed
    assert [line for line in result.err.splitlines() if line.startswith("line ")] == [
        f"line 3: {column}: contains a NUL character"
    ]
    assert "1 row(s) with errors; nothing was imported." in result.err
    assert (Member.objects.count(), Provider.objects.count()) == before


@pytest.mark.parametrize("name", ORDER)
def test_a_column_named_twice_is_refused_rather_than_read_from_its_first_copy(
    tmp_path: Path, name: str
) -> None:
    load_before(tmp_path, name)
    rows = rows_of(name)
    key = rows[0][0]
    # A second copy of the key column at the end, as a careless merge of two extracts leaves it.
    doubled = [[*row, row[0] if n == 0 else ""] for n, row in enumerate(rows)]
    doubled[0][-1] = key.upper()  # the header is read ignoring case and spaces

    result = run(tmp_path, name, doubled)

    assert result.failed
    assert f"line 1: column(s) named more than once: {key}" in result.err
    assert not result.out


def test_an_ignored_column_may_be_named_twice(tmp_path: Path) -> None:
    rows = [
        [*row, "notes", "notes"] if n == 0 else [*row, "a", "b"] for n, row in enumerate(rows_of("members"))
    ]

    assert "7 created" in run(tmp_path, "members", rows).out


@pytest.mark.parametrize(
    ("disguise", "message"),
    [
        pytest.param(lambda cell: cell.translate(FULL_WIDTH), LOOK_ALIKE, id="full-width"),
        pytest.param(lambda cell: cell[:1].translate(FULL_WIDTH) + cell[1:], LOOK_ALIKE, id="one-full-width"),
        pytest.param(lambda cell: cell[:4] + "\u200b" + cell[4:], INVISIBLE, id="zero-width-space"),
        pytest.param(lambda cell: cell + "\u2060", INVISIBLE, id="word-joiner"),
        pytest.param(lambda cell: "\u202e" + cell, INVISIBLE, id="right-to-left-override"),
        pytest.param(lambda cell: cell[:4] + "\u00a0" + cell[4:], INVISIBLE, id="no-break-space"),
        pytest.param(lambda cell: cell[:4] + "\u3164" + cell[4:], INVISIBLE, id="hangul-filler"),
    ],
)
def test_a_look_alike_member_id_is_an_error_not_a_new_member(
    tmp_path: Path, disguise: Callable[[str], str], message: str
) -> None:
    assert not run(tmp_path, "members", rows_of("members")).failed

    result = run(tmp_path, "members", with_cell("members", 3, "member_id", disguise))

    assert result.failed
    assert f"line 3: member_id: {message}" in result.err
    assert Member.objects.count() == 7


@pytest.mark.parametrize(
    ("name", "column"),
    [
        ("members", "head_of_household_id"),
        ("providers", "npi"),
        ("coverage", "member_id"),
        ("pcp_assignments", "member_id"),
        ("pcp_assignments", "npi"),
    ],
)
@pytest.mark.parametrize(
    ("disguise", "message"),
    [
        pytest.param(lambda cell: cell.translate(FULL_WIDTH), LOOK_ALIKE, id="full-width"),
        pytest.param(lambda cell: cell[:4] + "\u200b" + cell[4:], INVISIBLE, id="zero-width-space"),
    ],
)
def test_every_importer_refuses_look_alike_ids(
    tmp_path: Path, name: str, column: str, disguise: Callable[[str], str], message: str
) -> None:
    load_before(tmp_path, name)

    result = run(tmp_path, name, with_cell(name, 3, column, disguise))

    assert result.failed
    assert f"line 3: {column}: {message}" in result.err


def test_plain_ids_with_accents_or_other_scripts_are_not_look_alikes(tmp_path: Path) -> None:
    # NFKC leaves composed letters alone; only compatibility forms (full width, ligatures) change.
    rows = with_cell("members", 2, "member_id", lambda cell: "Ñ" + cell[1:])
    rows = [row for n, row in enumerate(rows) if n < 2]
    rows[1][rows[0].index("head_of_household_id")] = ""

    assert "1 created" in run(tmp_path, "members", rows).out
