"""Staff admin for claims: read-only (they come from the plan's claims system and the next file
would overwrite an edit), found by claim number or member ID, each view audited through the
app's member_records (audit/admin_trail.py). Sensitive claims are listed only to staff who hold
claims.view_sensitive_claim, which no role grants by default (docs/claims.md)."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from claims.models import Claim, ClaimLine


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


LINE_FIELDS = (
    "line_number",
    "service_from",
    "service_to",
    "procedure_code",
    "modifier",
    "procedure_description",
    "diagnosis_codes",
    "units",
    "billed",
    "allowed",
    "plan_paid",
    "copay",
    "coinsurance",
    "deductible",
    "not_covered",
    "line_status",
    "denial_reason_code",
    "denial_reason",
)


class ClaimLineInline(admin.TabularInline):
    model = ClaimLine
    extra = 0
    can_delete = False
    fields = LINE_FIELDS
    readonly_fields = LINE_FIELDS

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Claim)
class ClaimAdmin(ReadOnlyAdmin):
    list_display = ["claim_number", "member", "claim_type", "status", "service_from", "billing_provider_name"]
    list_select_related = ["member"]
    # The claim number's unique index, or the member's claims on the list index.
    ordering = ["-id"]
    sortable_by = ()
    show_full_result_count = False
    list_per_page = 50
    search_fields = ["=claim_number", "=member__member_id"]
    search_help_text = _("Claim number or member ID.")
    inlines = [ClaimLineInline]
    exclude = ["billing_provider_folded"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Claim]:
        claims = super().get_queryset(request)
        if not request.user.has_perm("claims.view_sensitive_claim"):
            claims = claims.filter(sensitive=False)
        return claims

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Claim], search_term: str
    ) -> tuple[QuerySet[Claim], bool]:
        term = search_term.strip()
        if not term:
            return queryset, False
        # Exact, on the unique indexes (both are stored as the plan sends them, usually capitals).
        terms = [term, term.upper()]
        by_number = queryset.filter(claim_number__in=terms)
        return by_number | queryset.filter(member__member_id__in=terms), False
