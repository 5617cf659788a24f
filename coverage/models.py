"""Coverage spans: the programs and plans a member is enrolled in, and when."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from members.models import Member
from portal.spans import DatedSpanQuerySet


class CoverageQuerySet(DatedSpanQuerySet["Coverage"]):
    """Active coverage is in effect today (`in_effect_on`); inactive coverage `ended_before` today."""

    first_day_field = "effective_date"
    last_day_field = "end_date"


class Coverage(models.Model):
    """A span of enrollment in one program and plan (e.g. Medi-Cal, Alliance Medi-Cal)."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="coverages")
    program = models.CharField(_("program"), max_length=100)
    plan = models.CharField(_("plan"), max_length=100)
    effective_date = models.DateField(_("effective date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)

    objects = CoverageQuerySet.as_manager()

    class Meta:
        verbose_name = _("coverage span")
        verbose_name_plural = _("coverage spans")
        ordering = ["member", "-effective_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("effective_date")),
                name="coverage_dates_in_order",
            ),
            models.UniqueConstraint(
                fields=["member", "program", "plan", "effective_date"],
                name="coverage_natural_key",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.program} / {self.plan} from {self.effective_date}"
