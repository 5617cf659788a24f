"""Reads of secure messages. Every member read is scoped to the member; ids from URLs are looked
up within it (404 otherwise)."""

from django.db import connection
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from inbox.models import Attachment, Message, Thread
from members.models import Member, User
from portal.statements import ModelStatement

_IN_THREAD = f"SELECT id FROM {Message._meta.db_table} WHERE thread_id = %s"  # noqa: S608 - the model's table
_MESSAGES = ModelStatement(Message, where="thread_id = %s", order_by=["-created_at", "-id"])
# Only what the conversation shows of a sender: their name.
_SENDERS = ModelStatement(
    User,
    where=f"id IN (SELECT sender_id FROM {Message._meta.db_table} WHERE thread_id = %s)",  # noqa: S608
    fields=["id", "first_name", "last_name", "username"],
)
_ATTACHMENTS = ModelStatement(Attachment, where=f"message_id IN ({_IN_THREAD})", order_by=["id"])


def unread_count(member: Member | int) -> int:
    """Messages the member has not opened: one query on a partial index (the header's envelope).

    Written in SQL: it runs on every member page, and the ORM took twice as long to build this
    count as PostgreSQL took to answer it (0.46 ms against 0.15 ms; docs/performance.md).
    """
    member_pk = member.pk if isinstance(member, Member) else member
    with connection.cursor() as cursor:
        # The condition of the partial index inbox_message_member_unread, so the index serves it.
        cursor.execute(
            f"SELECT COUNT(*) FROM {Message._meta.db_table} "  # noqa: S608 - the model's own table name
            "WHERE member_id = %s AND NOT from_member AND read_at IS NULL",
            [member_pk],
        )
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def box(member: Member, *, sent: bool, subject: str = "") -> QuerySet[Message]:
    """Inbox (received) or Sent Items, newest first, optionally those whose subject has `subject`."""
    messages = (
        Message.objects.filter(member=member, from_member=sent)
        .select_related("thread")
        .order_by("-created_at", "-id")
    )
    if subject:
        messages = messages.filter(thread__subject__icontains=subject)
    return messages


def member_thread(member: Member, thread_id: int) -> Thread:
    return get_object_or_404(Thread, pk=thread_id, member=member)


def thread_messages(thread: Thread) -> list[Message]:
    """The conversation, newest first, with senders and attachments (as each message's
    `attachment_list`): three queries, whatever its length.

    Statements written once (portal/statements.py), not the ORM's join and prefetch: for fifty
    messages those took 3.8 ms, most of it building the queries and the prefetch's IN list."""
    senders = {user.pk: user for user in _SENDERS.rows([thread.pk])}
    files = _ATTACHMENTS.grouped([thread.pk], by="message_id")
    messages = _MESSAGES.rows([thread.pk])
    for message in messages:
        message.sender = senders[message.sender_id]
        message.attachment_list = files[message.pk]
    return messages


def member_attachment(member: Member, attachment_id: int) -> Attachment:
    return get_object_or_404(
        Attachment.objects.select_related("message"), pk=attachment_id, message__member=member
    )
