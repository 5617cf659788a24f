"""The base of every import command: read and check the whole file, report every bad row, and
only if there are none apply all rows in one transaction."""

from argparse import ArgumentParser
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction

from portal.csvimport.reading import Row, RowError, read_rows
from portal.csvimport.writing import Tally, pks_by
from portal.planner import refresh_planner_statistics

# The end of every import command's help text.
ALL_OR_NOTHING = (
    " Every bad row is reported with its line number and reason; if any row is bad, nothing is "
    "imported. --dry-run checks the file and counts the changes without writing them. "
    "Formats: docs/csv-formats.md."
)


@dataclass
class Parsed[P]:
    """A row that passed its own checks: its line and what it says."""

    line: int
    record: P


class ImportCommand[P](BaseCommand):
    """The shape of every import command: read and check the whole file, report every bad row,
    and only if there are none apply all rows in one transaction.

    A subclass names its `columns`, `record_name`, `key_columns` and the models it `writes`, and
    fills in `parse_row`
    (one row's own rules), `key`, `check_rows` (rules needing other rows or the database, with one
    query per chunk) and `apply`.
    """

    columns: ClassVar[tuple[str, ...]]
    record_name: ClassVar[str]
    key_columns: ClassVar[str]
    writes: ClassVar[tuple[type[models.Model], ...]]

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="Path of the CSV file (UTF-8, header row).")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and report what would change, without writing anything.",
        )

    def parse_row(self, row: Row) -> P:
        raise NotImplementedError

    def key(self, record: P) -> Hashable:
        raise NotImplementedError

    def check_rows(self, rows: list[Parsed[P]]) -> Iterable[RowError]:
        return ()

    def apply(self, records: list[P]) -> Tally:
        raise NotImplementedError

    def handle(self, *args: Any, **options: Any) -> None:
        path: str = options["file"]
        dry_run = bool(options["dry_run"])
        verbosity: int = options["verbosity"]

        rows, errors = self._read(path)
        errors.extend(self.check_rows(rows))
        if errors:
            for error in sorted(errors):
                self.stderr.write(str(error))
            bad_lines = len({error.line for error in errors})
            raise CommandError(f"{path}: {bad_lines} row(s) with errors; nothing was imported.")
        if verbosity >= 2:
            self.stdout.write(f"{path}: {len(rows)} row(s) checked, all valid.")

        with transaction.atomic():
            tally = self.apply([row.record for row in rows])
            # A dry run makes the real changes to count them, then rolls them back.
            if dry_run:
                transaction.set_rollback(True)
        if tally.changed and not dry_run:
            # A first load into an empty database would otherwise be planned as if it were empty.
            refresh_planner_statistics(model._meta.db_table for model in self.writes)
        if verbosity >= 1:
            summary = f"{self.record_name}: {tally}"
            if dry_run:
                self.stdout.write(f"{summary} (dry run: nothing was written)")
            else:
                self.stdout.write(self.style.SUCCESS(summary))

    def _read(self, path: str) -> tuple[list[Parsed[P]], list[RowError]]:
        rows: list[Parsed[P]] = []
        errors: list[RowError] = []
        first_seen: dict[Hashable, int] = {}
        for row in read_rows(path, self.columns):
            record = self.parse_row(row)
            if row.errors:
                errors.extend(row.errors)
                continue
            key = self.key(record)
            if key in first_seen:
                errors.append(RowError(row.line, f"{self.key_columns}: same as line {first_seen[key]}"))
                continue
            first_seen[key] = row.line
            rows.append(Parsed(row.line, record))
        return rows, errors


def resolve[P: Mapping[str, Any]](
    rows: Sequence["Parsed[P]"], column: str, model: type[models.Model], lookup: str
) -> tuple[dict[str, int], list[RowError]]:
    """Primary keys for the values rows give in `column` (matched on the model's `lookup` field),
    and an error for each row naming a record that does not exist."""
    pks = pks_by(model, lookup, (row.record[column] for row in rows))
    name = model._meta.verbose_name
    missing = [
        RowError(row.line, f"{column}: no such {name} on record")
        for row in rows
        if row.record[column] not in pks
    ]
    return pks, missing
