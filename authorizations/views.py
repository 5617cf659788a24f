"""Referrals and Authorizations: the member's list with its Filter, and one record's page.

Both work without JavaScript: the Filter is a GET form inside a <details> disclosure, each
record's actions menu another <details>. Every read is scoped to `request.member`: a record of
another member's answers 404, and a filter never reaches past the member's own.
"""

import uuid

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from authorizations.explain import shown
from authorizations.forms import AuthorizationFilterForm
from authorizations.selectors import Cursor, filtered, list_page, member_authorizations
from members.decorators import MemberRequest, member_required
from portal.clock import plan_today


@require_GET
@member_required
def authorizations(request: MemberRequest) -> HttpResponse:
    """The list, newest request first, 20 a page: one query whatever the member has."""
    form = AuthorizationFilterForm(request.GET)
    records = member_authorizations(request.member)
    if form.is_valid():
        records = filtered(records, **form.cleaned_data)
        after = Cursor.parse(request.GET.get("after", ""))
    else:
        # A filter with errors lists nothing: the member fixes it first.
        records, after = records.none(), None
    page = list_page(records, after=after)
    now, today = timezone.now(), plan_today()
    query = request.GET.copy()
    query.pop("after", None)
    first_query = query.urlencode()
    next_query = None
    if page.next_cursor is not None:
        query["after"] = str(page.next_cursor)
        next_query = query.urlencode()
    context = {
        "form": form,
        "rows": [shown(record, now=now, today=today) for record in page.records],
        "first_query": first_query,
        "next_query": next_query,
        "paged": "after" in request.GET,
    }
    return render(request, "authorizations/list.html", context)


@require_GET
@member_required
def authorization(request: MemberRequest, public_id: uuid.UUID) -> HttpResponse:
    """One record, by its opaque public id; another member's answers 404."""
    record = get_object_or_404(member_authorizations(request.member), public_id=public_id)
    context = {"row": shown(record, now=timezone.now(), today=plan_today())}
    return render(request, "authorizations/detail.html", context)
