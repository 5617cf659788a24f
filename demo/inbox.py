"""Demo secure messages: for the demo member, a few conversations with their care manager (read
and unread, one with an attachment-free reply waiting, one the care manager marked handled), and
for the bench members an Inbox and Sent Items of a few hundred messages with a thread of 50, and
for the bench's scale (issue #24: 5,000,000 messages at a million members) care managers' notes
to members without an account, written in SQL.

Written with the ORM after the care builder (the care manager comes from the assignment); its own
random stream, so the other builders' data does not shift. Idempotent: the demo member's
conversations are replaced.
"""

import datetime
import random

from django.db import connection, transaction
from django.utils import timezone

from care.selectors import current_care_manager
from inbox.models import Message, Thread
from members.models import Member, User
from portal.registry import feature_enabled

# (subject, [(from the member, text)], handled) — oldest message first.
type Conversation = tuple[str, list[tuple[bool, str]], bool]
CONVERSATIONS: list[Conversation] = [
    (
        "Questions about my new inhaler",
        [
            (True, "Hello,\nThe new inhaler makes my throat sore. Is that normal?"),
            (
                False,
                "Thank you for writing. A sore throat can happen. Rinse your mouth with water after "
                "each use.\nIf it does not get better in a week, call me.",
            ),
            (False, "Checking in: is your throat better?"),
        ],
        False,
    ),
    (
        "Blood sugar log for March",
        [
            (True, "I wrote down my numbers every morning. Most are between 110 and 140."),
            (False, "Those are good numbers. Keep it up, and bring the log to your next visit."),
            (True, "Thank you, I will."),
        ],
        True,
    ),
    (
        "Ride to my eye exam",
        [
            (True, "Can the plan give me a ride to my eye exam next month?"),
        ],
        False,
    ),
]


def _write(
    member: Member,
    account: User,
    care_manager_id: int,
    conversations: list[Conversation],
    now: datetime.datetime,
    rng: random.Random,
) -> int:
    written = 0
    for number, (subject, lines, handled) in enumerate(conversations):
        start = now - datetime.timedelta(days=3 * (len(conversations) - number) + rng.randint(0, 2))
        thread = Thread.objects.create(member=member, subject=subject, last_message_at=start)
        messages = Message.objects.bulk_create(
            Message(
                thread=thread,
                member=member,
                sender_id=account.pk if from_member else care_manager_id,
                from_member=from_member,
                body=text,
                # The last message to the member stays unread, so the envelope has a count.
                read_at=None if (not from_member and n == len(lines) - 1) else start,
            )
            for n, (from_member, text) in enumerate(lines)
        )
        for n, message in enumerate(messages):
            Message.objects.filter(pk=message.pk).update(created_at=start + datetime.timedelta(hours=5 * n))
        Thread.objects.filter(pk=thread.pk).update(
            last_message_at=start + datetime.timedelta(hours=5 * (len(lines) - 1)),
            handled_at=start + datetime.timedelta(days=1) if handled else None,
        )
        written += len(lines)
    return written


@transaction.atomic
def write_inbox(*, member_id: str, today: datetime.date, seed: int) -> dict[str, int]:
    """The demo member's conversations with their care manager; row counts by table."""
    if not feature_enabled("secure_messages"):
        return {}
    rng = random.Random(f"{seed}:inbox")  # noqa: S311 - made-up data
    member = Member.objects.filter(member_id=member_id).first()
    if member is None or member.user is None:
        return {}
    care_manager = current_care_manager(member, today)
    if care_manager is None:
        return {}
    Message.objects.filter(member=member).delete()
    Thread.objects.filter(member=member).delete()
    written = _write(member, member.user, care_manager.user_id, CONVERSATIONS, timezone.now(), rng)
    return {Thread._meta.db_table: len(CONVERSATIONS), Message._meta.db_table: written}


@transaction.atomic
def write_bench_inbox(*, usernames: list[str], today: datetime.date) -> None:
    """The bench members' messages: 100 conversations of 4 messages and one of 50. Members that
    have messages keep them."""
    if not feature_enabled("secure_messages"):
        return
    rng = random.Random("bench:inbox")  # noqa: S311 - made-up data
    members = Member.objects.filter(user__username__in=usernames).exclude(message_threads__isnull=False)
    for member in members.select_related("user"):
        care_manager = current_care_manager(member, today)
        if care_manager is None or member.user is None:
            continue
        lines = [(n % 2 == 0, f"Message {n + 1}\nAbout my care plan.") for n in range(4)]
        conversations = [(f"Question {n + 1}", lines, n % 3 == 0) for n in range(100)]
        long = [(n % 2 == 0, f"Message {n + 1}\nA long conversation.") for n in range(50)]
        _write(
            member,
            member.user,
            care_manager.user_id,
            [*conversations, ("A thread of 50", long, False)],
            timezone.now(),
            rng,
        )


def write_bench_message_volume(*, messages: int) -> int:
    """Care managers' notes, four to a conversation, to members without an account, until the
    portal holds about `messages` messages: the tables and indexes the bench members' pages read
    at a plan's size. Returns how many were written (0 when there are enough already)."""
    if not feature_enabled("secure_messages"):
        return 0
    from demo.care import care_managers

    sender = care_managers()[0]
    written = 0
    # Each pass gives up to one more conversation to each member without an account.
    while (missing := messages - Message.objects.count()) >= messages // 10:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT COALESCE(MAX(id), 0) FROM inbox_thread")
            (before,) = cursor.fetchone()
            cursor.execute(
                """
                INSERT INTO inbox_thread (member_id, subject, created_at, last_message_at, handled_at)
                SELECT id, 'A note from your care manager', now() - (id %% 700) * interval '1 day',
                       now() - (id %% 700) * interval '1 day' + interval '3 hours', NULL
                FROM members_member WHERE user_id IS NULL ORDER BY id LIMIT %s
                """,
                [missing // 4],
            )
            cursor.execute(
                """
                INSERT INTO inbox_message
                    (thread_id, member_id, sender_id, from_member, body, created_at, read_at)
                SELECT t.id, t.member_id, %s, false, 'Message ' || n || E'\\nAbout your care plan.',
                       t.created_at + n * interval '45 minutes', t.created_at + n * interval '1 hour'
                FROM inbox_thread t CROSS JOIN generate_series(1, 4) AS n WHERE t.id > %s
                """,
                [sender.pk, before],
            )
            if not cursor.rowcount:
                break  # no member without an account
            written += cursor.rowcount
    if written:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE inbox_thread, inbox_message")
    return written
