"""seed_demo's referrals and authorizations: about two per member, and the demo member's set
that shows every kind of decision on the page."""

import datetime
from io import StringIO

from django.core.management import call_command

from authorizations.models import Authorization, Decision
from authorizations.rules import appeal_window_open
from demo.members import DEMO_MEMBER
from members.models import Member

TODAY = datetime.date(2026, 11, 22)


def test_about_two_per_member_in_a_plans_mix_of_decisions(db: None) -> None:
    call_command(
        "seed_demo", "--members", "400", "--providers", "20", "--today", TODAY.isoformat(), stdout=StringIO()
    )
    per_member = Authorization.objects.count() / Member.objects.count()
    assert 1.5 <= per_member <= 2.5
    decisions = set(Authorization.objects.values_list("decision", flat=True))
    assert set(Decision.values) <= decisions
    for record in Authorization.objects.exclude(decision=Decision.PENDING):
        assert record.decision_date is not None and record.requested_date <= record.decision_date <= TODAY


def test_the_demo_member_sees_each_kind_of_decision(db: None) -> None:
    call_command(
        "seed_demo", "--members", "60", "--providers", "20", "--today", TODAY.isoformat(), stdout=StringIO()
    )
    mine = list(Authorization.objects.filter(member__member_id=DEMO_MEMBER.member_id))
    assert {record.decision for record in mine} >= {
        Decision.APPROVED,
        Decision.PARTIALLY_APPROVED,
        Decision.DENIED,
        Decision.PENDING,
        Decision.CANCELLED,
    }
    denied = [r for r in mine if r.adverse and r.decision_date]
    windows = {appeal_window_open(r.decision_date, TODAY) for r in denied if r.decision_date}
    assert windows == {True, False}  # one still open to appeal, one closed
    assert any(r.sensitive for r in mine) and any(r.priority == "expedited" for r in mine)
