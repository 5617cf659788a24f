"""Staff admin for referrals and authorizations: read-only (the plan's utilization management
system decides them), searched by authorization number or member ID, audited like every model
that holds a member's data (member_records in apps.py).

A sensitive record's clinical details (the service, its codes, its providers and the denial
reason) are the member's only: staff see that it exists, its dates and its decision."""

from django.contrib import admin
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from authorizations.models import Authorization

SENSITIVE_DETAILS = (
    "service_description",
    "procedure_codes",
    "requesting_provider_npi",
    "requesting_provider_name",
    "servicing_provider_npi",
    "servicing_provider_name",
    "denial_reason",
)


@admin.register(Authorization)
class AuthorizationAdmin(admin.ModelAdmin):
    list_display = ["authorization_number", "member", "kind", "service", "decision", "decision_date"]
    list_select_related = ["member"]
    list_filter = ["decision", "kind", "priority"]
    raw_id_fields = ["member"]
    # The unique index's order; nothing else is sorted over every member's records.
    ordering = ["authorization_number"]
    sortable_by = ()
    show_full_result_count = False
    search_fields = ["=authorization_number", "=member__member_id"]
    search_help_text = _("Authorization number or member ID.")

    @admin.display(description=_("service"))
    def service(self, obj: Authorization) -> str:
        return str(_("Sensitive: shown only to the member")) if obj.sensitive else obj.service_description

    def get_fields(self, request: HttpRequest, obj: Authorization | None = None) -> list[str]:  # type: ignore[override]
        fields = [f.name for f in Authorization._meta.concrete_fields if f.name not in ("id", "public_id")]
        if obj is not None and obj.sensitive:
            return [name for name in fields if name not in SENSITIVE_DETAILS]
        return fields

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Authorization], search_term: str
    ) -> tuple[QuerySet[Authorization], bool]:
        term = search_term.strip()
        if not term:
            return queryset, False
        # Exact, each on its unique index (member IDs are stored in capitals).
        terms = [term, term.upper()]
        return queryset.filter(Q(authorization_number__in=terms) | Q(member__member_id__in=terms)), False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Authorization | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Authorization | None = None) -> bool:
        return False
