"""Grievances and appeals (42 CFR 438 Subpart F): a member's case and its append-only history.

A case holds what 42 CFR 438.416 asks the plan to keep: the member, the reason (what the member
wrote), the date received, the date of each review (its events), the result and its date.
"""

import datetime
import uuid
from typing import Any

from django.conf import settings
from django.core.files.storage import Storage, storages
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from appeals.rules import last_day
from authorizations.models import Authorization
from members.models import Member
from portal.choices import ChoiceLabels
from portal.dates import long_date, long_datetime

# What the member writes: enough for a full account, not a document (files carry those).
TEXT_LIMIT = 4000


class CaseKind(models.TextChoices):
    APPEAL = "appeal", _("Appeal")
    GRIEVANCE = "grievance", _("Grievance")


class CaseStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    IN_REVIEW = "in review", _("In review")
    EXTENDED = "extended", _("Extended")
    RESOLVED = "resolved", _("Resolved")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# A case in one of these is closed: nothing more is owed, nothing can be withdrawn.
CLOSED = (CaseStatus.RESOLVED, CaseStatus.WITHDRAWN)


class GrievanceCategory(models.TextChoices):
    QUALITY = "quality of care", _("Quality of care")
    ACCESS = "access", _("Access to care or an appointment")
    SERVICE = "customer service", _("Customer service")
    BILL = "bill", _("A bill")
    OTHER = "other", _("Something else")


class Outcome(models.TextChoices):
    UPHELD = "upheld", _("Denial upheld")
    OVERTURNED = "overturned", _("Denial overturned")
    PARTLY_OVERTURNED = "partly overturned", _("Denial partly overturned")


class Case(ChoiceLabels, models.Model):
    """One appeal or grievance, from its filing to its resolution or withdrawal."""

    reference = models.CharField(_("reference number"), max_length=20, unique=True)
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="appeal_cases", db_index=False)
    kind = models.CharField(_("type"), max_length=20, choices=CaseKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.RECEIVED
    )
    # Appeals: the adverse decision appealed, and whether the member asked for an expedited one.
    authorization = models.ForeignKey(
        Authorization, on_delete=models.CASCADE, null=True, blank=True, related_name="appeal_cases"
    )
    expedited = models.BooleanField(_("expedited"), default=False)
    # Grievances: what it is about, when it happened, the provider if any.
    category = models.CharField(_("category"), max_length=30, choices=GrievanceCategory.choices, blank=True)
    occurred_on = models.DateField(_("when it happened"), null=True, blank=True)
    provider_name = models.CharField(_("provider"), max_length=200, blank=True)
    description = models.TextField(_("reason"), max_length=TEXT_LIMIT)
    contact_phone = models.CharField(_("contact phone"), max_length=20, blank=True)
    received_at = models.DateTimeField(_("received"))
    # The moments the plan's time frames end (appeals/rules.py), kept so the queue sorts on them.
    acknowledge_by = models.DateTimeField(_("acknowledge by"))
    resolve_by = models.DateTimeField(_("resolve by"))
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    extension_reason = models.TextField(_("extension reason"), blank=True)
    outcome = models.CharField(_("result"), max_length=20, choices=Outcome.choices, blank=True)
    resolution_reason = models.TextField(_("reason for the result"), blank=True)
    resolved_at = models.DateTimeField(_("result date"), null=True, blank=True)
    # The member's form's one-time token: a second submit of the same form finds this case.
    filing_token = models.UUIDField(_("filing token"), default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("grievance or appeal")
        verbose_name_plural = _("grievances and appeals")
        indexes = [
            # The member's two lists, newest first.
            models.Index("member", "kind", models.F("received_at").desc(), name="appeal_case_list"),
            # The staff queue: open cases by nearest deadline (an index scan at any size).
            models.Index(
                "resolve_by",
                name="appeal_case_queue",
                condition=~models.Q(status__in=["resolved", "withdrawn"]),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="grievance") | models.Q(authorization__isnull=False),
                name="appeal_case_appeal_has_decision",
            ),
            models.CheckConstraint(
                condition=models.Q(kind="appeal") | ~models.Q(category=""),
                name="appeal_case_grievance_has_category",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="resolved")
                | (
                    models.Q(resolved_at__isnull=False) & (models.Q(kind="grievance") | ~models.Q(outcome=""))
                ),
                name="appeal_case_resolved_has_result",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def open(self) -> bool:
        return self.status not in CLOSED

    @property
    def acknowledge_last_day(self) -> datetime.date:
        return last_day(self.acknowledge_by)

    @property
    def resolve_last_day(self) -> datetime.date:
        """The last day of a time frame in days (an expedited appeal's moment is resolve_by)."""
        return last_day(self.resolve_by)

    def next_owed(self) -> str:
        """ "Next date we owe you", in the active language: the list's column and the case page."""
        if not self.open:
            return gettext("Nothing: the case is closed")
        if not self.acknowledged_at:
            return gettext("Acknowledgement by %(date)s") % {"date": long_date(self.acknowledge_last_day)}
        # An expedited appeal's time frame is in hours, so its moment; the others' a last day.
        due = long_datetime(self.resolve_by) if self.expedited else long_date(self.resolve_last_day)
        return gettext("Decision by %(date)s") % {"date": due}


class EventKind(models.TextChoices):
    RECEIVED = "received", _("Received")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    ASSIGNED = "assigned", _("Assigned for review")
    EXTENDED = "extended", _("Time frame extended")
    RESOLVED = "resolved", _("Resolved")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# The events that send the member a letter.
LETTER_EVENTS = (EventKind.ACKNOWLEDGED, EventKind.EXTENDED, EventKind.RESOLVED)


class CaseEvent(ChoiceLabels, models.Model):
    """One step of a case's history. Append-only: services create them, nothing updates them."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("event"), max_length=20, choices=EventKind.choices)
    at = models.DateTimeField(_("date"))
    # The reason shown to the member (an extension's or a result's), or staff's note.
    note = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["at", "id"]  # the history as it happened, for the member and for staff
        indexes = [models.Index("case", "at", name="appeal_event_history")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The history is a record (42 CFR 438.416): an event is written once, never changed.
        if self.pk is not None:
            raise ValueError("case events are append-only")
        super().save(*args, **kwargs)

    @property
    def has_letter(self) -> bool:
        return self.kind in LETTER_EVENTS


def case_file_path(instance: "CaseFile | None", filename: str) -> str:
    # Random names: the stored path says nothing of the member or of the file's own name.
    return uuid.uuid4().hex


def case_file_storage() -> Storage:
    """Where supporting files live: settings.STORAGES["appeals"], never under a public URL."""
    return storages["appeals"]


class CaseFile(models.Model):
    """A supporting file the member sent with the case (PDF, JPEG or PNG, checked by content)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="files")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    file = models.FileField(_("file"), storage=case_file_storage, upload_to=case_file_path)
    name = models.CharField(_("name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=40)
    size = models.PositiveIntegerField(_("size"))

    class Meta:
        verbose_name = _("supporting file")
        verbose_name_plural = _("supporting files")

    def __str__(self) -> str:
        return self.name
