"""Counting a page's queries, for the tests that pin each member page's query count, and reading
the plans PostgreSQL makes for them."""

from collections.abc import Iterator
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def queries_for(client: Client, url: str) -> int:
    """How many queries one GET of `url` makes now.

    Count right after a request: every request clears the connection's query log, so the log
    cannot be read later. Warm the session first (its first request also writes it).
    """
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)


def plan_nodes(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every node of an EXPLAIN (FORMAT JSON) plan, from `node` down."""
    yield node
    for child in node.get("Plans", []):
        yield from plan_nodes(child)
