"""The list and each filter read the member's rows from an index in page order on PostgreSQL:
EXPLAIN the page's real query over a few thousand members' records (planner statistics fresh,
sequential scans allowed) and check there is no Seq Scan and no Sort."""

import datetime
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

from authorizations.models import Authorization, Decision
from authorizations.selectors import Cursor, filtered, list_page_query, member_authorizations
from members.models import Member
from tests.queries import plan_nodes

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="the indexes are PostgreSQL's")

BORN = datetime.date(1980, 1, 1)
FILTERS: list[dict[str, Any]] = [
    {},
    {"authorization_number": "2026-00000042"},
    {"service_from": datetime.date(2025, 1, 1), "service_to": datetime.date(2025, 6, 30)},
    {"decision": Decision.DENIED},
    {"start_date": datetime.date(2025, 1, 1), "end_date": datetime.date(2025, 12, 31)},
]


@pytest.fixture
def member(make_member: Callable[..., Member]) -> Member:
    """One of 2,000 members with about two records each, then ANALYZE like autovacuum would."""
    members = Member.objects.bulk_create(
        Member(member_id=f"X{n:07d}", first_name="Ana", last_name="Ruiz", date_of_birth=BORN)
        for n in range(2_000)
    )
    decisions = [Decision.APPROVED, Decision.APPROVED, Decision.DENIED, Decision.PENDING]
    Authorization.objects.bulk_create(
        (
            Authorization(
                authorization_number=f"2026-{n:08d}",
                member=members[n // 2],
                kind="authorization",
                service_description="Physical therapy",
                priority="standard",
                requested_date=day(n),
                decision=decisions[n % 4],
                decision_date=None if n % 4 == 3 else day(n),
                denial_reason="Not covered." if n % 4 == 2 else "",
                start_date=datetime.date(2024, 1, 3) + datetime.timedelta(days=n % 700),
                end_date=datetime.date(2024, 4, 3) + datetime.timedelta(days=n % 700),
            )
            for n in range(4_000)
        ),
        batch_size=1_000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE authorizations_authorization")
    return members[21]


def day(n: int) -> datetime.date:
    return datetime.date(2024, 1, 1) + datetime.timedelta(days=n % 700)


@pytest.mark.parametrize("after", [None, Cursor(datetime.date(2025, 6, 1), 10**9)])
def test_the_list_and_each_filter_use_an_index_in_page_order(member: Member, after: Cursor | None) -> None:
    for search in FILTERS:
        query = list_page_query(filtered(member_authorizations(member), **search), after=after)
        plan = list(plan_nodes(json.loads(query.explain(format="json"))[0]["Plan"]))
        shown = (search, [(n["Node Type"], n.get("Index Name")) for n in plan])
        assert not any(n["Node Type"] == "Seq Scan" for n in plan), shown
        used = {n.get("Index Name") for n in plan}
        assert used & {"authorization_list", "authorizations_authorization_authorization_number_key"}, shown
        if "authorization_number" not in search:
            assert not any(n["Node Type"] in {"Sort", "Incremental Sort"} for n in plan), shown
