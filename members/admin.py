"""Staff admin for members and sign-ins.

Member records come from enrollment, so their fields are read-only here; staff keep the
contact records (addresses, phone numbers, email addresses) current, through forms that refuse
hidden characters like the members' own (portal.forms). Lists are built for a million members:
no full count, ordering on indexed columns, no <select> of every member.
"""

from typing import cast

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from members.models import Address, ContactChange, ContactEmail, Member, MemberQuerySet, Phone, User
from members.two_factor import two_factor_reset
from portal.forms import PlainTextModelForm
from portal.phones import PhoneNumberField


class AddressInline(admin.StackedInline):
    model = Address
    form = PlainTextModelForm
    extra = 0
    fields = ["kind", "is_primary", "line1", "line2", "city", "state", "zip_code", "county"]


class PhoneForm(PlainTextModelForm):
    class Meta:
        model = Phone
        fields = ["kind", "number", "is_primary"]
        # Stored in E.164 like the numbers members enter, whatever way staff type it.
        field_classes = {"number": PhoneNumberField}


class PhoneInline(admin.TabularInline):
    model = Phone
    form = PhoneForm
    extra = 0


class ContactEmailInline(admin.TabularInline):
    model = ContactEmail
    form = PlainTextModelForm
    extra = 0
    fields = ["address", "is_primary"]


# The member record as staff see it.
MEMBER_FIELDS = (
    "member_id",
    "first_name",
    "last_name",
    "date_of_birth",
    "sex",
    "county",
    "head_of_household",
    "user",
    "preferred_language",
    "created_at",
    "updated_at",
)


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    list_display = ["member_id", "last_name", "first_name", "county", "has_account"]
    # Only columns an index can sort; sorting a million rows by anything else is a full scan.
    sortable_by = ["member_id", "last_name"]
    ordering = ["last_name", "first_name", "member_id"]
    # has_account reads user_id, so the list needs no join.
    list_select_related = False
    show_full_result_count = False
    list_per_page = 50
    # Documents the search; get_search_results does it with MemberQuerySet.search.
    search_fields = ["=member_id", "^last_name", "^first_name"]
    search_help_text = _("Member ID, or the start of a last or first name.")
    inlines = [AddressInline, PhoneInline, ContactEmailInline]
    fields = MEMBER_FIELDS
    # Enrollment owns all but the language; an edit would be overwritten by the next enrollment feed.
    readonly_fields = [name for name in MEMBER_FIELDS if name != "preferred_language"]
    actions = ["reset_two_factor"]

    @admin.action(
        description=_("Reset two-factor (the member lost their authenticator)"), permissions=["change"]
    )
    def reset_two_factor(self, request: HttpRequest, queryset: QuerySet[Member]) -> None:
        removed = sum(two_factor_reset(request=request, member=member) for member in queryset)
        self.message_user(request, _("Two-factor removed: %(count)s.") % {"count": removed}, messages.SUCCESS)

    @admin.display(boolean=True, description=_("online account"))
    def has_account(self, obj: Member) -> bool:
        return obj.user_id is not None

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Member], search_term: str
    ) -> tuple[QuerySet[Member], bool]:
        return cast(MemberQuerySet, queryset).search(search_term), False

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Members are created by enrollment, never by hand.
        return False


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        (_("Portal"), {"fields": ("preferred_language", "first_login_at")}),
    )
    readonly_fields = ["first_login_at", "last_login", "date_joined"]
    list_display = ["username", "email", "is_staff", "is_active", "last_login"]
    sortable_by = ["username"]
    ordering = ["username"]
    show_full_result_count = False
    search_fields = ["username", "email"]


@admin.register(ContactChange)
class ContactChangeAdmin(admin.ModelAdmin):
    """The history of members' contact changes (members/contacts.py), for staff to read.

    It is a record of what happened, so nobody adds, changes or deletes rows here. Find a member's
    history by their member ID.
    """

    list_display = ["created_at", "member", "category", "action", "actor"]
    list_filter = ["category", "action"]
    list_select_related = ["member", "actor"]
    search_fields = ["=member__member_id"]
    search_help_text = _("Member ID.")
    show_full_result_count = False
    list_per_page = 50
    sortable_by = ["created_at"]
    fields = ["created_at", "member", "actor", "category", "action", "object_id", "before", "after"]
    readonly_fields = ["created_at", "member", "actor", "category", "action", "object_id", "before", "after"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: ContactChange | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: ContactChange | None = None) -> bool:
        return False
