"""SQLite for the tests that run on each database: the CSV importers work on PostgreSQL
(production) and on SQLite (`make run`), and their tests run on both.

A session's SQLite database is a file under pytest's temporary folder, migrated once. A test on
it swaps it in as this thread's *default* connection, so the code under test (which asks for
`connections["default"]`, `transaction.atomic()`, `Model.objects`) and the test's own fixtures
and assertions all run the real SQL on SQLite, and no second database alias exists for the rest
of the suite to trip over (Celery's and makemigrations' checks visit every alias). Each test runs
in a transaction that is rolled back, as pytest-django does on PostgreSQL.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.utils import ConnectionHandler


def sqlite_connection(path: Path) -> BaseDatabaseWrapper:
    """A connection to a SQLite file, under the alias "default" (not registered anywhere)."""
    handler = ConnectionHandler(
        {DEFAULT_DB_ALIAS: {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)}}
    )
    return handler[DEFAULT_DB_ALIAS]


@contextmanager
def as_default(connection: BaseDatabaseWrapper) -> Iterator[None]:
    """Make `connection` this thread's default database until the block ends."""
    saved = connections[DEFAULT_DB_ALIAS]
    connections[DEFAULT_DB_ALIAS] = connection
    try:
        yield
    finally:
        connections[DEFAULT_DB_ALIAS] = saved


def migrate(connection: BaseDatabaseWrapper) -> None:
    with as_default(connection):
        call_command("migrate", interactive=False, verbosity=0)


@contextmanager
def rolled_back_on(connection: BaseDatabaseWrapper) -> Iterator[None]:
    """The block runs on `connection` as the default database, in a transaction rolled back after."""
    with as_default(connection), transaction.atomic():
        yield
        transaction.set_rollback(True)
