"""Staff admin for the provider directory and members' PCP assignments.

With ~200,000 providers and a million members, foreign keys are raw-id inputs (never a full
<select>), lists skip the full count and sort only by indexed columns.
"""

from django.contrib import admin
from django.db.models import Q, QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from portal.forms import PlainTextModelForm
from portal.text import fold_name
from providers.models import PcpAssignment, PcpChangeRequest, Provider


@admin.register(Provider)
class ProviderAdmin(admin.ModelAdmin):
    # Names and clinics are shown to members: no hidden characters (portal.forms).
    form = PlainTextModelForm
    list_display = [
        "npi",
        "last_name",
        "first_name",
        "specialty",
        "county",
        "is_primary_care",
        "accepting_new_patients",
    ]
    list_filter = ["specialty", "county", "accepting_new_patients", "is_primary_care"]
    ordering = ["last_name", "first_name", "npi"]
    sortable_by = ["npi"]
    show_full_result_count = False
    # Documents the search; get_search_results compares folded names like the directory does.
    search_fields = ["=npi", "^last_name", "^first_name"]
    search_help_text = _("NPI, or the start of a last or first name.")

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Provider], search_term: str
    ) -> tuple[QuerySet[Provider], bool]:
        term = search_term.strip()
        if not term:
            return queryset, False
        folded = fold_name(term)
        match = Q(npi=term)
        if folded:
            match |= Q(last_name_folded__startswith=folded) | Q(first_name_folded__startswith=folded)
        return queryset.filter(match), False

    def save_model(self, request: HttpRequest, obj: Provider, form: ModelForm, change: bool) -> None:
        obj.fold_names()
        super().save_model(request, obj, form, change)


def _member_or_provider_search(term: str) -> Q:
    # Exact matches only, on the unique indexes (member IDs are stored in capitals).
    term = term.strip()
    return Q(member__member_id__in=[term, term.upper()]) | Q(provider__npi=term)


@admin.register(PcpAssignment)
class PcpAssignmentAdmin(admin.ModelAdmin):
    list_display = ["member", "provider", "effective_from", "effective_to"]
    list_select_related = ["member", "provider"]
    raw_id_fields = ["member", "provider"]
    # By the member's id column (the unique index's first column), not the member's names.
    ordering = ["member_id", "-effective_from"]
    sortable_by = ()
    show_full_result_count = False
    search_fields = ["=member__member_id", "=provider__npi"]
    search_help_text = _("Member ID or the provider's NPI.")

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[PcpAssignment], search_term: str
    ) -> tuple[QuerySet[PcpAssignment], bool]:
        if not search_term.strip():
            return queryset, False
        return queryset.filter(_member_or_provider_search(search_term)), False


@admin.register(PcpChangeRequest)
class PcpChangeRequestAdmin(admin.ModelAdmin):
    """Every Change PCP request, read-only: members make them in the portal, and the PCP
    assignment rows they wrote are what the plan's systems read."""

    list_display = [
        "member",
        "old_provider",
        "new_provider",
        "reason",
        "requested_at",
        "effective_date",
        "status",
    ]
    list_select_related = ["member", "old_provider", "new_provider"]
    list_filter = ["status", "reason"]
    raw_id_fields = ["member", "old_provider", "new_provider", "requested_by"]
    # The primary key is in request order and indexed; requested_at is not.
    ordering = ["-id"]
    sortable_by = ()
    show_full_result_count = False
    search_fields = ["=member__member_id"]
    search_help_text = _("Member ID.")

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[PcpChangeRequest], search_term: str
    ) -> tuple[QuerySet[PcpChangeRequest], bool]:
        term = search_term.strip()
        if not term:
            return queryset, False
        return queryset.filter(member__member_id__in=[term, term.upper()]), False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: PcpChangeRequest | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: PcpChangeRequest | None = None) -> bool:
        return False
