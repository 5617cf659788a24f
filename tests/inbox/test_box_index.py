"""Inbox and Sent Items read a page off the member's index in the box's order on PostgreSQL:
EXPLAIN the page's real query over members with years of messages (planner statistics fresh) and
check that the first page, the one every visit reads, comes off `inbox_message_box` with no Sort.
Without the id in the index PostgreSQL read the whole box and sorted it."""

import datetime
import json

import pytest
from django.db import connection
from django.utils import timezone

from inbox.models import Message, Thread
from inbox.selectors import box
from inbox.views import PAGE_SIZE
from members.models import Member, User
from tests.queries import plan_nodes

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="the indexes are PostgreSQL's")

MEMBERS = 50
THREADS = 40  # a member's conversations,
PER_THREAD = 10  # of ten messages each, every other one the member's


@pytest.fixture
def member(db: None) -> Member:
    """One of 50 members with 400 messages each, half of them sent, then ANALYZE as autovacuum would."""
    members = Member.objects.bulk_create(
        Member(
            member_id=f"X{n:07d}", first_name="Ana", last_name="Ruiz", date_of_birth=datetime.date(1980, 1, 1)
        )
        for n in range(MEMBERS)
    )
    sender = User.objects.create(username="care-manager")
    now = timezone.now()
    threads = Thread.objects.bulk_create(
        Thread(member=m, subject=f"Question {n}", last_message_at=now)
        for m in members
        for n in range(THREADS)
    )
    Message.objects.bulk_create(
        (
            Message(
                thread=thread,
                member=thread.member,
                sender=sender,
                from_member=n % 2 == 0,
                body="A question",
            )
            for thread in threads
            for n in range(PER_THREAD)
        ),
        batch_size=2_000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE inbox_message")
        cursor.execute("ANALYZE inbox_thread")
    return members[MEMBERS // 2]


@pytest.mark.parametrize("sent", [False, True])
def test_the_first_page_of_either_box_is_read_off_the_index_in_its_order(member: Member, sent: bool) -> None:
    query = box(member, sent=sent)[: PAGE_SIZE + 1]
    plan = list(plan_nodes(json.loads(query.explain(format="json"))[0]["Plan"]))
    shown = [(n["Node Type"], n.get("Index Name")) for n in plan]
    assert not any(n["Node Type"] in {"Sort", "Incremental Sort"} for n in plan), shown
    assert "inbox_message_box" in {
        n.get("Index Name") for n in plan if n.get("Relation Name") == "inbox_message"
    }, shown
