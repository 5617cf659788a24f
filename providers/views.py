"""The Providers pages: My PCP, and Change PCP (Search → Choose, or a radio button and Change →
Reason → Save).

Every step works without JavaScript: the search is a GET form (results are links that can be
paged and bookmarked; the fields hold no PHI), Choose, Change and Save are POSTs, and each page
shows only the signed-in member's own PCP data.
"""

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from audit.services import audit_record
from members.decorators import MemberRequest, member_required
from portal.clock import plan_today
from providers.audit_actions import PCP_CHANGED
from providers.forms import PcpReasonForm, ProviderChoiceForm, ProviderSearchForm
from providers.models import Provider
from providers.results import search_form_fields, search_result_rows
from providers.rules import pcp_effective_date
from providers.selectors import (
    COUNTED_UP_TO,
    current_pcp_id,
    my_pcp,
    pcp_refusal,
    pcp_search,
    search_page,
)
from providers.services import PcpChangeRefused, pcp_change_request

PAGE_SIZE = 20
# A search is listed up to this page (1,000 providers); past it the member is asked to narrow
# the search. Each page costs the rows before it (OFFSET): page 50 about 2 ms at 200,000
# providers, page 900 of "m" 57 ms (docs/providers.md).
MAX_PAGES = 50
# ?error=choose: Change was pressed with no provider chosen; the results page says so next to
# the Change button (the element CHOOSE_ERROR_ID), where the member acted, not above the form.
CHOOSE_ERROR = "choose"
CHOOSE_ERROR_ID = "choose-error"


@require_GET
@member_required
def providers(request: MemberRequest) -> HttpResponse:
    """Providers → My PCP: the current PCP (starred), a pending change, and past PCPs."""
    context = {"pcp": my_pcp(member=request.member, today=plan_today())}
    return render(request, "providers/my_pcp.html", context)


@require_GET
@member_required
def pcp_change(request: MemberRequest) -> HttpResponse:
    """Change PCP: search the directory; each result can be chosen unless a reason is shown.

    A results page costs a fixed number of queries: one statement reads the page (with one row
    more than a page, to know whether a next page exists), how many providers match (counted up
    to COUNTED_UP_TO, never over the whole directory) and the member's current PCP.
    """
    searched = any(name in request.GET for name in ProviderSearchForm.base_fields)
    form = ProviderSearchForm(request.GET if searched else None)
    valid = searched and form.is_valid()
    context: dict[str, object] = {"form": form, "form_fields": search_form_fields(form), "searched": searched}
    if valid:
        today = plan_today()
        page_number = _page_number(request.GET.get("page", ""))
        page = search_page(
            pcp_search(**form.cleaned_data),
            member=request.member,
            today=today,
            offset=(page_number - 1) * PAGE_SIZE,
            size=PAGE_SIZE,
        )
        query = _query(form.cleaned_data)
        rows = [
            (p, pcp_refusal(member=request.member, provider=p, current_provider_id=page.current_pcp_id))
            for p in page.providers
        ]
        context.update(
            results=search_result_rows(rows),
            found=page.found,
            counted_up_to=COUNTED_UP_TO,
            include_specialists=form.cleaned_data["include_specialists"],
            page_number=page_number,
            # The page too, so that Change without a choice comes back to this page.
            search_query=urlencode({**query, "page": page_number} if page_number > 1 else query),
            previous_url=_page_url(query, page_number - 1) if page_number > 1 else None,
            next_url=_page_url(query, page_number + 1) if page.more and page_number < MAX_PAGES else None,
            narrow_search=page.more and page_number == MAX_PAGES,
            choose_error=request.GET.get("error") == CHOOSE_ERROR,
            choose_error_id=CHOOSE_ERROR_ID,
            effective_date=pcp_effective_date(today),
        )
    return render(request, "providers/pcp_search.html", context)


def _page_number(value: str) -> int:
    """The page asked for; a page past the last listed one shows the last one."""
    return min(int(value), MAX_PAGES) if value.isdigit() and int(value) > 0 else 1


def _query(cleaned: dict[str, Any]) -> dict[str, str]:
    """A search as a link's query: the fields filled in, a checked box as "on" like a browser sends it."""
    return {name: "on" if value is True else value for name, value in cleaned.items() if value}


def _page_url(query: dict[str, str], page: int) -> str:
    return reverse("pcp_change") + "?" + urlencode({**query, "page": page})


def _search_query(request: MemberRequest) -> str:
    """The search the member came from (its page too), as a query string of the search form's
    own fields only."""
    sent = QueryDict(request.POST.get("search", ""))
    form = ProviderSearchForm(sent)
    if not form.is_valid():
        return ""
    query = _query(form.cleaned_data)
    page = _page_number(sent.get("page", ""))
    return urlencode({**query, "page": page} if page > 1 else query)


def _back_to_search(request: MemberRequest) -> HttpResponseRedirect:
    query = _search_query(request)
    return redirect(reverse("pcp_change") + (f"?{query}" if query else ""))


@require_http_methods(["GET", "POST"])
@member_required
def pcp_change_reason(request: MemberRequest) -> HttpResponse:
    """Change, then Save: the chosen provider, the reason dropdown, and the change itself."""
    if request.method == "GET":
        # The chosen provider arrives only by POST from the results page.
        return redirect("pcp_change")
    today = plan_today()
    saving = "reason" in request.POST
    form: ProviderChoiceForm = PcpReasonForm(request.POST) if saving else ProviderChoiceForm(request.POST)
    if not form.is_valid() and "provider" in form.errors:
        query = _search_query(request)
        if query:
            return redirect(f"{reverse('pcp_change')}?{query}&error={CHOOSE_ERROR}#{CHOOSE_ERROR_ID}")
        for error in form.errors["provider"]:
            messages.error(request, str(error))
        return _back_to_search(request)
    provider: Provider = form.cleaned_data["provider"]
    if saving and form.is_valid():
        try:
            change = pcp_change_request(
                member=request.member,
                provider=provider,
                reason=form.cleaned_data["reason"],
                requested_by=request.user,  # type: ignore[arg-type]
            )
        except PcpChangeRefused as refused:
            messages.error(request, str(refused.message))
            return _back_to_search(request)
        audit_record(request=request, action=PCP_CHANGED, member=request.member)
        messages.success(
            request,
            _("%(name)s will be your primary care provider starting %(date)s.")
            % {"name": provider.full_name, "date": date_format(change.effective_date, "DATE_FORMAT")},
        )
        return redirect("providers")
    refusal = pcp_refusal(
        member=request.member,
        provider=provider,
        current_provider_id=current_pcp_id(member=request.member, today=today),
    )
    if refusal is not None:
        messages.error(request, str(refusal))
        return _back_to_search(request)
    if not saving:
        form = PcpReasonForm(initial={"provider": provider.pk})
    context = {
        "form": form,
        "provider": provider,
        "effective_date": pcp_effective_date(today),
        "search_query": _search_query(request),
    }
    return render(request, "providers/pcp_reason.html", context)
