"""The dashboard's alerts are read by member, from indexes, on PostgreSQL: EXPLAIN the card's
real query over a few thousand members in households (planner statistics fresh, sequential scans
allowed) and check that neither the alerts nor the members are read whole. The first version
joined them with an OR and read every open alert: about a second a home page at a million
members."""

import datetime
import json
from collections.abc import Callable

import pytest
from django.db import connection
from django.db.models import F

from eligibility.models import Alert, AlertKind
from eligibility.selectors import open_alerts, open_alerts_statement
from households.models import HouseholdRole, Role
from members.models import Member
from tests.queries import plan_nodes

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="the indexes are PostgreSQL's")

BORN = datetime.date(1980, 1, 1)


@pytest.fixture
def head(make_member: Callable[..., Member]) -> Member:
    """The head of one of 1,000 households of three, each member with two open alerts."""
    heads = Member.objects.bulk_create(
        Member(member_id=f"H{n:07d}", first_name="Ana", last_name="Ruiz", date_of_birth=BORN)
        for n in range(1_000)
    )
    Member.objects.filter(pk__in=[h.pk for h in heads]).update(head_of_household=F("pk"))
    others = Member.objects.bulk_create(
        Member(
            member_id=f"O{n:07d}",
            first_name="Luis",
            last_name="Ruiz",
            date_of_birth=BORN,
            head_of_household=heads[n // 2],
        )
        for n in range(2_000)
    )
    HouseholdRole.objects.bulk_create(HouseholdRole(member=h, role=Role.HEAD_OF_HOUSEHOLD) for h in heads)
    Alert.objects.bulk_create(
        Alert(member=m, alert_id=f"{m.member_id}-{k}", kind=AlertKind.ACTION, message_key="renewal_due")
        for m in [*heads, *others]
        for k in range(2)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE eligibility_alert, members_member, households_householdrole")
    return heads[500]


def test_the_alerts_card_reads_the_households_alerts_from_indexes(head: Member) -> None:
    sql, params = open_alerts_statement(head)
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        (explained,) = cursor.fetchone()
    plan = list(plan_nodes((json.loads(explained) if isinstance(explained, str) else explained)[0]["Plan"]))
    scanned = {n.get("Relation Name") for n in plan if n["Node Type"] == "Seq Scan"}
    assert not scanned & {"eligibility_alert", "members_member"}, plan
    alerts = open_alerts(head, datetime.date(2026, 12, 1))
    assert len(alerts) == 6, "the head's two alerts and their two household members' four"
