"""Staff admin for coverage spans. Enrollment feeds them, so member services only view them."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from coverage.models import Coverage


@admin.register(Coverage)
class CoverageAdmin(admin.ModelAdmin):
    list_display = ["member", "program", "plan", "effective_date", "end_date"]
    list_filter = ["program", "plan"]
    list_select_related = ["member"]
    raw_id_fields = ["member"]
    # By the member's id column (the unique index's first column), not the member's names.
    ordering = ["member_id", "-effective_date"]
    sortable_by = ()
    show_full_result_count = False
    search_fields = ["=member__member_id"]
    search_help_text = _("Member ID.")

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Coverage], search_term: str
    ) -> tuple[QuerySet[Coverage], bool]:
        term = search_term.strip()
        if not term:
            return queryset, False
        # Exact, on the unique index (member IDs are stored in capitals).
        return queryset.filter(member__member_id__in=[term, term.upper()]), False
