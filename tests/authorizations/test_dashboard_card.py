"""The home page's Pending decisions card."""

import datetime

import time_machine
from django.test import Client

from authorizations.models import Decision, Priority
from members.models import Member
from tests.authorizations.factories import make_authorization


def test_the_card_lists_pending_requests_with_their_due_dates(member_client: Client, member: Member) -> None:
    make_authorization(member, decision=Decision.PENDING, requested_date=datetime.date(2026, 4, 17))
    make_authorization(
        member,
        decision=Decision.PENDING,
        priority=Priority.EXPEDITED,
        requested_date=datetime.date(2026, 4, 19),
        service_description="Counseling visits",
        sensitive=True,
    )
    with time_machine.travel(datetime.datetime(2026, 4, 20, 19, tzinfo=datetime.UTC), tick=False):
        html = member_client.get("/").content.decode()
    assert "Pending decisions</h2>" in html
    assert "MRI of the lower back" in html and "decision due by the end of April 24, 2026" in html
    # A sensitive one is not named on the home page.
    assert "Counseling visits" not in html and "A private request" in html
    assert 'href="/authorizations/">See your referrals and authorizations' in html


def test_no_card_without_pending_requests(member_client: Client, member: Member) -> None:
    make_authorization(member)
    assert "Pending decisions" not in member_client.get("/").content.decode()
