"""Eligibility and enrollment (MyServices' My Benefits) and the alerts of steps a member must take."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from members.models import Member
from portal.choices import ChoiceLabels
from portal.spans import DatedSpanQuerySet


class EligibilityStatus(models.TextChoices):
    ELIGIBLE = "eligible", _("Eligible")
    PENDING = "pending", pgettext_lazy("eligibility", "Pending")
    DENIED = "denied", _("Denied")
    TERMINATED = "terminated", _("Terminated")


class EnrollmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Enrolled")
    PENDING = "pending", pgettext_lazy("enrollment", "Pending")
    NOT_ENROLLED = "not_enrolled", _("Not enrolled")


class EligibilityQuerySet(DatedSpanQuerySet["EligibilitySpan"]):
    first_day_field = "effective_date"
    last_day_field = "end_date"


class EligibilitySpan(ChoiceLabels, models.Model):
    """A decision on one program (MassHealth Standard, CommonHealth, a Health Connector plan …)
    from a first day, with the member's enrollment in a health plan under it."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="eligibility_spans")
    program = models.CharField(_("program"), max_length=100)
    status = models.CharField(_("status"), max_length=20, choices=EligibilityStatus.choices)
    status_reason = models.CharField(_("status reason"), max_length=200, blank=True)
    effective_date = models.DateField(_("effective date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    renewal_due_date = models.DateField(_("renewal due date"), null=True, blank=True)
    plan_type = models.CharField(_("plan type"), max_length=100, blank=True)
    enrollment_status = models.CharField(
        _("enrollment status"), max_length=20, choices=EnrollmentStatus.choices
    )
    enrolled_plan = models.CharField(_("health plan"), max_length=100, blank=True)
    enrollment_date = models.DateField(_("enrollment date"), null=True, blank=True)

    objects = EligibilityQuerySet.as_manager()

    class Meta:
        verbose_name = _("eligibility span")
        verbose_name_plural = _("eligibility spans")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("effective_date")),
                name="eligibility_dates_in_order",
            ),
            models.UniqueConstraint(
                fields=["member", "program", "effective_date"], name="eligibility_natural_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.program} from {self.effective_date}"


class AlertKind(models.TextChoices):
    ACTION = "action", _("Action needed")
    EVENT = "event", _("Important event")


class Alert(models.Model):
    """An alert from the plan: a step the member must take, or an event they should know of.

    Its words are the portal's translated message for `message_key` (eligibility/alert_messages.py),
    never text from the plan's file. It is open until `resolved_date`.
    """

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="alerts")
    alert_id = models.CharField(_("alert ID"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=AlertKind.choices)
    message_key = models.CharField(_("message"), max_length=40)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    resolved_date = models.DateField(_("resolved date"), null=True, blank=True)

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        indexes = [
            models.Index(
                fields=["member", "due_date"],
                condition=models.Q(resolved_date__isnull=True),
                name="alert_open_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.message_key} alert {self.alert_id}"
