"""The staff queue of grievances and appeals: open cases by nearest deadline, overdue flagged;
each case's steps (acknowledge, assign, extend, resolve) through appeals/services.py, so each
writes its event, letter and email. Staff hold the "Grievances and appeals" role (two-factor,
like all staff). The history is append-only: events and files are read here, never edited."""

import datetime
import uuid
from typing import Any, cast

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from appeals import rules, services
from appeals.files import case_file_response
from appeals.models import CLOSED, Case, CaseEvent, CaseFile, CaseKind, Outcome
from members.models import User
from portal.forms import PlainTextForm


class DueFilter(admin.SimpleListFilter):
    title = _("due")
    parameter_name = "due"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("overdue", _("Overdue")), ("week", _("Due within 7 days"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Case]) -> QuerySet[Case]:
        now = timezone.now()
        if self.value() == "overdue":
            return queryset.filter(resolve_by__lt=now).exclude(status__in=CLOSED)
        if self.value() == "week":
            return queryset.filter(resolve_by__lt=now + datetime.timedelta(days=7)).exclude(status__in=CLOSED)
        return queryset


class CaseEventInline(admin.TabularInline):
    model = CaseEvent
    fields = ["kind", "at", "note", "by"]
    readonly_fields = ["kind", "at", "note", "by"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class CaseStepForm(PlainTextForm):
    step = forms.ChoiceField(
        label=_("Step"),
        choices=[
            ("acknowledge", _("Acknowledge")),
            ("assign", _("Assign")),
            ("extend", _("Extend")),
            ("resolve", _("Resolve")),
        ],
    )
    assignee = forms.ModelChoiceField(label=_("Reviewer"), queryset=User.objects.none(), required=False)
    days = forms.IntegerField(label=_("Extension in days"), min_value=1, required=False)
    outcome = forms.ChoiceField(
        label=_("Result of an appeal"), choices=[("", "—"), *Outcome.choices], required=False
    )
    reason = forms.CharField(label=_("Reason, written for the member"), widget=forms.Textarea, required=False)

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.case = case
        assignee = cast(forms.ModelChoiceField, self.fields["assignee"])
        assignee.queryset = User.objects.filter(is_staff=True, is_active=True)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        step = data.get("step")
        if step == "assign" and not data.get("assignee"):
            self.add_error("assignee", _("Choose the reviewer."))
        if step == "extend":
            days = data.get("days")
            if not days or days > rules.max_extension_days():
                self.add_error(
                    "days", _("An extension is 1 to %(days)d days.") % {"days": rules.max_extension_days()}
                )
        if step in ("extend", "resolve") and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give the reason: the member is told."))
        if step == "resolve" and (self.case.kind == CaseKind.APPEAL) != bool(data.get("outcome")):
            self.add_error("outcome", _("An appeal's resolution has a result; a grievance's has none."))
        return data


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = [
        "reference",
        "kind",
        "status",
        "expedited",
        "member",
        "received_at",
        "resolve_by",
        "overdue",
    ]
    list_select_related = ["member"]
    list_filter = [DueFilter, "kind", "status", "expedited"]
    # The queue: nearest deadline first (appeal_case_queue index for open cases).
    ordering = ["resolve_by", "id"]
    sortable_by = ()
    show_full_result_count = False
    search_fields = ["=reference", "=member__member_id"]
    raw_id_fields = ["member", "authorization", "assigned_to"]
    inlines = [CaseEventInline]
    readonly_fields = ["work", "file_links", *(f.name for f in Case._meta.concrete_fields if f.name != "id")]

    @admin.display(description=_("next step"))
    def work(self, obj: Case) -> str:
        if not obj.open:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:appeals_case_step", args=[obj.pk]), _("Work the case")
        )

    @admin.display(description=_("overdue"), boolean=True)
    def overdue(self, obj: Case) -> bool:
        return obj.open and obj.resolve_by < timezone.now()

    def get_urls(self) -> list[URLPattern]:
        step = path("<int:pk>/step/", self.admin_site.admin_view(self.step_view), name="appeals_case_step")
        file = path(
            "file/<uuid:file_id>/", self.admin_site.admin_view(self.file_view), name="appeals_case_file"
        )
        return [step, file, *super().get_urls()]

    @admin.display(description=_("supporting files"))
    def file_links(self, obj: Case) -> str:
        links = [
            format_html('<a href="{}">{}</a>', reverse("admin:appeals_case_file", args=[f.public_id]), f.name)
            for f in obj.files.all()
        ]
        return format_html_join(", ", "{}", ((link,) for link in links)) if links else "—"

    def file_view(self, request: HttpRequest, file_id: uuid.UUID) -> HttpResponse:
        """A member's supporting file, to staff who may view cases; never stored by browsers."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        record = get_object_or_404(CaseFile, public_id=file_id)
        return case_file_response(record)

    def step_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """One step of the case, through the services (event, letter and email together)."""
        case = get_object_or_404(Case.objects.select_related("member__user"), pk=pk)
        if not self.has_change_permission(request, case):
            raise PermissionDenied
        form = CaseStepForm(request.POST or None, case=case)
        if request.method == "POST" and form.is_valid():
            data, now, by = form.cleaned_data, timezone.now(), cast(User, request.user)
            step = data["step"]
            if step == "acknowledge":
                done = services.acknowledge(case=case, by=by, now=now)
            elif step == "assign":
                done = services.assign(case=case, to=data["assignee"], by=by, now=now)
            elif step == "extend":
                done = services.extend(case=case, days=data["days"], reason=data["reason"], by=by, now=now)
            else:
                done = services.resolve(
                    case=case, outcome=data["outcome"], reason=data["reason"], by=by, now=now
                )
            if done:
                self.message_user(request, _("Done."), messages.SUCCESS)
            else:
                self.message_user(
                    request, _("The case is closed or already extended: nothing changed."), messages.WARNING
                )
            return HttpResponseRedirect(reverse("admin:appeals_case_change", args=[case.pk]))
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "case": case,
            "opts": self.model._meta,
            "title": _("Work the case %(reference)s") % {"reference": case.reference},
        }
        return TemplateResponse(request, "admin/appeals/case_step.html", context)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Case | None = None) -> bool:
        return False
