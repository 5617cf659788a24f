"""Reads that every page of a kind makes, written once per process instead of by the ORM on each
request (docs/performance.md).

Django builds and compiles a query's SQL anew every time: 0.3 to 1 ms of Python for a statement
PostgreSQL answers in 0.1 to 0.2 ms. For the few reads on every member page (the signed-in user,
the household, the contact lists) a `ModelStatement` writes the SELECT from the model's own
field list on first use and makes the rows into instances as the ORM does: Model.from_db, with
each field's database converters (SQLite in development hands dates back as text). Only the
WHERE clause is written by hand, with parameters, never values.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model
from django.db.models.expressions import Col

Converter = Callable[[Any, Any, Any], Any]
# (position in the row, the field's converters, the column they are given)
Converters = Sequence[tuple[int, Sequence[Converter], Col]]


def column(model_field: Any) -> str:
    """A concrete field's column (every one has one; the stubs allow None)."""
    return str(model_field.column)


def converters_for(fields: Sequence[Any], connection: BaseDatabaseWrapper) -> Converters:
    """What the ORM would run on each of these fields' values as they come from the database."""
    found = []
    for position, model_field in enumerate(fields):
        col = model_field.get_col(model_field.model._meta.db_table)
        these = connection.ops.get_db_converters(col) + model_field.get_db_converters(connection)
        if these:
            found.append((position, these, col))
    return found


def converted(row: Sequence[Any], converters: Converters, connection: BaseDatabaseWrapper) -> list[Any]:
    values = list(row)
    for position, these, col in converters:
        for converter in these:
            values[position] = converter(values[position], col, connection)
    return values


@dataclass(frozen=True)
class _Compiled:
    sql: str
    attnames: list[str]
    converters: Converters


@dataclass(frozen=True)
class ModelStatement:
    """SELECT `fields` (all concrete fields by default) of `model` WHERE `where` ORDER BY
    `order_by` (field names, "-" for descending; the model's own ordering by default).

    `where` is SQL with %s parameters naming the table's columns (member_id, not member)."""

    model: type[Model]
    where: str
    order_by: Sequence[str] | None = None
    fields: Sequence[str] | None = None
    _compiled: dict[str, _Compiled] = field(default_factory=dict, compare=False, repr=False)

    def rows(
        self, params: Sequence[Any], *, limit: int | None = None, using: str = DEFAULT_DB_ALIAS
    ) -> list[Any]:
        """The instances for these parameters of `where`; at most `limit` of them."""
        compiled = self._compiled.get(using) or self._compiled.setdefault(using, self._compile(using))
        connection = connections[using]
        sql = compiled.sql if limit is None else f"{compiled.sql} LIMIT {int(limit)}"
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            found = cursor.fetchall()
        return [
            self.model.from_db(using, compiled.attnames, converted(row, compiled.converters, connection))
            for row in found
        ]

    def _compile(self, using: str) -> _Compiled:
        meta = self.model._meta
        quote = connections[using].ops.quote_name
        fields = [f for f in meta.concrete_fields if self.fields is None or f.attname in self.fields]
        names = list(meta.ordering or []) if self.order_by is None else list(self.order_by)
        if not all(isinstance(name, str) for name in names):
            raise TypeError(f"{meta.label}: only field names can order a ModelStatement")
        order = [
            f"{quote(column(meta.get_field(name.lstrip('-'))))}{' DESC' if name.startswith('-') else ''}"
            for name in map(str, names)
        ]
        sql = (
            f"SELECT {', '.join(quote(column(f)) for f in fields)} FROM {quote(meta.db_table)}"  # noqa: S608
            f" WHERE {self.where}" + (f" ORDER BY {', '.join(order)}" if order else "")
        )
        return _Compiled(sql, [f.attname for f in fields], converters_for(fields, connections[using]))
