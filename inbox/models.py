"""Secure messages between a member and their care manager: conversations (threads), the
messages in them, their attachments, and whether the member wants an email when one arrives.

A thread is the member's; it has no fixed care manager. Whoever is the member's care manager on
the day (care.selectors.current_care_manager) is the other party, so when the assignment changes
the whole conversation goes to the new care manager.
"""

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from members.models import Member

SUBJECT_MAX_LENGTH = 100
BODY_MAX_LENGTH = 10_000


def _attachment_storage():  # type: ignore[no-untyped-def]
    # A callable, so the STORAGES entry is read when files are saved (tests point it at tmp).
    return storages["inbox"]


class Thread(models.Model):
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="message_threads")
    subject = models.CharField(_("subject"), max_length=SUBJECT_MAX_LENGTH)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    last_message_at = models.DateTimeField(_("last message"))
    # Set by the care manager when nothing more is owed; a new message from the member clears it.
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        permissions = [
            ("answer_messages", _("Can read and answer the messages of their assigned members")),
            ("supervise_messages", _("Can see every care manager's message queue (not the messages)")),
        ]
        indexes = [models.Index(fields=["member", "-last_message_at"], name="inbox_thread_member_recent")]

    def __str__(self) -> str:
        return self.subject


class Message(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    # The thread's member, kept on each message so the header's unread count is one indexed query.
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    from_member = models.BooleanField(_("from the member"))
    body = models.TextField(_("message"), max_length=BODY_MAX_LENGTH)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=False)
    # Read by its recipient (the member, or the care manager side). The sender opening the thread
    # changes nothing: each message has one reader whose state is kept.
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [
            models.Index(fields=["thread", "-created_at"], name="inbox_message_thread"),
            # Inbox and Sent Items in their order (inbox.selectors.box), to the id that breaks a
            # tie, so a page is read off the index: without the id PostgreSQL sorted the box.
            models.Index(fields=["member", "from_member", "-created_at", "-id"], name="inbox_message_box"),
            models.Index(
                fields=["member"],
                condition=Q(read_at__isnull=True, from_member=False),
                name="inbox_message_member_unread",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.thread_id}: {self.created_at:%Y-%m-%d %H:%M}"


class Attachment(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(storage=_attachment_storage, upload_to="inbox/%Y/%m/")
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.name


class MessageEmailPreference(models.Model):
    """A member who turned off the "new secure message" email (no row: they get it)."""

    member = models.OneToOneField(Member, on_delete=models.CASCADE, related_name="+")
    email_new_messages = models.BooleanField(_("email me when I have a new secure message"), default=True)

    class Meta:
        verbose_name = _("message email preference")
        verbose_name_plural = _("message email preferences")

    def __str__(self) -> str:
        return str(self.member_id)
