"""ID cards: orders for a mailed copy of the card, and each member's last printed card (PDF).

What the card shows is not stored: it is derived from the member, coverage and PCP records
(idcards/cards.py). An order keeps a snapshot of the mailing address it goes to, because the
card printer mails to where the member asked, even if the address changes afterwards.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models import Member
from portal.models import KeptPdf


class OrderStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    MAILED = "mailed", _("Mailed")


class IdCardOrder(models.Model):
    """A member's request for a plastic ID card in the mail: requested → mailed."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="idcard_orders")
    status = models.CharField(
        _("status"), max_length=10, choices=OrderStatus.choices, default=OrderStatus.REQUESTED
    )
    line1 = models.CharField(_("address line 1"), max_length=200)
    line2 = models.CharField(_("address line 2"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100)
    state = models.CharField(_("state"), max_length=2)
    zip_code = models.CharField(_("ZIP code"), max_length=10)
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    mailed_at = models.DateTimeField(_("mailed"), null=True, blank=True)
    mailed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mailed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("ID card order")
        verbose_name_plural = _("ID card orders")
        ordering = ["requested_at", "id"]
        constraints = [
            # One open order per member: a second order, or a form submitted twice, finds the
            # open one instead of creating another.
            models.UniqueConstraint(
                fields=["member"],
                condition=models.Q(status=OrderStatus.REQUESTED),
                name="idcard_order_one_open_per_member",
            ),
        ]
        indexes = [models.Index(fields=["status", "requested_at"], name="idcard_order_status_idx")]

    def __str__(self) -> str:
        return f"ID card order #{self.pk} ({self.status})"


class IdCardPdf(KeptPdf):
    """The member's card as last printed. Its fingerprint is idcards.cards.IdCard.fingerprint:
    when the card's data changes the fingerprint does too, and the PDF is rendered afresh."""

    member = models.OneToOneField(Member, on_delete=models.CASCADE, related_name="idcard_pdf")

    class Meta:
        verbose_name = _("ID card PDF")
        verbose_name_plural = _("ID card PDFs")

    def __str__(self) -> str:
        return f"ID card PDF for member #{self.member_id}"
