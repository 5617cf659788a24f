"""Staff admin for eligibility spans and alerts. The plan's files feed them: member services view them."""

from django.contrib import admin

from eligibility.models import Alert, EligibilitySpan


@admin.register(EligibilitySpan)
class EligibilitySpanAdmin(admin.ModelAdmin):
    list_display = ["member", "program", "status", "effective_date", "end_date", "enrollment_status"]
    list_filter = ["status", "enrollment_status"]
    list_select_related = ["member"]
    raw_id_fields = ["member"]
    search_fields = ["=member__member_id"]


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    list_display = ["alert_id", "member", "kind", "message_key", "due_date", "resolved_date"]
    list_filter = ["kind", "message_key"]
    list_select_related = ["member"]
    raw_id_fields = ["member"]
    search_fields = ["=alert_id", "=member__member_id"]
