"""Staff admin for household roles. The plan's household file feeds them: member services view them."""

from django.contrib import admin

from households.models import HouseholdRole


@admin.register(HouseholdRole)
class HouseholdRoleAdmin(admin.ModelAdmin):
    list_display = ["member", "role"]
    list_filter = ["role"]
    list_select_related = ["member"]
    raw_id_fields = ["member"]
    search_fields = ["=member__member_id"]
