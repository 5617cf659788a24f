"""Planner statistics after a bulk write.

PostgreSQL plans from statistics that autovacuum gathers only some time after a bulk load; until
then it believes new tables are empty and picks plans (a parallel scan of every provider to show
one member's PCP) that are 50 times slower than the index (docs/performance.md). `seed_demo` and
the CSV importers refresh them for the tables they wrote.
"""

from collections.abc import Iterable

from django.db import DEFAULT_DB_ALIAS, connections


def refresh_planner_statistics(tables: Iterable[str], *, using: str = DEFAULT_DB_ALIAS) -> None:
    """ANALYZE each table (a sample of 30,000 rows: well under a second at plan scale)."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
