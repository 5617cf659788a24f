"""Assessments: questionnaires (FHIR R4 Questionnaire resources, imported by staff), each member's
copy to fill in with its answers, and the task a finished one gives the care manager."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from care.texts import localized
from members.models import Member


class Questionnaire(models.Model):
    """One version of a FHIR Questionnaire. `resource` is the JSON as imported (what the
    QuestionnaireResponse refers to); `items` is its item tree read once at import
    (care/questionnaires.py), with every language's text."""

    url = models.URLField(_("canonical URL"), max_length=300)
    version = models.CharField(_("version"), max_length=64)
    title = models.CharField(_("title"), max_length=200)
    title_translations = models.JSONField(_("title in other languages"), default=dict, blank=True)
    resource = models.JSONField(_("FHIR resource"))
    items = models.JSONField(_("items"))
    imported_at = models.DateTimeField(_("imported"), auto_now=True)

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering = ["url", "-imported_at"]
        constraints = [models.UniqueConstraint(fields=["url", "version"], name="questionnaire_url_version")]

    def __str__(self) -> str:
        return f"{self.title} ({self.version})"

    def title_in(self, language: str) -> str:
        return localized(self.title_translations, language) or self.title


class AssessmentStatus(models.TextChoices):
    TO_DO = "to_do", _("To do")
    IN_PROGRESS = "in_progress", _("In progress")
    FINISHED = "finished", _("Finished")


class Assessment(models.Model):
    """A questionnaire assigned to a member, with what they answered so far.

    `answers` maps each question's linkId to its answer (a list of values: one for most
    questions, several for a choice that allows more than one).
    """

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="assessments")
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.PROTECT, related_name="assessments")
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=20, choices=AssessmentStatus.choices, default=AssessmentStatus.TO_DO
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    assigned_at = models.DateTimeField(_("assigned"), auto_now_add=True)
    saved_at = models.DateTimeField(_("last saved"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["member", "due_date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "questionnaire", "due_date"], name="assessment_natural_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.questionnaire_id} for {self.member_id}, due {self.due_date}"


class CareManagerTask(models.Model):
    """A finished assessment waiting for its care manager to review it. One per assessment, so a
    second Finish cannot make a second task."""

    assessment = models.OneToOneField(Assessment, on_delete=models.CASCADE, related_name="task")
    care_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="care_tasks",
        verbose_name=_("care manager"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)

    class Meta:
        verbose_name = _("care manager task")
        verbose_name_plural = _("care manager tasks")
        ordering = ["done_at", "-created_at"]

    def __str__(self) -> str:
        return f"Review assessment {self.assessment_id}"
