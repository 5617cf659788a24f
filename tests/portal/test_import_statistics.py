"""After an import writes rows, PostgreSQL has statistics for the tables it wrote, so a first
load into an empty database is not planned as if the tables were still empty (docs/csv-formats.md)."""

import pytest
from django.db import connection

from tests.csv_import import SAMPLES, run_import

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="planner statistics are PostgreSQL's"),
]

WRITES = {
    "members": ["members_member", "members_address", "members_phone", "members_contactemail"],
    "providers": ["providers_provider"],
    "coverage": ["coverage_coverage"],
    "pcp_assignments": ["providers_pcpassignment"],
}


def analyses() -> dict[str, int]:
    """How many times each table has been analyzed, as of now."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")  # else the transaction's first reading
        cursor.execute("SELECT relname, analyze_count FROM pg_stat_user_tables")
        return dict(cursor.fetchall())


def test_each_import_analyzes_the_tables_it_wrote() -> None:
    for name, tables in WRITES.items():
        before = analyses()
        assert not run_import(f"import_{name}", SAMPLES / f"{name}.csv").failed
        after = analyses()
        analyzed = sorted(table for table, count in after.items() if count > before.get(table, 0))
        assert analyzed == sorted(tables), name


def test_a_dry_run_or_an_unchanged_file_analyzes_nothing() -> None:
    for name in WRITES:
        before = analyses()
        assert not run_import(f"import_{name}", SAMPLES / f"{name}.csv", "--dry-run").failed
        assert analyses() == before, f"{name} --dry-run"
        run_import(f"import_{name}", SAMPLES / f"{name}.csv")

    before = analyses()
    for name in WRITES:
        assert "0 created, 0 updated" in run_import(f"import_{name}", SAMPLES / f"{name}.csv").out
    assert analyses() == before
