"""The plan's adjudicated claims: a header per claim (who, which provider, its status and the
totals of its lines) and its service lines, as the plan's claims system sends them nightly
(claims/importers.py). Members read them; nobody edits them in the portal."""

import re
from decimal import Decimal

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from members.models import Member
from portal.choices import ChoiceLabels
from portal.models import KeptPdf
from portal.text import fold_name

_WORD_BREAKS = re.compile("[\\s\\-\u2010\u2011/,&()]+")


def fold_words(value: str) -> str:
    """Each word of a name folded (portal.text.fold_name), each after a space: " ana garcia md".
    "Contains ' garc'" is then "a word of the name starts with garc", whatever the case or accents."""
    words = (fold_name(word) for word in _WORD_BREAKS.split(value))
    return "".join(f" {word}" for word in words if word)


# The amounts of a line and, summed, of its claim, in the order every page and file lists them.
AMOUNT_FIELDS = ("billed", "allowed", "plan_paid", "copay", "coinsurance", "deductible", "not_covered")
# What the member may owe the provider: their share of what the plan allowed, plus what the plan
# does not cover (docs/claims.md).
MEMBER_SHARE_FIELDS = ("copay", "coinsurance", "deductible", "not_covered")


class ClaimType(models.TextChoices):
    MEDICAL = "medical", _("Medical")
    PHARMACY = "pharmacy", _("Pharmacy")
    DENTAL = "dental", _("Dental")
    VISION = "vision", _("Vision")


class ClaimStatus(models.TextChoices):
    PAID = "paid", _("Paid")
    DENIED = "denied", _("Denied")
    PARTIALLY_PAID = "partially paid", _("Partially paid")
    PENDING = "pending", _("Pending")
    ADJUSTED = "adjusted", _("Adjusted")
    VOIDED = "voided", _("Voided")


# Each kind's list, as the Claims page's boxes and the list's tabs name it.
LIST_LABELS: dict[str, Promise] = {
    ClaimType.MEDICAL: _("Medical Claims"),
    ClaimType.PHARMACY: _("Pharmacy Claims"),
    ClaimType.DENTAL: _("Dental Claims"),
    ClaimType.VISION: _("Vision Claims"),
}

# A claim in one of these says how to appeal.
APPEALABLE = frozenset({ClaimStatus.DENIED, ClaimStatus.PARTIALLY_PAID})


class Amounts(ChoiceLabels, models.Model):
    """The seven amounts of a line, or of a claim (the sums of its lines); blank (None) where the
    plan has not said, as on a pending line: shown as "—", never as $0.00."""

    billed = models.DecimalField(_("Billed"), max_digits=12, decimal_places=2, null=True, blank=True)
    allowed = models.DecimalField(_("Allowed"), max_digits=12, decimal_places=2, null=True, blank=True)
    plan_paid = models.DecimalField(_("Plan paid"), max_digits=12, decimal_places=2, null=True, blank=True)
    copay = models.DecimalField(_("Copay"), max_digits=12, decimal_places=2, null=True, blank=True)
    coinsurance = models.DecimalField(
        _("Coinsurance"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    deductible = models.DecimalField(_("Deductible"), max_digits=12, decimal_places=2, null=True, blank=True)
    not_covered = models.DecimalField(
        _("Not covered"), max_digits=12, decimal_places=2, null=True, blank=True
    )

    class Meta:
        abstract = True

    @property
    def you_may_owe(self) -> Decimal | None:
        """Copay + coinsurance + deductible + not covered; None while none of them is known."""
        shares = [getattr(self, name) for name in MEMBER_SHARE_FIELDS]
        known = [share for share in shares if share is not None]
        return sum(known, Decimal("0.00")) if known else None


class Claim(Amounts):
    """One claim: its header fields from the file, and its lines' service dates and amounts
    summed (claims.importers refreshes them whenever a line changes)."""

    # No index of its own: claim_member_list_idx starts with the member.
    member = models.ForeignKey(
        Member, verbose_name=_("member"), on_delete=models.CASCADE, related_name="claims", db_index=False
    )
    claim_number = models.CharField(_("Claim number"), max_length=30, unique=True)
    claim_type = models.CharField(_("claim type"), max_length=10, choices=ClaimType.choices)
    status = models.CharField(_("Status"), max_length=15, choices=ClaimStatus.choices)
    billing_provider_npi = models.CharField(_("billing provider NPI"), max_length=10)
    billing_provider_name = models.CharField(_("Provider"), max_length=200)
    # The name's words folded (fold_words) for the Provider filter, which matches the start of
    # any word; compared among the member's own claims only (read through claim_member_list_idx).
    billing_provider_folded = models.CharField(max_length=250, editable=False, default="")
    rendering_provider_npi = models.CharField(_("rendering provider NPI"), max_length=10, blank=True)
    in_network = models.BooleanField(_("in network"))
    # Behavioral health, reproductive and sexual health, substance use: shown to the member only.
    sensitive = models.BooleanField(_("sensitive"), default=False)
    received_date = models.DateField(_("received"))
    paid_date = models.DateField(_("processed"), null=True, blank=True)
    # The first and last day of service over the claim's lines.
    service_from = models.DateField(_("service from"), null=True)
    service_to = models.DateField(_("service to"), null=True)

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        permissions = [("view_sensitive_claim", "Can view sensitive claims")]
        indexes = [
            # The claims list: one member's claims of one type, newest service first
            # (claims.selectors.claim_list; docs/claims.md has the plan).
            models.Index(
                "member",
                "claim_type",
                models.F("service_from").desc(),
                models.F("id").desc(),
                name="claim_member_list_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.claim_number

    @property
    def appealable(self) -> bool:
        return self.status in APPEALABLE

    def fold_provider(self) -> None:
        """Refresh the folded provider name from the name; the importer calls this."""
        self.billing_provider_folded = fold_words(self.billing_provider_name)


class ClaimLine(Amounts):
    """One service line of a claim: what was done, on which days, and what it cost whom."""

    # No index of its own: the natural key's unique index starts with the claim.
    claim = models.ForeignKey(
        Claim, verbose_name=_("claim"), on_delete=models.CASCADE, related_name="lines", db_index=False
    )
    line_number = models.PositiveIntegerField(_("Line"))
    service_from = models.DateField(_("service from"))
    service_to = models.DateField(_("service to"))
    procedure_code = models.CharField(_("Procedure code"), max_length=15)
    modifier = models.CharField(_("modifier"), max_length=10, blank=True)
    procedure_description = models.CharField(_("Description"), max_length=200, blank=True)
    diagnosis_codes = models.JSONField(_("diagnosis codes"), default=list, blank=True)
    units = models.DecimalField(_("Units"), max_digits=9, decimal_places=2, null=True, blank=True)
    line_status = models.CharField(_("Status"), max_length=15, choices=ClaimStatus.choices)
    denial_reason_code = models.CharField(_("denial reason code"), max_length=20, blank=True)
    denial_reason = models.CharField(_("Denial reason"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("claim line")
        verbose_name_plural = _("claim lines")
        ordering = ["claim_id", "line_number"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "line_number"], name="claim_line_natural_key"),
            models.CheckConstraint(
                condition=models.Q(service_to__gte=models.F("service_from")), name="claim_line_dates_in_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.claim_id} line {self.line_number}"


class EobPdf(KeptPdf):
    """A claim's explanation of benefits as last printed (claims.eob); its fingerprint is the
    hash of the HTML it was made from."""

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, related_name="eob_pdf")

    class Meta:
        verbose_name = _("explanation of benefits PDF")
        verbose_name_plural = _("explanation of benefits PDFs")

    def __str__(self) -> str:
        return f"EOB PDF for claim #{self.claim_id}"
