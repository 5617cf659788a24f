"""Reads for My Benefits and the dashboard's alerts, each a fixed number of queries."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, F, Q, QuerySet

from eligibility.alert_messages import MESSAGES, AlertMessage
from eligibility.models import Alert, EligibilitySpan
from households.models import HouseholdRole, Role
from members.models import Member


def eligibility_of(member: Member) -> list[EligibilitySpan]:
    """The member's eligibility spans, the ones still in effect (or to come) first, newest first."""
    return list(EligibilitySpan.objects.filter(member=member).order_by("-effective_date", "program", "id"))


@dataclass(frozen=True)
class OpenAlert:
    message: AlertMessage
    kind: str
    due_date: datetime.date | None
    past_due: bool
    for_name: str  # whose alert, when it is another household member's; else ""


def open_alerts_query(member: Member) -> QuerySet[Alert]:
    """The open alerts of `member` and, if they head a household, of its members."""
    # The household's members are found first, by the member's id (two index reads), so the
    # alerts are read by member: an OR across the join made PostgreSQL read every open alert
    # (about 1 s a page at a million members).
    is_head = HouseholdRole.objects.filter(member=member.pk, role=Role.HEAD_OF_HOUSEHOLD)
    whose = Member.objects.filter(Q(pk=member.pk) | Q(Exists(is_head), head_of_household=member.pk))
    return (
        Alert.objects.filter(resolved_date__isnull=True, member__in=whose.values("pk"))
        .select_related("member")
        .only("kind", "message_key", "due_date", "member", "member__first_name", "member__last_name")
        .order_by(F("due_date").asc(nulls_last=True), "id")
    )


def open_alerts(member: Member, today: datetime.date) -> list[OpenAlert]:
    """The open alerts of `member`, and of their household if they are its head: soonest due
    first (those with no due date last). One query, whatever the household's size."""
    return [
        OpenAlert(
            message=MESSAGES[alert.message_key],
            kind=alert.kind,
            due_date=alert.due_date,
            past_due=alert.due_date is not None and alert.due_date < today,
            for_name="" if alert.member_id == member.pk else alert.member.full_name,
        )
        for alert in open_alerts_query(member)
        if alert.message_key in MESSAGES
    ]
