"""Staff admin for care management: care manager assignments and contacts, care plans (goals and
interventions inline, a goal's activities inline on the goal), questionnaires, members'
assessments (answers read-only, downloadable as a FHIR QuestionnaireResponse) and the care
managers' task queue."""

import datetime

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from care import assessment_admin  # noqa: F401  (registers the assessments' admin)
from care.admin_search import MemberSearch
from care.models import (
    CareActivity,
    CareGoal,
    CareManagerAssignment,
    CareManagerContact,
    CarePlan,
    NursingIntervention,
)
from portal.forms import PlainTextModelForm
from portal.phones import PhoneNumberField


class CareManagerAssignmentForm(PlainTextModelForm):
    class Meta:
        model = CareManagerAssignment
        fields = ["member", "care_manager", "effective_from", "effective_to"]

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        member, first, last = (cleaned.get(name) for name in ("member", "effective_from", "effective_to"))
        if not isinstance(first, datetime.date) or not isinstance(last, datetime.date | None):
            return cleaned
        if last is not None and last < first:
            return cleaned  # the model's constraint says so
        others = CareManagerAssignment.objects.filter(member=member).exclude(pk=self.instance.pk)
        if member is not None and others.overlapping(first, last).exists():
            raise forms.ValidationError(
                _("This member already has a care manager on some of these days: end that assignment first.")
            )
        return cleaned


@admin.register(CareManagerAssignment)
class CareManagerAssignmentAdmin(MemberSearch):
    form = CareManagerAssignmentForm
    list_display = ["member", "care_manager", "effective_from", "effective_to"]
    list_select_related = ["member", "care_manager"]
    ordering = ["member_id", "-effective_from"]


class CareManagerContactForm(PlainTextModelForm):
    phone = PhoneNumberField(label=_("phone"))

    class Meta:
        model = CareManagerContact
        fields = ["user", "phone", "extension"]


@admin.register(CareManagerContact)
class CareManagerContactAdmin(admin.ModelAdmin):
    form = CareManagerContactForm
    list_display = ["user", "phone", "extension"]
    list_select_related = ["user"]


class GoalInline(admin.TabularInline):
    model = CareGoal
    form = PlainTextModelForm
    fields = ["position", "description", "target_date", "status"]
    extra = 1
    show_change_link = True  # a goal's own page holds its activities


class InterventionInline(admin.StackedInline):
    model = NursingIntervention
    form = PlainTextModelForm
    fields = ["date", "action", "note", "internal"]
    extra = 1


@admin.register(CarePlan)
class CarePlanAdmin(MemberSearch):
    form = PlainTextModelForm
    list_display = ["title", "member", "status", "start_date", "end_date", "care_manager"]
    list_filter = ["status"]
    list_select_related = ["member", "care_manager"]
    ordering = ["member_id", "-start_date"]
    raw_id_fields = ["member"]
    inlines = [GoalInline, InterventionInline]


class ActivityInline(admin.TabularInline):
    model = CareActivity
    form = PlainTextModelForm
    fields = ["position", "description", "schedule", "start_date", "end_date"]
    extra = 1


@admin.register(CareGoal)
class CareGoalAdmin(admin.ModelAdmin):
    form = PlainTextModelForm
    list_display = ["description", "plan", "status", "target_date"]
    list_select_related = ["plan"]
    raw_id_fields = ["plan"]
    show_full_result_count = False
    sortable_by = ()
    search_fields = ["=plan__member__member_id"]
    search_help_text = _("Member ID.")
    inlines = [ActivityInline]

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[CareGoal], search_term: str
    ) -> tuple[QuerySet[CareGoal], bool]:
        term = search_term.strip()
        if not term:
            return queryset, False
        return queryset.filter(plan__member__member_id__in=[term, term.upper()]), False
