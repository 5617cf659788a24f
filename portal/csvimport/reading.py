"""The file itself: UTF-8 with or without a byte-order mark, a header row, then data rows, each
kept with its line number and the problems found in it.

Files come as binary file objects (an open file, an upload, a BytesIO), so every caller gets the
same decoding rules."""

import csv
import datetime
import io
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import IO

from portal.csvimport.cells import CellError, parse_date


class FileRefused(ValueError):
    """The file cannot be read at all (not UTF-8, not CSV, columns missing): nothing in it is checked."""


@dataclass(frozen=True, order=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class Row:
    """One data row of the file: its cells by column name, and the problems found so far.

    Readers return a stand-in value for a bad cell and record the problem; a row with problems is
    rejected as a whole, so a stand-in never reaches the database.
    """

    def __init__(self, line: int, cells: Sequence[str], index: Mapping[str, int]) -> None:
        self.line = line
        self._cells = cells
        self._index = index
        self.errors: list[RowError] = []

    def error(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.line, f"{column}: {message}"))

    def raw(self, column: str) -> str:
        position = self._index[column]
        return self._cells[position].strip() if position < len(self._cells) else ""

    def text(self, column: str, *, max_length: int, required: bool = True) -> str:
        value = self.raw(column)
        if not value and required:
            self.error(column, "required")
        elif len(value) > max_length:
            self.error(column, f"longer than {max_length} characters")
        return value

    def value[T](self, column: str, parse: Callable[[str], T], *, blank: T) -> T:
        """The cell parsed, or `blank` when it is empty."""
        raw = self.raw(column)
        if not raw:
            return blank
        try:
            return parse(raw)
        except CellError as problem:
            self.error(column, str(problem))
            return blank

    def required[T](self, column: str, parse: Callable[[str], T], *, stand_in: T) -> T:
        if not self.raw(column):
            self.error(column, "required")
            return stand_in
        return self.value(column, parse, blank=stand_in)

    def period(self, start: str, end: str) -> tuple[datetime.date, datetime.date | None]:
        """A required first day and an optional last day (inclusive) that is not before it."""
        starts = self.required(start, parse_date, stand_in=datetime.date.min)
        ends = self.value(end, parse_date, blank=None)
        if ends and ends < starts:
            self.error(end, f"before {start}")
        return starts, ends


def read_rows(file: IO[bytes], columns: Sequence[str]) -> Iterator[Row]:
    """The data rows of a binary file, in order. Raises FileRefused for a file that cannot be read
    at all: not UTF-8, not CSV, or a header without every column in `columns`."""
    text = io.TextIOWrapper(file, encoding="utf-8-sig", newline="")
    try:
        reader = csv.reader(text)
        header = [name.strip().lower() for name in next(reader, [])]
        if not header:
            raise FileRefused("the file is empty; it needs a header row.")
        missing = [name for name in columns if name not in header]
        if missing:
            raise FileRefused(f"line 1: missing required column(s): {', '.join(missing)}")
        index = {name: header.index(name) for name in columns}
        while True:
            line = reader.line_num + 1
            cells = next(reader, None)
            if cells is None:
                return
            if any(cell.strip() for cell in cells):
                yield Row(line, cells, index)
    except UnicodeDecodeError:
        raise FileRefused("the file is not UTF-8 text.") from None
    except csv.Error as problem:
        raise FileRefused(f"not a readable CSV file ({problem}).") from None
    except OSError as problem:
        raise FileRefused(f"cannot be read ({problem.strerror}).") from None
    finally:
        # The caller opened the file and closes it; the wrapper must not.
        text.detach()
