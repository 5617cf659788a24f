"""Reads that every page of a kind makes, written once per process instead of by the ORM on each
request (docs/performance.md).

Django builds and compiles a query's SQL anew every time: 0.3 to 1 ms of Python for a statement
PostgreSQL answers in 0.1 to 0.2 ms. For the few reads on every member page (the signed-in user,
the household, the contact lists) a `ModelStatement` writes the SELECT from the model's own
field list on first use and makes the rows into instances as the ORM does: Model.from_db, with
each field's database converters (SQLite in development hands dates back as text). Only the
WHERE clause is written by hand, with parameters, never values.

For reads with joins, conditions or aggregates a `CompiledQuery` keeps the ORM's own SQL for a
queryset, compiled once, and finds where its arguments go by building it twice.
"""

import datetime
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model, QuerySet
from django.db.models.expressions import Col
from django.db.models.query import ValuesIterable, ValuesListIterable

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
        """The instances for these parameters of `where` (dates and moments handed over as the
        ORM would); at most `limit` of them."""
        compiled = self._compiled.get(using) or self._compiled.setdefault(using, self._compile(using))
        connection = connections[using]
        sql = compiled.sql if limit is None else f"{compiled.sql} LIMIT {int(limit)}"
        with connection.cursor() as cursor:
            cursor.execute(sql, [_adapted(value, connection) for value in params])
            found = cursor.fetchall()
        return [
            self.model.from_db(using, compiled.attnames, converted(row, compiled.converters, connection))
            for row in found
        ]

    def grouped(
        self, params: Sequence[Any], *, by: str, using: str = DEFAULT_DB_ALIAS
    ) -> defaultdict[Any, list[Any]]:
        """The instances for these parameters, in lists by their `by` attribute (a parent's id):
        one query for all of a page's children, an empty list for a parent that has none."""
        groups: defaultdict[Any, list[Any]] = defaultdict(list)
        for instance in self.rows(params, using=using):
            groups[getattr(instance, by)].append(instance)
        return groups

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


@dataclass(frozen=True)
class _CompiledQuery:
    sql: str
    # For each parameter of the SQL: the position of the argument it is, or None for a constant.
    layout: list[int | None]
    constants: list[Any]
    converters: Converters
    names: tuple[str, ...] | None  # the keys of a values() row; None for values_list() tuples


@dataclass(frozen=True)
class CompiledQuery:
    """The rows of `build(*arguments)`, a values() or values_list() queryset, from the SQL the ORM
    wrote for it once per process: building and compiling a queryset costs more Python than
    PostgreSQL takes to answer it.

    `sample` is one value of each argument (ints, strings, dates or moments). At first use the
    query is built from it and from a second set of values derived from it. Each parameter of the
    SQL must then be one of the arguments, or the same in both builds (a constant, such as a
    status). A parameter derived from an argument (`day + 1`), or SQL that changes with the
    values, is a RuntimeError then, not a wrong answer later."""

    build: Callable[..., QuerySet[Any]]
    sample: tuple[Any, ...]
    _compiled: dict[str, _CompiledQuery] = field(default_factory=dict, compare=False, repr=False)

    def rows(self, *arguments: Any, using: str = DEFAULT_DB_ALIAS) -> list[Any]:
        """What `list(build(*arguments))` gives: tuples, or dicts for values()."""
        compiled = self._compiled.get(using) or self._compiled.setdefault(using, self._compile(using))
        connection = connections[using]
        adapted = [_adapted(value, connection) for value in arguments]
        params = [
            compiled.constants[index] if position is None else adapted[position]
            for index, position in enumerate(compiled.layout)
        ]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            found = [converted(row, compiled.converters, connection) for row in cursor.fetchall()]
        if compiled.names is None:
            return [tuple(row) for row in found]
        return [dict(zip(compiled.names, row, strict=True)) for row in found]

    def _compile(self, using: str) -> _CompiledQuery:
        connection = connections[using]
        samples = [tuple(self.sample), tuple(_other(value) for value in self.sample)]
        (sql, params, compiler, queryset), (other_sql, other_params, _, _) = (
            _compiled_sql(self.build(*values), using) for values in samples
        )
        name = getattr(self.build, "__qualname__", repr(self.build))
        if sql != other_sql or len(params) != len(other_params):
            raise RuntimeError(f"{name}: its SQL changes with its arguments")
        adapted = [[_adapted(value, connection) for value in values] for values in samples]
        layout: list[int | None] = []
        for param, other_param in zip(params, other_params, strict=True):
            positions = [i for i, value in enumerate(adapted[0]) if _same(value, param)]
            if len(positions) == 1 and _same(adapted[1][positions[0]], other_param):
                layout.append(positions[0])
            elif not positions and _same(param, other_param):
                layout.append(None)
            else:
                raise RuntimeError(
                    f"{name}: a parameter {param!r} is not one of its arguments {self.sample!r}"
                )
        if queryset._iterable_class not in (ValuesIterable, ValuesListIterable):
            raise TypeError(f"{name}: only values() or values_list() querysets compile once")
        names = tuple(compiler.query.values_select) + tuple(compiler.query.annotation_select)
        if list(getattr(queryset, "_fields", None) or names) != list(names):
            raise TypeError(f"{name}: name the values in the order the SQL selects them: {names}")
        selected = [column[0] for column in compiler.select[: compiler.col_count]]
        converters = [
            (i, these, expression) for i, (these, expression) in compiler.get_converters(selected).items()
        ]
        return _CompiledQuery(
            sql,
            layout,
            list(params),
            converters,
            names if queryset._iterable_class is ValuesIterable else None,
        )


def _compiled_sql(queryset: QuerySet[Any], using: str) -> tuple[str, tuple[Any, ...], Any, QuerySet[Any]]:
    compiler = queryset.query.get_compiler(using)
    sql, params = compiler.as_sql()
    return sql, tuple(params), compiler, queryset


def _adapted(value: Any, connection: BaseDatabaseWrapper) -> Any:
    """An argument as the ORM hands it to the database."""
    if isinstance(value, datetime.datetime):
        return connection.ops.adapt_datetimefield_value(value)
    if isinstance(value, datetime.date):
        return connection.ops.adapt_datefield_value(value)
    return value


def _other(value: Any) -> Any:
    """A second value of the same kind, to tell an argument's parameters from constants."""
    if isinstance(value, bool):
        raise TypeError("a CompiledQuery's arguments are not booleans: a flag changes its SQL")
    if isinstance(value, datetime.date):  # dates and moments
        return value + datetime.timedelta(days=1)
    if isinstance(value, int):
        return value - 1
    if isinstance(value, str):
        return value + "~"
    raise TypeError(f"a CompiledQuery's arguments are ints, strings, dates or moments, not {value!r}")


def _same(one: Any, other: Any) -> bool:
    return type(one) is type(other) and one == other
