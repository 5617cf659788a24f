"""The admin list every care model keyed by member shares: a million members' rows."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _


def _by_member_id(queryset: QuerySet[Any], search_term: str) -> tuple[QuerySet[Any], bool]:
    # Exact, on the unique index (member IDs are stored in capitals).
    term = search_term.strip()
    if not term:
        return queryset, False
    return queryset.filter(member__member_id__in=[term, term.upper()]), False


class MemberSearch(admin.ModelAdmin):
    """Lists of a million members' rows: raw-id member, exact member-ID search, no full count."""

    raw_id_fields = ["member"]
    search_fields = ["=member__member_id"]
    search_help_text = _("Member ID.")
    show_full_result_count = False
    sortable_by = ()

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Any], search_term: str
    ) -> tuple[QuerySet[Any], bool]:
        return _by_member_id(queryset, search_term)
