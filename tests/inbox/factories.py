"""Secure messages for the tests: assigning a care manager, files of each kind, conversations of
any length."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from care.models import CareManagerAssignment
from inbox.models import Message, Thread
from members.models import Member, User

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


def assign(member: Member, user: User, first: datetime.date, last: datetime.date | None = None) -> None:
    CareManagerAssignment.objects.create(
        member=member, care_manager=user, effective_from=first, effective_to=last
    )


def upload(name: str, content: bytes, content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def make_thread(
    member: Member,
    care_manager: User,
    *,
    subject: str = "My new inhaler",
    messages: int = 1,
    read: bool = False,
) -> Thread:
    """A conversation the member started, then alternating: member, care manager, member, …"""
    assert member.user is not None
    now = timezone.now()
    thread = Thread.objects.create(member=member, subject=subject, last_message_at=now)
    Message.objects.bulk_create(
        Message(
            thread=thread,
            member=member,
            sender=member.user if n % 2 == 0 else care_manager,
            from_member=n % 2 == 0,
            body=f"Message {n}\nsecond line",
            read_at=now if read else None,
        )
        for n in range(messages)
    )
    # auto_now_add gives one time to the whole batch: spread them so "newest first" has an order.
    for n, message in enumerate(thread.messages.order_by("id")):
        Message.objects.filter(pk=message.pk).update(
            created_at=now - datetime.timedelta(minutes=messages - n)
        )
    return thread
