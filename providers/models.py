"""The plan's provider directory and each member's primary care provider (PCP) history."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Left, Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models import Member
from portal.choices import ChoiceLabels
from portal.spans import DatedSpanQuerySet
from portal.text import fold_name


class Gender(models.TextChoices):
    FEMALE = "F", _("Female")
    MALE = "M", _("Male")
    NONBINARY = "X", _("Nonbinary")
    UNKNOWN = "U", _("Not specified")


class Provider(ChoiceLabels, models.Model):
    """A doctor or clinician in the plan's network, identified by NPI."""

    npi = models.CharField(_("NPI"), max_length=10, unique=True)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices, default=Gender.UNKNOWN)
    specialty = models.CharField(_("specialty"), max_length=100)
    is_primary_care = models.BooleanField(_("primary care"), default=False)
    accepting_new_patients = models.BooleanField(_("accepting new patients"), default=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    clinic_name = models.CharField(_("clinic"), max_length=200, blank=True)
    address_line1 = models.CharField(_("address"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    county = models.CharField(_("county"), max_length=50, blank=True)
    state = models.CharField(_("state"), max_length=2, blank=True)
    zip_code = models.CharField(_("ZIP code"), max_length=10, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    # Folded copies (no case, accents or punctuation) that the directory search compares, so
    # a plain prefix index serves "gar" → García. The "C" collation lets one B-tree index serve
    # both the prefix LIKE and the ORDER BY of a results page; migration 0002 sets it on
    # PostgreSQL, where Django has no per-database collation (see docs/providers.md).
    first_name_folded = models.CharField(max_length=100, editable=False, default="")
    last_name_folded = models.CharField(max_length=100, editable=False, default="")

    class Meta:
        verbose_name = _("provider")
        verbose_name_plural = _("providers")
        ordering = ["last_name", "first_name", "npi"]
        # Each index serves one shape of the Change PCP search, in the order a results page
        # is listed (providers.selectors.provider_search, pcp_search), so a page reads ~20 index
        # entries.
        indexes = [
            models.Index(
                fields=["last_name_folded", "first_name_folded", "id"], name="provider_last_first_idx"
            ),
            models.Index(
                fields=["first_name_folded", "last_name_folded", "id"], name="provider_first_last_idx"
            ),
            models.Index(
                Upper("county"),
                "last_name_folded",
                "first_name_folded",
                "id",
                name="provider_county_name_idx",
            ),
            models.Index(
                Upper("city"), "last_name_folded", "first_name_folded", "id", name="provider_city_name_idx"
            ),
            models.Index(
                Left("zip_code", 5),
                "last_name_folded",
                "first_name_folded",
                "id",
                name="provider_zip_name_idx",
            ),
            models.Index(
                fields=["specialty", "last_name_folded", "first_name_folded", "id"],
                name="provider_specialty_name_idx",
            ),
            # Language spoken: one partial index per language the portal speaks (but English),
            # provider_speaks_<code>_idx, made by migration 0003 on PostgreSQL only: Django
            # cannot state a JSON containment that SQLite would accept.
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name} ({self.npi})"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def fold_names(self) -> None:
        """Refresh the folded search columns from the names; importers and admin call this."""
        self.first_name_folded = fold_name(self.first_name)
        self.last_name_folded = fold_name(self.last_name)


class PcpAssignmentQuerySet(DatedSpanQuerySet["PcpAssignment"]):
    first_day_field = "effective_from"
    last_day_field = "effective_to"


class PcpAssignment(models.Model):
    """One period during which a provider was (or will be) a member's PCP.

    `effective_to` is the last day, inclusive; an open-ended row is the latest assignment,
    and a member has at most one.
    """

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="pcp_assignments")
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="pcp_assignments")
    effective_from = models.DateField(_("effective from"))
    effective_to = models.DateField(_("effective to"), null=True, blank=True)

    objects = PcpAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("PCP assignment")
        verbose_name_plural = _("PCP assignments")
        ordering = ["member", "-effective_from"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(effective_to__isnull=True)
                | models.Q(effective_to__gte=models.F("effective_from")),
                name="pcp_assignment_dates_in_order",
            ),
            models.UniqueConstraint(
                fields=["member"],
                condition=models.Q(effective_to__isnull=True),
                name="pcp_assignment_one_open_per_member",
            ),
            models.UniqueConstraint(fields=["member", "effective_from"], name="pcp_assignment_natural_key"),
        ]

    def __str__(self) -> str:
        return f"{self.member_id} → {self.provider_id} from {self.effective_from}"


class PcpChangeReason(models.TextChoices):
    """Why a member asks for a new PCP; the plan's systems keep the code."""

    MEMBER_REQUEST = "member_request", _("Member Request")
    TOO_FAR = "too_far", _("Provider is too far away")
    LANGUAGE = "language", _("Language needs")
    PROVIDER_LEFT = "provider_left", _("Provider left the network")
    CONTINUITY = "continuity", _("Continuity of care")
    OTHER = "other", _("Other")


class PcpChangeStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    REPLACED = "replaced", _("Replaced by a later request")


class PcpChangeRequest(models.Model):
    """A member's Change PCP request, kept for staff; the PcpAssignment rows are what it changed.

    A later request for the same effective date replaces the earlier one (status "replaced").
    """

    member = models.ForeignKey(
        Member, verbose_name=_("member"), on_delete=models.CASCADE, related_name="pcp_change_requests"
    )
    old_provider = models.ForeignKey(
        Provider,
        verbose_name=_("old provider"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    new_provider = models.ForeignKey(
        Provider, verbose_name=_("new provider"), on_delete=models.PROTECT, related_name="pcp_change_requests"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=PcpChangeReason.choices)
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    effective_date = models.DateField(_("effective date"))
    status = models.CharField(
        _("status"), max_length=10, choices=PcpChangeStatus.choices, default=PcpChangeStatus.REQUESTED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("PCP change request")
        verbose_name_plural = _("PCP change requests")
        ordering = ["-requested_at"]
        indexes = [models.Index(fields=["member", "-requested_at"], name="pcp_change_member_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "effective_date"],
                condition=models.Q(status="requested"),
                name="pcp_change_one_live_per_date",
            ),
        ]

    def __str__(self) -> str:
        return f"PCP change #{self.pk} for member #{self.member_id} from {self.effective_date}"
