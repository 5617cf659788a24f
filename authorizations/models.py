"""Referrals and prior authorizations: what the plan was asked to cover, and what it decided."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from members.models import Member
from portal.choices import ChoiceLabels


class Kind(models.TextChoices):
    REFERRAL = "referral", _("Referral")
    AUTHORIZATION = "authorization", _("Authorization")


class Priority(models.TextChoices):
    STANDARD = "standard", _("Standard")
    EXPEDITED = "expedited", _("Expedited")


class Decision(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    PARTIALLY_APPROVED = "partially approved", _("Partially approved")
    DENIED = "denied", _("Denied")
    CANCELLED = "cancelled", _("Cancelled")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# The decisions a member may appeal: an adverse benefit determination, whole or in part.
ADVERSE = (Decision.DENIED, Decision.PARTIALLY_APPROVED)


class Authorization(ChoiceLabels, models.Model):
    """One referral or prior authorization request, as the plan's utilization management system
    sends it (docs/csv-formats.md, *Authorizations*)."""

    # The opaque id links and other apps use (the appeal form's ?authorization=): random, so it
    # says nothing about the member or the request.
    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    authorization_number = models.CharField(_("authorization number"), max_length=30, unique=True)
    # No index of its own: authorization_list starts with the member and also hands the rows
    # over in the list's order.
    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="authorizations", db_index=False
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    requesting_provider_npi = models.CharField(_("requesting provider NPI"), max_length=10, blank=True)
    requesting_provider_name = models.CharField(_("requesting provider"), max_length=200, blank=True)
    servicing_provider_npi = models.CharField(_("servicing provider NPI"), max_length=10, blank=True)
    servicing_provider_name = models.CharField(_("servicing provider"), max_length=200, blank=True)
    service_description = models.CharField(_("service"), max_length=300)
    procedure_codes = models.JSONField(_("procedure codes"), default=list, blank=True)
    units_requested = models.PositiveIntegerField(_("units requested"), null=True, blank=True)
    units_approved = models.PositiveIntegerField(_("units approved"), null=True, blank=True)
    priority = models.CharField(_("priority"), max_length=20, choices=Priority.choices)
    requested_date = models.DateField(_("requested date"))
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    denial_reason = models.TextField(_("denial reason"), blank=True)
    # Behavioral health, substance use, reproductive or HIV care: shown only to the member.
    sensitive = models.BooleanField(_("sensitive"), default=False)

    class Meta:
        verbose_name = _("referral or authorization")
        verbose_name_plural = _("referrals and authorizations")
        indexes = [
            # The member's list, newest first, paged by (requested_date, id): one index range.
            models.Index(
                "member", models.F("requested_date").desc(), models.F("id").desc(), name="authorization_list"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decision="pending") | models.Q(decision_date__isnull=False),
                name="authorization_decided_on_a_date",
            ),
            models.CheckConstraint(
                # A partial approval denies the rest: it carries its reason too.
                condition=~models.Q(decision__in=ADVERSE) | ~models.Q(denial_reason=""),
                name="authorization_denial_has_reason",
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="authorization_dates_in_order",
            ),
            models.CheckConstraint(
                condition=models.Q(decision_date__isnull=True)
                | models.Q(decision_date__gte=models.F("requested_date")),
                name="authorization_decided_after_request",
            ),
        ]

    def __str__(self) -> str:
        return self.authorization_number

    @property
    def adverse(self) -> bool:
        """Denied, whole or in part: the member may appeal."""
        return self.decision in ADVERSE
