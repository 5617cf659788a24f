"""Staff admin for assessments: questionnaires (loaded by import_questionnaire, read-only here),
members' assessments (answers read-only, downloadable as a FHIR QuestionnaireResponse), the care
managers' task queue, and the "Assign an assessment" action on a selection of members."""

import datetime
import json

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from audit.services import audit_record
from care.admin_search import MemberSearch
from care.audit_actions import RESPONSE_DOWNLOADED
from care.models import Assessment, CareManagerTask, Questionnaire
from members.models import Member
from portal.forms import PlainTextForm


def questionnaire_response(assessment: Assessment) -> dict[str, object]:
    """The assessment's answers as a FHIR QuestionnaireResponse resource."""
    from care.questionnaires import response_resource  # loads the FHIR models only when asked

    questionnaire = assessment.questionnaire
    return response_resource(
        url=questionnaire.url,
        version=questionnaire.version,
        items=questionnaire.items,
        answers=assessment.answers,
        finished=assessment.finished_at,
        member_id=assessment.member.member_id,
        identifier_system=f"{settings.PLAN.website}/member-id",
    )


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ["title", "version", "url", "imported_at"]
    readonly_fields = ["url", "version", "title", "title_translations", "resource", "imported_at"]
    exclude = ["items"]
    search_fields = ["title", "url"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # manage.py import_questionnaire checks the FHIR file

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Assessment)
class AssessmentAdmin(MemberSearch):
    list_display = ["member", "questionnaire", "due_date", "status", "saved_at", "finished_at"]
    list_filter = ["status"]
    list_select_related = ["member", "questionnaire"]
    ordering = ["member_id", "due_date"]
    fields = [
        "member",
        "questionnaire",
        "due_date",
        "status",
        "saved_at",
        "finished_at",
        "answers",
        "download",
    ]
    readonly_fields = ["status", "saved_at", "finished_at", "answers", "download"]

    def get_readonly_fields(self, request: HttpRequest, obj: Assessment | None = None) -> list[str]:
        # The member's answers are theirs: staff assign an assessment, never edit it.
        return (
            [*self.readonly_fields, "member", "questionnaire", "due_date"]
            if obj
            else list(self.readonly_fields)
        )

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False if obj is not None else super().has_change_permission(request, obj)

    @admin.display(description=_("FHIR QuestionnaireResponse"))
    def download(self, obj: Assessment) -> str:
        if obj.pk is None:
            return "—"
        url = reverse("admin:care_assessment_response", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download the answers (JSON)"))

    def get_urls(self) -> list[URLPattern]:
        download = path(
            "<int:pk>/questionnaire-response.json",
            self.admin_site.admin_view(self.response_view),
            name="care_assessment_response",
        )
        return [download, *super().get_urls()]

    def response_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        assessment = get_object_or_404(Assessment.objects.select_related("questionnaire", "member"), pk=pk)
        if not self.has_view_permission(request, assessment):
            raise PermissionDenied
        audit_record(request=request, action=RESPONSE_DOWNLOADED, member=assessment.member_id, detail=str(pk))
        body = json.dumps(questionnaire_response(assessment), ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/fhir+json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="questionnaire-response-{pk}.json"'
        return response


@admin.register(CareManagerTask)
class CareManagerTaskAdmin(admin.ModelAdmin):
    """The care managers' queue: finished assessments to review, the unreviewed first."""

    list_display = ["__str__", "care_manager", "created_at", "done_at"]
    list_filter = ["done_at", "care_manager"]
    list_select_related = ["care_manager", "assessment"]
    fields = ["assessment", "care_manager", "created_at", "done_at"]
    readonly_fields = ["assessment", "created_at"]
    raw_id_fields = ["care_manager"]
    actions = ["mark_done"]
    show_full_result_count = False

    @admin.action(description=_("Mark the selected tasks done"), permissions=["change"])
    def mark_done(self, request: HttpRequest, queryset: QuerySet[CareManagerTask]) -> None:
        queryset.filter(done_at__isnull=True).update(done_at=timezone.now())


class AssignForm(PlainTextForm):
    questionnaire = forms.ModelChoiceField(
        Questionnaire.objects.order_by("title", "-imported_at"), label=_("Questionnaire")
    )
    due_date = forms.DateField(label=_("Due date"), widget=forms.DateInput(attrs={"type": "date"}))


@admin.action(description=_("Assign an assessment to the selected members"))
def assign_assessment(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Member]
) -> HttpResponse | None:
    if not request.user.has_perm("care.add_assessment"):
        raise PermissionDenied
    form = AssignForm(request.POST if "due_date" in request.POST else None)
    if form.is_valid():
        questionnaire, due = form.cleaned_data["questionnaire"], form.cleaned_data["due_date"]
        assessments = [Assessment(member=m, questionnaire=questionnaire, due_date=due) for m in queryset]
        made = Assessment.objects.bulk_create(assessments, ignore_conflicts=True)
        modeladmin.message_user(
            request, _("Assessment assigned to %(count)d members.") % {"count": len(made)}, messages.SUCCESS
        )
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": _("Assign an assessment"),
        "form": form,
        "members": queryset,
        "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
        "today": datetime.date.today(),
    }
    return TemplateResponse(request, "admin/care/assign_assessment.html", context)


# The action belongs to the members' list, which knows nothing of care: care adds it there.
_member_admin = admin.site._registry.get(Member)
if _member_admin is not None:
    _member_admin.actions = [*(_member_admin.actions or []), assign_assessment]
