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

from django.utils.translation import gettext as _

from portal.csvimport.cells import CellError, longer_than, parse_date, parse_identifier


class FileRefused(ValueError):
    """The file cannot be read at all (not UTF-8, not CSV, columns missing): nothing in it is checked."""


@dataclass(frozen=True, order=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return _("line %(line)d: %(message)s") % {"line": self.line, "message": self.message}


class Row:
    """One data row of the file: its cells by column name, and the problems found so far.

    Readers return a stand-in value for a bad cell and record the problem; a row with problems is
    rejected as a whole, so a stand-in never reaches the database. A cell of a column the import
    reads may not hold a NUL character (PostgreSQL cannot store one; in a CSV file it means the
    file is damaged or not text): that is its only problem reported, and its readers return
    stand-ins.
    """

    def __init__(self, line: int, cells: Sequence[str], index: Mapping[str, int]) -> None:
        self.line = line
        self._cells = cells
        self._index = index
        self.errors: list[RowError] = []
        self._unreadable: set[str] = set()
        if "\x00" in "".join(cells):  # rare; one scan of the row is the cheapest test (1M rows)
            for column in index:
                if "\x00" in self.raw(column):
                    self.error(column, _("contains a NUL character"))
                    self._unreadable.add(column)

    def error(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.line, f"{column}: {message}"))

    def has(self, column: str) -> bool:
        """Whether the file has this column (an optional one may be left out)."""
        return column in self._index

    def raw(self, column: str) -> str:
        """The cell, stripped; "" for an optional column the file does not have."""
        position = self._index.get(column)
        if position is None or position >= len(self._cells):
            return ""
        return self._cells[position].strip()

    def text(self, column: str, *, max_length: int, required: bool = True) -> str:
        value = self.raw(column)
        if column in self._unreadable:
            return ""
        if not value and required:
            self.error(column, _("required"))
        elif len(value) > max_length:
            self.error(column, longer_than(max_length))
        return value

    def identifier(self, column: str, *, max_length: int, required: bool = True) -> str:
        """A code naming a record, such as a member ID: text whose every character is what it
        looks like (cells.parse_identifier)."""
        value = self.raw(column)
        if value and column not in self._unreadable:
            try:
                parse_identifier(value)
            except CellError as problem:
                self.error(column, str(problem))
                return ""
        return self.text(column, max_length=max_length, required=required)

    def value[T](self, column: str, parse: Callable[[str], T], *, blank: T) -> T:
        """The cell parsed, or `blank` when it is empty."""
        raw = self.raw(column)
        if not raw or column in self._unreadable:
            return blank
        try:
            return parse(raw)
        except CellError as problem:
            self.error(column, str(problem))
            return blank

    def required[T](self, column: str, parse: Callable[[str], T], *, stand_in: T) -> T:
        if column in self._unreadable:
            return stand_in
        if not self.raw(column):
            self.error(column, _("required"))
            return stand_in
        return self.value(column, parse, blank=stand_in)

    def period(self, start: str, end: str) -> tuple[datetime.date, datetime.date | None]:
        """A required first day and an optional last day (inclusive) that is not before it."""
        starts = self.required(start, parse_date, stand_in=datetime.date.min)
        ends = self.value(end, parse_date, blank=None)
        if ends and ends < starts:
            self.error(end, _("before %(column)s") % {"column": start})
        return starts, ends


def cannot_be_read(problem: OSError) -> str:
    return _("cannot be read (%(problem)s).") % {"problem": problem.strerror}


def read_rows(file: IO[bytes], columns: Sequence[str], optional: Sequence[str] = ()) -> Iterator[Row]:
    """The data rows of a binary file, in order. Raises FileRefused for a file that cannot be read
    at all: not UTF-8, not CSV, or a header without every column in `columns`. Columns in
    `optional` are read when the header has them, and are blank otherwise."""
    text = io.TextIOWrapper(file, encoding="utf-8-sig", newline="")
    try:
        reader = csv.reader(text)
        header = [name.strip().lower() for name in next(reader, [])]
        if not header:
            raise FileRefused(_("the file is empty; it needs a header row."))
        missing = [name for name in columns if name not in header]
        if missing:
            problem = _("missing required column(s): %(columns)s") % {"columns": ", ".join(missing)}
            raise FileRefused(str(RowError(1, problem)))
        # Which copy would be the real one? Other columns are ignored, so they may repeat
        # (a spreadsheet's blank trailing headers do).
        repeated = [name for name in (*columns, *optional) if header.count(name) > 1]
        if repeated:
            problem = _("column(s) named more than once: %(columns)s") % {"columns": ", ".join(repeated)}
            raise FileRefused(str(RowError(1, problem)))
        index = {name: header.index(name) for name in (*columns, *optional) if name in header}
        while True:
            line = reader.line_num + 1
            cells = next(reader, None)
            if cells is None:
                return
            if any(cell.strip() for cell in cells):
                yield Row(line, cells, index)
    except UnicodeDecodeError:
        raise FileRefused(_("the file is not UTF-8 text.")) from None
    except csv.Error as problem:
        raise FileRefused(_("not a readable CSV file (%(problem)s).") % {"problem": problem}) from None
    except OSError as problem:
        raise FileRefused(cannot_be_read(problem)) from None
    finally:
        # The caller opened the file and closes it; the wrapper must not.
        text.detach()
