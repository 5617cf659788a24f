"""Reads for My Benefits and the dashboard's alerts, each a fixed number of queries."""

import datetime
from dataclasses import dataclass

from django.db import connection

from eligibility.alert_messages import MESSAGES, AlertMessage
from eligibility.models import Alert, EligibilitySpan
from households.models import HouseholdRole, Role
from members.models import Member
from portal.statements import ModelStatement

# My Benefits reads them on every visit (portal/statements.py).
_SPANS = ModelStatement(
    EligibilitySpan, where="member_id = %s", order_by=["-effective_date", "program", "id"]
)


def eligibility_of(member: Member) -> list[EligibilitySpan]:
    """The member's eligibility spans, the ones still in effect (or to come) first, newest first."""
    return _SPANS.rows([member.pk])


@dataclass(frozen=True)
class OpenAlert:
    message: AlertMessage
    kind: str
    due_date: datetime.date | None
    past_due: bool
    for_name: str  # whose alert, when it is another household member's; else ""


def open_alerts_statement(member: Member) -> tuple[str, dict[str, int | str]]:
    """The SQL and parameters of the open alerts of `member` and, if they head a household, of
    its members; soonest due first, those with no due date last.

    In SQL rather than the ORM: the home page runs it for every member, and Django took twice as
    long to build it (with its subquery) as PostgreSQL took to answer. The household's members
    are found first, by the member's id, so the alerts are read by member: an OR across the join
    made PostgreSQL read every open alert (about 1 s a page at a million members).
    """
    alert, person, role = (model._meta.db_table for model in (Alert, Member, HouseholdRole))
    sql = f"""
        SELECT a.kind, a.message_key, a.due_date, a.member_id, p.first_name, p.last_name
        FROM {alert} a JOIN {person} p ON p.id = a.member_id
        WHERE a.resolved_date IS NULL AND a.member_id IN (
            SELECT id FROM {person} WHERE id = %(member)s
            UNION ALL
            SELECT id FROM {person}
            WHERE head_of_household_id = %(member)s AND id <> %(member)s AND EXISTS (
                SELECT 1 FROM {role} WHERE member_id = %(member)s AND role = %(head)s
            )
        )
        ORDER BY a.due_date IS NULL, a.due_date, a.id
    """  # noqa: S608 - the models' own table names
    return sql, {"member": member.pk, "head": Role.HEAD_OF_HOUSEHOLD.value}


def open_alerts(member: Member, today: datetime.date) -> list[OpenAlert]:
    """The open alerts of `member`, and of their household if they are its head: soonest due
    first (those with no due date last). One query, whatever the household's size."""
    sql, params = open_alerts_statement(member)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        # SQLite (development) hands dates back as text.
        rows = [(kind, key, _as_date(due), *rest) for kind, key, due, *rest in cursor.fetchall()]
    return [
        OpenAlert(
            message=MESSAGES[key],
            kind=kind,
            due_date=due,
            past_due=due is not None and due < today,
            for_name="" if whose == member.pk else Member(first_name=first, last_name=last).full_name,
        )
        for kind, key, due, whose, first, last in rows
        if key in MESSAGES
    ]


def _as_date(value: object) -> datetime.date | None:
    return Alert._meta.get_field("due_date").to_python(value)
