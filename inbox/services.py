"""Writing secure messages: a member starts a conversation or replies in one, the care manager
replies (and the member gets an email with no content), messages are marked read, conversations
handled. Each function is one transaction."""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from audit.services import audit_record
from inbox.attachments import EXTENSIONS
from inbox.audit_actions import MESSAGE_SENT, STAFF_REPLIED
from inbox.models import Attachment, Message, MessageEmailPreference, Thread
from inbox.rules import daily_limit_reached
from members.models import ContactEmail, Member, User, email_language
from outbox.services import email_queue

type Files = list[tuple[UploadedFile, str]]


class DailyLimitReached(Exception):
    """The member has sent the day's messages (inbox.rules.messages_per_day)."""


def signed_in_user(request: HttpRequest) -> User:
    """The request's user; every caller is behind a sign-in, so anything else is refused."""
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


def _add_message(*, thread: Thread, sender: User, from_member: bool, body: str, files: Files) -> Message:
    message = Message.objects.create(
        thread=thread, member_id=thread.member_id, sender=sender, from_member=from_member, body=body
    )
    attachments = []
    for upload, kind in files:
        attachment = Attachment(
            message=message, name=(upload.name or "")[-200:], content_type=kind, size=upload.size or 0
        )
        # Stored under a random name: the member's file name is kept only for display.
        attachment.file.save(f"{uuid.uuid4().hex}{EXTENSIONS[kind]}", upload, save=False)
        attachments.append(attachment)
    Attachment.objects.bulk_create(attachments)
    # A new message from the member needs an answer again: it is no longer handled.
    changes: dict[str, object] = {"last_message_at": message.created_at}
    if from_member:
        changes["handled_at"] = None
    Thread.objects.filter(pk=thread.pk).update(**changes)
    return message


@transaction.atomic
def member_send(
    *,
    request: HttpRequest,
    member: Member,
    subject: str,
    body: str,
    files: Files,
    thread: Thread | None = None,
) -> Thread:
    """A member's message: a new conversation, or a reply in `thread` (theirs: the view looked it up)."""
    # Serialise one member's sends, so two tabs cannot both pass the daily limit.
    Member.objects.select_for_update().filter(pk=member.pk).first()
    if daily_limit_reached(member, timezone.now()):
        raise DailyLimitReached
    if thread is None:
        thread = Thread.objects.create(member=member, subject=subject, last_message_at=timezone.now())
    message = _add_message(
        thread=thread, sender=signed_in_user(request), from_member=True, body=body, files=files
    )
    audit_record(request=request, action=MESSAGE_SENT, member=member, detail=str(message.pk))
    return thread


@transaction.atomic
def staff_reply(*, request: HttpRequest, thread: Thread, body: str, files: Files) -> Message:
    """The care manager's reply; the member gets "You have a new secure message" unless they said no."""
    message = _add_message(
        thread=thread, sender=signed_in_user(request), from_member=False, body=body, files=files
    )
    _notify(thread.member)
    audit_record(request=request, action=STAFF_REPLIED, member=thread.member_id, detail=str(message.pk))
    return message


def _notify(member: Member) -> None:
    if MessageEmailPreference.objects.filter(member=member, email_new_messages=False).exists():
        return
    user = member.user
    address = user.email if user is not None and user.email else _primary_email(member)
    if not address:
        return
    email_queue(
        to=address,
        template="inbox/new_message",
        # No subject, no content, no name: the email only says where to sign in.
        context={"sign_in_url": settings.SITE_URL + reverse("inbox")},
        language=email_language(user),
        member=member,
    )


def _primary_email(member: Member) -> str:
    return (
        ContactEmail.objects.filter(member=member, is_primary=True).values_list("address", flat=True).first()
        or ""
    )


def mark_read(*, thread: Thread, by_member: bool) -> int:
    """Mark the messages `thread` holds for this reader read: the member's, or the care manager's."""
    return Message.objects.filter(thread=thread, from_member=not by_member, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def mark_handled(*, thread: Thread, now: datetime.datetime | None = None) -> None:
    Thread.objects.filter(pk=thread.pk).update(handled_at=now or timezone.now())


def set_email_preference(*, member: Member, email_new_messages: bool) -> None:
    MessageEmailPreference.objects.update_or_create(
        member=member, defaults={"email_new_messages": email_new_messages}
    )
