"""Staff view of the outbox: what was sent to whom, what failed, and a way to try failed mail again.

Rows are read-only: an email is a record of what the portal said to a member. Bodies are shown to
superusers only, because they may hold one-time codes and usernames that ordinary staff must not
be able to read and use.
"""

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from outbox.models import Email, EmailStatus

_BODY_FIELDS = ("body_text", "body_html")


@admin.register(Email)
class EmailAdmin(admin.ModelAdmin):
    list_display = ("to", "template", "status", "attempts", "created_at", "sent_at")
    list_filter = ("status", "template")
    search_fields = ("to",)
    date_hierarchy = "created_at"
    actions = ["requeue_failed"]
    raw_id_fields = ("member",)

    def get_fields(self, request: HttpRequest, obj: Email | None = None) -> tuple[str, ...]:
        return tuple(
            field.name
            for field in Email._meta.fields
            if field.name != "id" and (request.user.is_superuser or field.name not in _BODY_FIELDS)
        )

    def get_readonly_fields(self, request: HttpRequest, obj: Email | None = None) -> tuple[str, ...]:
        return self.get_fields(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Email | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Email | None = None) -> bool:
        return False

    @admin.action(description=_("Re-queue selected failed emails"), permissions=["requeue"])
    def requeue_failed(self, request: HttpRequest, queryset: QuerySet[Email]) -> None:
        # A fresh set of attempts; the outbox sweep hands them to a worker within a minute or two.
        count = queryset.filter(status=EmailStatus.FAILED).update(
            status=EmailStatus.QUEUED, attempts=0, next_attempt_at=timezone.now(), dispatched_at=None
        )
        self.message_user(
            request,
            ngettext("%(count)d email re-queued.", "%(count)d emails re-queued.", count) % {"count": count},
            messages.SUCCESS,
        )

    def has_requeue_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("outbox.change_email")
