"""Writing a file's rows: look up and upsert records a chunk at a time (one query to fetch, one
to update, one to insert per chunk), which keeps files of hundreds of thousands of rows fast.

Every function takes the database alias (`using`) the import writes to, and reads from it too:
checking a row against a lagging replica inside the writing transaction would be wrong."""

import enum
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connections, models
from django.utils import timezone
from django.utils.translation import gettext as _

BATCH_SIZE = 2000


def chunked[T](items: Sequence[T], size: int = BATCH_SIZE) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def pks_by(model: type[models.Model], column: str, values: Iterable[str], *, using: str) -> dict[str, int]:
    """Primary keys of the records whose `column` is in `values`, one query per chunk."""
    found: dict[str, int] = {}
    for chunk in chunked(sorted(set(values))):
        records = model._default_manager.using(using)
        rows = records.filter(**{f"{column}__in": chunk}).values_list(column, "pk")
        found.update(rows)
    return found


class Outcome(enum.Enum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"

    @property
    def changed(self) -> bool:
        return self is not Outcome.UNCHANGED


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @classmethod
    def of(cls, results: Iterable[tuple[object, Outcome]]) -> "Tally":
        tally = cls()
        for _record, outcome in results:
            tally.count(outcome)
        return tally

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def count(self, outcome: Outcome) -> None:
        setattr(self, outcome.value, getattr(self, outcome.value) + 1)

    def __str__(self) -> str:
        return _("%(created)d created, %(updated)d updated, %(unchanged)d unchanged") % {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }


def upsert[M: models.Model](
    model: type[M],
    records: Sequence[Mapping[str, Any]],
    *,
    key: Sequence[str],
    using: str,
    scope: models.Q | None = None,
    prepare: Callable[[M], None] | None = None,
    insert: "Callable[[type[M], list[M], str], None] | None" = None,
) -> list[tuple[M, Outcome]]:
    """Create or update one `model` row per record (field attname → value), matched on `key`.

    Only rows inside `scope` are matched (e.g. the primary address). `prepare` fills derived
    fields before a row is saved. Per chunk: one query to fetch, one bulk update, one bulk insert
    (bulk_create, or `insert` such as copy_insert when nothing needs the new rows' keys).
    Updates go before inserts so a row that gives up a unique slot frees it first.
    """
    compared = [
        f.attname
        for f in model._meta.concrete_fields
        if not f.primary_key and not getattr(f, "auto_now", False)
    ]
    stamped = [f.attname for f in model._meta.concrete_fields if getattr(f, "auto_now", False)]
    results: list[tuple[M, Outcome]] = []
    for chunk in chunked(records):
        existing = _existing(model, chunk, key, scope, using)
        new: list[M] = []
        changed: list[M] = []
        changed_fields: set[str] = set()
        for record in chunk:
            row = existing.get(tuple(record[name] for name in key))
            if row is None:
                row = model(**record)
                if prepare:
                    prepare(row)
                new.append(row)
                results.append((row, Outcome.CREATED))
                continue
            before = [getattr(row, name) for name in compared]
            for name, value in record.items():
                setattr(row, name, value)
            if prepare:
                prepare(row)
            differ = {name for name, old in zip(compared, before, strict=True) if getattr(row, name) != old}
            if differ:
                changed_fields |= differ
                changed.append(row)
            results.append((row, Outcome.UPDATED if differ else Outcome.UNCHANGED))
        if changed:
            now = timezone.now()
            for row in changed:
                for name in stamped:
                    setattr(row, name, now)
            names = sorted(changed_fields | set(stamped))
            rows = [(row.pk, *(getattr(row, name) for name in names)) for row in changed]
            update_rows(model, names, rows, using=using)
        if insert is None:
            model._default_manager.using(using).bulk_create(new)
        else:
            insert(model, new, using)
    return results


def copy_insert[M: models.Model](model: type[M], rows: list[M], using: str) -> None:
    """Insert `rows` with COPY on PostgreSQL, several times faster than INSERT for the plan's
    nightly files; bulk_create elsewhere. The rows' primary keys stay unset (the database numbers
    them), so use it only where nothing reads them afterwards."""
    if not rows:
        return
    connection = connections[using]
    if connection.vendor != "postgresql":
        model._default_manager.using(using).bulk_create(rows)
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    quote = connection.ops.quote_name
    names = ", ".join(quote(f.column or f.attname) for f in fields)
    sql = f"COPY {quote(model._meta.db_table)} ({names}) FROM STDIN"
    with connection.cursor() as cursor, cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row([f.get_db_prep_save(getattr(row, f.attname), connection) for f in fields])


def update_rows(
    model: type[models.Model], names: Sequence[str], rows: Sequence[Sequence[Any]], *, using: str
) -> None:
    """Set fields `names` (attnames) of existing rows, given as (pk, *values), with one
    UPDATE ... FROM (VALUES ...) per batch.

    Django's bulk_update builds a CASE expression per row and field, which is many times slower
    at the sizes the plan's files reach. PostgreSQL (production) is told each value's type with a
    cast, since a VALUES list has no column types of its own. SQLite (`make run`) has no `::`
    casts and needs none (a column takes any value), but no column names on a VALUES list either:
    it gets the list as a named common table expression, `WITH v (...) AS (VALUES ...) UPDATE`.
    """
    if not rows:
        return
    connection = connections[using]
    quote = connection.ops.quote_name
    pk = model._meta.pk
    columns = [pk, *(model._meta.get_field(name) for name in names)]
    fields = [column for column in columns if isinstance(column, models.Field)]
    table = quote(model._meta.db_table)
    key, *changed = [quote(field.column or field.attname) for field in fields]
    aliases = ", ".join([key, *changed])
    assignments = ", ".join(f"{name} = v.{name}" for name in changed)
    # Only column names and types from the model go into the SQL; every value is a parameter.
    if connection.vendor == "postgresql":
        row_sql = "(" + ", ".join(f"%s::{field.cast_db_type(connection)}" for field in fields) + ")"
        head = f"UPDATE {table} SET {assignments} FROM (VALUES "  # noqa: S608
        tail = f") AS v ({aliases}) WHERE {table}.{key} = v.{key}"
    else:
        row_sql = "(" + ", ".join(["%s"] * len(fields)) + ")"
        head = f"WITH v ({aliases}) AS (VALUES "
        tail = f") UPDATE {table} SET {assignments} FROM v WHERE {table}.{key} = v.{key}"  # noqa: S608
    # SQLite caps the parameters of one statement (32,766 as Debian builds it); PostgreSQL, with
    # Django's client-side binding, has no cap, so its batches stay BATCH_SIZE rows.
    size = max(1, min(BATCH_SIZE, connection.ops.bulk_batch_size(fields, rows)))
    with connection.cursor() as cursor:
        for batch in chunked(rows, size):
            params = [
                field.get_db_prep_save(value, connection)
                for row in batch
                for field, value in zip(fields, row, strict=True)
            ]
            cursor.execute(head + ", ".join([row_sql] * len(batch)) + tail, params)


def _existing[M: models.Model](
    model: type[M], chunk: Sequence[Mapping[str, Any]], key: Sequence[str], scope: models.Q | None, using: str
) -> dict[tuple[Any, ...], M]:
    # Filter on the first key column only (one indexed IN query); the rest is matched here.
    records = model._default_manager.using(using)
    rows = records.filter(scope or models.Q(), **{f"{key[0]}__in": {r[key[0]] for r in chunk}})
    return {tuple(getattr(row, name) for name in key): row for row in rows}
