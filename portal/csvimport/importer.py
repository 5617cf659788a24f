"""One import, whoever starts it: `import_file(importer, file, dry_run=...)` reads the whole file,
checks every row, and only if all are good applies them in one transaction; it returns an
ImportReport and prints nothing.

A management command (`command.py`), a Celery task (`portal/tasks.py`) or an admin upload calls
it the same way. Each app declares the files it takes as Importer subclasses in its
`importers.py`, registered by name with `@register` (found by `importer_named`), so this module
knows no domain.
"""

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import IO, Any, ClassVar

from django.db import models, router, transaction
from django.utils.functional import Promise
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext as _

from portal.csvimport.reading import FileRefused, Row, RowError, read_rows
from portal.csvimport.writing import Tally, pks_by
from portal.planner import refresh_planner_statistics


@dataclass
class Parsed[P]:
    """A row that passed its own checks: its line and what it says."""

    line: int
    record: P


class Importer[P]:
    """The rules of one enrollment file. An instance lives for one import, on one database.

    A subclass names its `name` (the task's and the command's: import_<name>), `columns`,
    `record_name`, `key_columns` and the models it `writes`, and fills in `parse_row` (one row's
    own rules), `key`, `check_rows` (rules needing other rows or the database, with one query per
    chunk) and `apply`. Every query goes to `self.using`.
    """

    name: ClassVar[str]
    columns: ClassVar[tuple[str, ...]]
    # Columns a file may leave out (Row.has tells whether this one has them).
    optional_columns: ClassVar[tuple[str, ...]] = ()
    record_name: ClassVar[str | Promise]  # "members", lazily translated
    key_columns: ClassVar[str]
    writes: ClassVar[tuple[type[models.Model], ...]]

    def __init__(self, *, using: str) -> None:
        self.using = using

    def parse_row(self, row: Row) -> P:
        raise NotImplementedError

    def key(self, record: P) -> Hashable:
        raise NotImplementedError

    def check_rows(self, rows: list[Parsed[P]]) -> Iterable[RowError]:
        return ()

    def apply(self, records: list[P]) -> Tally:
        raise NotImplementedError

    def resolve[R: Mapping[str, Any]](
        self, rows: Sequence[Parsed[R]], column: str, model: type[models.Model], lookup: str
    ) -> tuple[dict[str, int], list[RowError]]:
        """Primary keys for the values rows give in `column` (matched on the model's `lookup`
        field), and an error for each row naming a record that does not exist."""
        pks = pks_by(model, lookup, (row.record[column] for row in rows), using=self.using)
        name = model._meta.verbose_name
        missing = [
            RowError(row.line, f"{column}: " + _("no such %(record)s on record") % {"record": name})
            for row in rows
            if row.record[column] not in pks
        ]
        return pks, missing


@dataclass(frozen=True)
class ImportReport:
    """What an import found and did. Messages never repeat a cell's value, so a report holds no
    member data and can go to job logs, a task result or a page."""

    record_name: str
    dry_run: bool
    refused: str = ""  # why the file could not be read at all; nothing in it was checked
    errors: tuple[RowError, ...] = ()  # every bad row's problems, by line; nothing was applied
    checked: int = 0  # rows read, all valid
    tally: Tally | None = None  # what was written (in a dry run: what would have been)

    @property
    def ok(self) -> bool:
        return self.tally is not None

    @property
    def bad_rows(self) -> int:
        return len({error.line for error in self.errors})

    @property
    def problems(self) -> list[str]:
        return [self.refused] if self.refused else [str(error) for error in self.errors]

    def summary(self) -> str:
        """The one line an import ends with."""
        if self.refused:
            return self.refused
        if self.tally is None:
            return _("%(count)d row(s) with errors; nothing was imported.") % {"count": self.bad_rows}
        if self.dry_run:
            return _("%(records)s: %(tally)s (dry run: nothing was written)") % {
                "records": self.record_name,
                "tally": self.tally,
            }
        return _("%(records)s: %(tally)s") % {"records": self.record_name, "tally": self.tally}


def import_file(
    importer: type[Importer[Any]], file: IO[bytes], *, dry_run: bool = False, using: str | None = None
) -> ImportReport:
    """Read `file` (binary: an open file, an upload, a BytesIO) with `importer`'s rules and, if
    every row is good, apply them all in one transaction on `using` (by default the database the
    routers choose for the importer's first model). A dry run applies them to count the changes,
    then rolls back. The caller opens and closes the file."""
    database = using or router.db_for_write(importer.writes[0])
    run = importer(using=database)
    try:
        rows, errors = _read(run, file)
    except FileRefused as refusal:
        return ImportReport(str(run.record_name), dry_run, refused=str(refusal))
    errors.extend(run.check_rows(rows))
    if errors:
        return ImportReport(str(run.record_name), dry_run, errors=tuple(sorted(errors)))
    with transaction.atomic(using=database):
        tally = run.apply([row.record for row in rows])
        if dry_run:
            transaction.set_rollback(True, using=database)
    if tally.changed and not dry_run:
        # A first load into an empty database would otherwise be planned as if it were empty.
        refresh_planner_statistics((model._meta.db_table for model in run.writes), using=database)
    return ImportReport(str(run.record_name), dry_run, checked=len(rows), tally=tally)


def _read[P](run: Importer[P], file: IO[bytes]) -> tuple[list[Parsed[P]], list[RowError]]:
    rows: list[Parsed[P]] = []
    errors: list[RowError] = []
    first_seen: dict[Hashable, int] = {}
    for row in read_rows(file, run.columns, run.optional_columns):
        record = run.parse_row(row)
        if row.errors:
            errors.extend(row.errors)
            continue
        key = run.key(record)
        if key in first_seen:
            same = _("same as line %(line)d") % {"line": first_seen[key]}
            errors.append(RowError(row.line, f"{run.key_columns}: {same}"))
            continue
        first_seen[key] = row.line
        rows.append(Parsed(row.line, record))
    return rows, errors


_registry: dict[str, type[Importer[Any]]] = {}


def register[I: type[Importer[Any]]](importer: I) -> I:
    """Class decorator: make `importer` findable by its name (for the import task)."""
    _registry[importer.name] = importer
    return importer


def importer_named(name: str) -> type[Importer[Any]]:
    """The importer registered as `name` ("members", "providers", "coverage", "pcp_assignments")
    by some app's importers.py; LookupError if none is."""
    autodiscover_modules("importers")
    try:
        return _registry[name]
    except KeyError:
        raise LookupError(f"no importer is named {name!r}") from None
