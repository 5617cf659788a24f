"""Staff admin for ID card orders: see open orders, mark them mailed, export them for the printer.

The list opens on open (requested) orders. "Mark as mailed" records who mailed which orders and
when, for any number of selected orders at once. "Export CSV for the card printer" streams the
selected orders' member ID, name and mailing address snapshot; it needs the view permission,
marking mailed needs the change permission. Orders are made by members, so staff cannot add them.
"""

from collections.abc import Iterator
from typing import Any, cast

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from idcards.models import IdCardOrder, OrderStatus
from idcards.services import idcard_orders_mark_mailed
from members.models import User
from portal.csvexport import csv_download

CSV_HEADER = [
    "member_id",
    "first_name",
    "last_name",
    "line1",
    "line2",
    "city",
    "state",
    "zip_code",
    "requested",
]


class StatusFilter(admin.SimpleListFilter):
    """Status, defaulting to open orders: that is the queue staff work through."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, Any]]:
        return [*OrderStatus.choices, ("all", _("All"))]

    def choices(self, changelist: Any) -> Iterator[Any]:
        current = self.value() or OrderStatus.REQUESTED
        for value, label in self.lookup_choices:
            yield {
                "selected": current == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request: HttpRequest, queryset: QuerySet[IdCardOrder]) -> QuerySet[IdCardOrder]:
        value = self.value() or OrderStatus.REQUESTED
        if value == "all":
            return queryset
        return queryset.filter(status=value)


def _csv_rows(orders: QuerySet[IdCardOrder]) -> Iterator[list[object]]:
    for order in orders.iterator(chunk_size=500):
        yield [
            order.member.member_id,
            order.member.first_name,
            order.member.last_name,
            order.line1,
            order.line2,
            order.city,
            order.state,
            order.zip_code,
            timezone.localdate(order.requested_at).isoformat(),
        ]


@admin.register(IdCardOrder)
class IdCardOrderAdmin(admin.ModelAdmin):
    list_display = ["member", "status", "requested_at", "city", "state", "mailed_at", "mailed_by"]
    list_filter = [StatusFilter]
    list_select_related = ["member", "mailed_by"]
    raw_id_fields = ["member"]
    ordering = ["requested_at", "id"]
    search_fields = ["=member__member_id"]
    search_help_text = _("Member ID.")
    readonly_fields = [
        "member",
        "status",
        "line1",
        "line2",
        "city",
        "state",
        "zip_code",
        "requested_at",
        "mailed_at",
        "mailed_by",
    ]
    actions = ["mark_mailed", "export_csv"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: IdCardOrder | None = None) -> bool:
        return False

    @admin.action(description=_("Mark as mailed"), permissions=["change"])
    def mark_mailed(self, request: HttpRequest, queryset: QuerySet[IdCardOrder]) -> None:
        # The admin lets only signed-in staff this far, never an anonymous user.
        count = idcard_orders_mark_mailed(orders=queryset, staff_user=cast(User, request.user))
        self.message_user(
            request,
            ngettext("%(count)d order marked as mailed.", "%(count)d orders marked as mailed.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Export CSV for the card printer"), permissions=["view"])
    def export_csv(self, request: HttpRequest, queryset: QuerySet[IdCardOrder]) -> HttpResponse:
        orders = queryset.select_related("member").order_by("requested_at", "id")
        filename = f"id-card-orders-{timezone.localdate().isoformat()}.csv"
        # Addresses are typed by members: portal.csvexport keeps them from running as formulas.
        response = csv_download(filename=filename, header=CSV_HEADER, rows=_csv_rows(orders))
        return response  # type: ignore[return-value]
