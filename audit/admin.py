"""The audit trail in the staff admin: read by those allowed to, edited or deleted by nobody."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from audit.models import AuditEvent
from portal.registry import audit_actions


class ActionFilter(admin.SimpleListFilter):
    """Filter by action, offering every action an installed app declares."""

    title = _("action")
    parameter_name = "action"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [(name, str(action.label)) for name, action in audit_actions().items()]

    def queryset(self, request: HttpRequest, queryset: QuerySet[AuditEvent]) -> QuerySet[AuditEvent]:
        return queryset.filter(action=self.value()) if self.value() else queryset


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Who saw or changed which member's data. Find a member's events by their member ID."""

    list_display = ["created_at", "action_name", "actor_role", "actor", "member", "ip", "request_id"]
    list_filter = [ActionFilter, "actor_role"]
    list_select_related = ["actor", "member"]
    search_fields = ["=member__member_id", "=request_id"]
    search_help_text = _("Member ID, or a request ID.")
    show_full_result_count = False
    list_per_page = 50
    sortable_by = ["created_at"]
    fields = ["created_at", "action_name", "actor_role", "actor", "member", "detail", "ip", "request_id"]
    readonly_fields = [
        "created_at",
        "action_name",
        "actor_role",
        "actor",
        "member",
        "detail",
        "ip",
        "request_id",
    ]
    actions = None

    @admin.display(description=_("action"))
    def action_name(self, event: AuditEvent) -> str:
        return event.action_label

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False
