"""The importers' bulk update (portal/csvimport/writing.py) on each database: PostgreSQL's typed
UPDATE ... FROM (VALUES ...) and SQLite's WITH ... UPDATE ... FROM, in batches that respect
SQLite's limit on one statement's parameters."""

import datetime
import sqlite3
from collections.abc import Iterator

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.models import Member
from portal.csvimport.writing import update_rows

# Each test runs on PostgreSQL and on SQLite (tests/databases.py).
pytestmark = pytest.mark.usefixtures("import_database")


@pytest.fixture
def low_parameter_limit(import_database: str) -> Iterator[int]:
    """On SQLite, a limit of 50 parameters per statement for the test (Debian builds 32,766)."""
    if connection.vendor != "sqlite":
        yield 0
        return
    connection.ensure_connection()
    raw = connection.connection
    saved = raw.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 50)
    try:
        yield 50
    finally:
        raw.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, saved)


def test_each_row_gets_its_own_values_of_every_type(import_database: str) -> None:
    members = [
        Member.objects.create(
            member_id=f"W{n:03d}", first_name="A", last_name="B", date_of_birth="1980-01-01"
        )
        for n in range(3)
    ]
    rows = [
        (member.pk, f"First {n}", datetime.date(1990, 1, n + 1), members[0].pk if n else None)
        for n, member in enumerate(members)
    ]

    update_rows(Member, ["first_name", "date_of_birth", "head_of_household_id"], rows, using="default")

    written = Member.objects.order_by("member_id").values_list(
        "first_name", "date_of_birth", "head_of_household"
    )
    assert list(written) == [(first, born, head) for _, first, born, head in rows]
    assert set(Member.objects.values_list("last_name", flat=True)) == {"B"}


def test_batches_stay_under_sqlite_parameter_limit(import_database: str, low_parameter_limit: int) -> None:
    Member.objects.bulk_create(
        Member(member_id=f"W{n:03d}", first_name="A", last_name="B", date_of_birth="1980-01-01")
        for n in range(40)
    )
    rows = [(pk, f"Renamed {pk}", "Smith") for pk in Member.objects.values_list("pk", flat=True)]

    with CaptureQueriesContext(connection) as queries:
        update_rows(Member, ["first_name", "last_name"], rows, using="default")

    updates = [query for query in queries if "UPDATE" in query["sql"]]
    # 40 rows of 3 parameters: one statement on PostgreSQL; at most 16 rows (48 parameters) each on SQLite.
    assert len(updates) == (3 if import_database == "sqlite" else 1)
    assert all(member.first_name == f"Renamed {member.pk}" for member in Member.objects.all())
    assert set(Member.objects.values_list("last_name", flat=True)) == {"Smith"}
