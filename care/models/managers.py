"""Care managers: staff users with the "Care manager" role, how members reach them, and which one
is assigned to each member over time."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from members.models import Member
from portal.registry import CARE_MANAGER
from portal.spans import DatedSpanQuerySet

# The users a member may be assigned to: staff in the Care manager group.
CARE_MANAGERS = models.Q(is_staff=True, groups__name=CARE_MANAGER)


class CareManagerContact(models.Model):
    """How members reach a care manager: a direct phone line (the name is the user's)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="care_manager_contact",
        limit_choices_to=CARE_MANAGERS,
        verbose_name=_("care manager"),
    )
    phone = models.CharField(_("phone"), max_length=20, help_text=_("Stored as +1 and ten digits."))
    extension = models.CharField(_("extension"), max_length=10, blank=True)

    class Meta:
        verbose_name = _("care manager's contact")
        verbose_name_plural = _("care managers' contacts")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.phone}"


class CareManagerAssignmentQuerySet(DatedSpanQuerySet["CareManagerAssignment"]):
    first_day_field = "effective_from"
    last_day_field = "effective_to"


class CareManagerAssignment(models.Model):
    """One period during which a care manager was (or will be) assigned to a member.

    `effective_to` is the last day, inclusive. A member's periods never overlap (checked by the
    admin form and the import, like PCP assignments); the database holds that at most one is
    open-ended, so a member has at most one current care manager.
    """

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="care_manager_assignments")
    care_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="care_manager_assignments",
        limit_choices_to=CARE_MANAGERS,
        verbose_name=_("care manager"),
    )
    effective_from = models.DateField(_("effective from"))
    effective_to = models.DateField(_("effective to"), null=True, blank=True)

    objects = CareManagerAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("care manager assignment")
        verbose_name_plural = _("care manager assignments")
        ordering = ["member", "-effective_from"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(effective_to__isnull=True)
                | models.Q(effective_to__gte=models.F("effective_from")),
                name="care_manager_assignment_dates_in_order",
                violation_error_message=_("The last day cannot be before the first day."),
            ),
            models.UniqueConstraint(
                fields=["member"],
                condition=models.Q(effective_to__isnull=True),
                name="care_manager_assignment_one_open_per_member",
            ),
            models.UniqueConstraint(
                fields=["member", "effective_from"], name="care_manager_assignment_natural_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member_id} → {self.care_manager_id} from {self.effective_from}"
