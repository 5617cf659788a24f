"""MyServices' My Documents (documents a member sent and requests for information, RFIs) and
My Notices (the eligibility notices the plan sent, as PDFs)."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from members.models import Member
from portal.choices import ChoiceLabels
from portal.dates import long_date


class DocumentKind(models.TextChoices):
    SENT_BY_MEMBER = "sent_by_member", _("Sent by you")
    REQUEST_FOR_INFORMATION = "request_for_information", _("Request for information")


class DocumentStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    RECEIVED = "received", _("Received")
    UNDER_REVIEW = "under_review", _("Under review")
    ACCEPTED = "accepted", _("Accepted")
    MORE_INFORMATION_NEEDED = "more_information_needed", _("More information needed")


class Document(ChoiceLabels, models.Model):
    """A document the member sent, or one the plan asked for (an RFI), and where it stands."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="documents")
    document_id = models.CharField(_("document ID"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=DocumentKind.choices)
    title = models.CharField(_("title"), max_length=200)
    requested_date = models.DateField(_("requested"), null=True, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    received_date = models.DateField(_("received"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=30, choices=DocumentStatus.choices)
    status_reason = models.CharField(_("status reason"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        indexes = [models.Index(fields=["member", "kind"], name="document_member_idx")]

    def __str__(self) -> str:
        return f"document {self.document_id}"


class Notice(models.Model):
    """An eligibility notice the plan sent the member: its PDF, stored as the plan sent it."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="notices")
    notice_id = models.CharField(_("notice ID"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=200)
    notice_date = models.DateField(_("notice date"))
    kind = models.CharField(_("kind"), max_length=50, blank=True)
    language = models.CharField(_("language"), max_length=10, default="en")
    # The name in the notices storage (documents/files.py): the content's SHA-256, so it says
    # nothing of the member.
    file = models.CharField(_("stored file"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    # When the member (or their head of household) first opened it.
    read_at = models.DateTimeField(_("first opened"), null=True, blank=True)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        indexes = [models.Index(fields=["member", "-notice_date"], name="notice_member_date_idx")]

    def __str__(self) -> str:
        return f"notice {self.notice_id}"

    def sent(self) -> str:
        """ "Sent May 1, 2026" in the active language (My Notices' rows, documents/notice_rows.jinja)."""
        return gettext("Sent %(date)s") % {"date": long_date(self.notice_date)}
