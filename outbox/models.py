"""The outbox: one row per email the portal sends, written in the transaction that causes it.

The row is the source of truth; Celery only carries its id. A row that the broker never saw,
or whose worker died, is picked up again by the sweep (outbox.services.outbox_sweep).
"""

import uuid
from email.utils import parseaddr

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def _new_message_id() -> str:
    # Stable for the life of the row: a retry after an unknown outcome carries the same
    # Message-ID, so a receiving server can drop the duplicate.
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return f"<{uuid.uuid4().hex}@{domain}>"


class EmailStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class Email(models.Model):
    """One email to one address, rendered when queued and sent by a worker."""

    Status = EmailStatus

    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField(_("text body"))
    body_html = models.TextField(_("HTML body"))
    template = models.CharField(_("template"), max_length=100)
    language = models.CharField(_("language"), max_length=10)
    member = models.ForeignKey(
        "members.Member",
        verbose_name=_("member"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="emails_sent",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=EmailStatus.choices, default=EmailStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"))
    dispatched_at = models.DateTimeField(_("last handed to the broker"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("claimed by a worker"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # The exception class and SMTP code/message only: never the body or the address.
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    message_id = models.CharField(_("Message-ID"), max_length=200, unique=True, default=_new_message_id)

    class Meta:
        verbose_name = _("email")
        verbose_name_plural = _("emails")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="email_sweep_idx")]

    def __str__(self) -> str:
        return f"{self.template} #{self.pk}"
