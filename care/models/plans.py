"""Care plans: what the member and their care manager agreed to work on (goals), the steps
towards each (activities, with their schedule in plain words) and the care manager's actions
(nursing interventions), some meant for the member and some internal."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from members.models import Member
from portal.choices import ChoiceLabels
from portal.dates import long_date


class CarePlanStatus(models.TextChoices):
    # Drafts are the care manager's work in progress: members see active and completed plans.
    DRAFT = "draft", _("Draft")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")


class GoalStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    MET = "met", _("Met")
    NOT_MET = "not_met", _("Not met")


class CarePlan(ChoiceLabels, models.Model):
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="care_plans")
    # The plan's own identifier in the care management system, matched on by the import.
    source_id = models.CharField(_("source ID"), max_length=64, unique=True, null=True, blank=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=CarePlanStatus.choices, default=CarePlanStatus.ACTIVE
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    care_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="care_plans",
        verbose_name=_("care manager"),
    )

    class Meta:
        verbose_name = _("care plan")
        verbose_name_plural = _("care plans")
        ordering = ["member", "-start_date"]
        indexes = [models.Index(fields=["member", "status", "-start_date"], name="care_plan_member_status")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="care_plan_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class CareGoal(ChoiceLabels, models.Model):
    plan = models.ForeignKey(CarePlan, on_delete=models.CASCADE, related_name="goals")
    description = models.CharField(_("goal"), max_length=300)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=GoalStatus.choices, default=GoalStatus.NOT_STARTED
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["plan", "position", "id"]

    def __str__(self) -> str:
        return self.description

    def target(self) -> str:
        """ "Target date: May 1, 2026" in the active language; "" when the goal has none."""
        if self.target_date is None:
            return ""
        return gettext("Target date: %(date)s") % {"date": long_date(self.target_date)}


class CareActivity(models.Model):
    """A step towards a goal, in words the member understands ("Walk 20 minutes") with its
    schedule ("3 times a week")."""

    goal = models.ForeignKey(CareGoal, on_delete=models.CASCADE, related_name="activities")
    description = models.CharField(_("activity"), max_length=300)
    schedule = models.CharField(_("schedule"), max_length=200, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["goal", "position", "id"]

    def __str__(self) -> str:
        return self.description


class NursingIntervention(models.Model):
    """An action the care manager took, with a note. Internal ones are for staff only."""

    plan = models.ForeignKey(CarePlan, on_delete=models.CASCADE, related_name="interventions")
    date = models.DateField(_("date"))
    action = models.CharField(_("action"), max_length=300)
    note = models.TextField(_("note"), blank=True)
    internal = models.BooleanField(
        _("internal"), default=False, help_text=_("Internal notes are never shown to the member.")
    )

    class Meta:
        verbose_name = _("nursing intervention")
        verbose_name_plural = _("nursing interventions")
        ordering = ["plan", "-date", "-id"]

    def __str__(self) -> str:
        return self.action
