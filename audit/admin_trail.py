"""Staff access to member records in the admin goes into the audit trail.

Django's LogEntry records changes only; a security officer must also know who looked at whom.
This middleware watches the admin's own URLs (its changelist, change, history and delete views,
and changelist actions) for every model that holds a member's data, and writes:

- admin_list / admin_search for a list (the search term is not stored: it may be a name),
- admin_view for a record opened, its history, or an action that reads rows (an export),
- admin_change for a record saved or deleted, or an action that changes rows,

each naming the member whose record it was. Views that fail (403, 404, a form with errors)
record nothing: nothing was shown or changed.

Which models hold a member's data, and how to reach the member from a row, each app declares
(`member_records` in its apps.py). The model and the view are read from the resolved admin view
itself (the ModelAdmin that Django attaches to it), not parsed out of the URL name.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.http import HttpRequest, HttpResponse

from audit.actions import ADMIN_CHANGE, ADMIN_LIST, ADMIN_SEARCH, ADMIN_VIEW
from audit.services import audit_record
from portal.registry import member_records

# The ModelAdmin views whose pages show or change member records, by the view method's name.
_ADMIN_VIEWS = {
    "changelist_view": "changelist",
    "change_view": "change",
    "history_view": "history",
    "delete_view": "delete",
}

# Changelist actions that read rows rather than change them.
READING_ACTIONS = frozenset({"export_csv"})


def _member_ids(label: str, pks: list[str]) -> list[int]:
    model: type[models.Model] = apps.get_model(label)
    field = member_records()[label]
    try:
        if not field:
            return sorted({int(pk) for pk in pks})
        ids = model._default_manager.filter(pk__in=pks).values_list(field, flat=True)
    except (ValueError, TypeError):
        return []
    return sorted({pk for pk in ids if pk is not None})


@dataclass(frozen=True)
class _AdminHit:
    label: str
    view: str
    member_ids: list[int]


class AdminAuditMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        hit: _AdminHit | None = getattr(request, "_audit_admin_hit", None)
        if hit is not None:
            self._record(request, response, hit)
        return response

    def process_view(
        self, request: HttpRequest, view_func: object, view_args: object, view_kwargs: dict[str, object]
    ) -> None:
        # Before the view runs: a record deleted by it still names its member here.
        model_admin = getattr(view_func, "model_admin", None)
        view = _ADMIN_VIEWS.get(getattr(view_func, "__name__", ""))
        if model_admin is None or view is None:
            return
        label = model_admin.model._meta.label_lower
        user = getattr(request, "user", None)
        if label not in member_records() or user is None or not user.is_authenticated or not user.is_staff:
            return
        if view == "changelist":
            member_ids = _member_ids(label, request.POST.getlist("_selected_action"))
        elif view in {"change", "history", "delete"} and view_kwargs.get("object_id"):
            member_ids = _member_ids(label, [str(view_kwargs["object_id"])])
        else:
            return
        request._audit_admin_hit = _AdminHit(label, view, member_ids)  # type: ignore[attr-defined]

    def _record(self, request: HttpRequest, response: HttpResponse, hit: _AdminHit) -> None:
        status, posted, label = response.status_code, request.method == "POST", hit.label
        if hit.view == "changelist":
            if posted and hit.member_ids and status == 302:
                name = request.POST.get("action", "")
                action = ADMIN_VIEW if name in READING_ACTIONS else ADMIN_CHANGE
                for member_id in hit.member_ids:
                    audit_record(request=request, action=action, member=member_id, detail=f"{label} {name}")
            elif status == 200 and posted and request.POST.get("action") in READING_ACTIONS:
                # An export answers with the file itself rather than a redirect.
                for member_id in hit.member_ids:
                    audit_record(
                        request=request,
                        action=ADMIN_VIEW,
                        member=member_id,
                        detail=f"{label} export",
                    )
            elif status == 200 and not posted:
                searched = bool(request.GET.get("q", "").strip())
                action = ADMIN_SEARCH if searched else ADMIN_LIST
                audit_record(request=request, action=action, detail=f"{label} list")
            return
        if posted and status == 302:
            action = ADMIN_CHANGE
        elif not posted and status == 200:
            action = ADMIN_VIEW
        else:
            return
        targets: list[int | None] = [*hit.member_ids] or [None]
        for target in targets:
            audit_record(request=request, action=action, member=target, detail=f"{label} {hit.view}")
