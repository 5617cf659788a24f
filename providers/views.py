"""The Providers pages: My PCP, and Change PCP (Search → Change → Reason → Save).

Every step works without JavaScript: the search is a GET form (results are links that can be
paged and bookmarked; the fields hold no PHI), Change and Save are POSTs, and each page shows
only the signed-in member's own PCP data.
"""

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
from providers.selectors import current_pcp_id, my_pcp, pcp_refusal, provider_search
from providers.services import PcpChangeRefused, pcp_change_request

PAGE_SIZE = 20
# A search is listed up to this page (1,000 providers); past it the member is asked to narrow
# the search. Each page costs the rows before it (OFFSET): page 50 about 2 ms at 200,000
# providers, page 900 of "m" 57 ms (docs/providers.md).
MAX_PAGES = 50


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

    A results page costs a fixed number of queries: the member's current PCP, and one
    LIMIT/OFFSET query that fetches one row more than a page to know whether a next page
    exists (no COUNT over the whole directory).
    """
    searched = any(name in request.GET for name in ProviderSearchForm.base_fields)
    form = ProviderSearchForm(request.GET if searched else None)
    valid = searched and form.is_valid()
    context: dict[str, object] = {"form": form, "form_fields": search_form_fields(form), "searched": searched}
    if valid:
        page_number = _page_number(request.GET.get("page", ""))
        offset = (page_number - 1) * PAGE_SIZE
        rows = list(provider_search(**form.cleaned_data)[offset : offset + PAGE_SIZE + 1])
        more = len(rows) > PAGE_SIZE
        current_id = current_pcp_id(member=request.member, today=plan_today())
        query = {name: value for name, value in form.cleaned_data.items() if value}
        context.update(
            results=search_result_rows(
                [
                    (p, pcp_refusal(member=request.member, provider=p, current_provider_id=current_id))
                    for p in rows[:PAGE_SIZE]
                ]
            ),
            page_number=page_number,
            search_query=urlencode(query),
            previous_url=_page_url(query, page_number - 1) if page_number > 1 else None,
            next_url=_page_url(query, page_number + 1) if more and page_number < MAX_PAGES else None,
            narrow_search=more and page_number == MAX_PAGES,
            effective_date=pcp_effective_date(plan_today()),
        )
    return render(request, "providers/pcp_search.html", context)


def _page_number(value: str) -> int:
    """The page asked for; a page past the last listed one shows the last one."""
    return min(int(value), MAX_PAGES) if value.isdigit() and int(value) > 0 else 1


def _page_url(query: dict[str, str], page: int) -> str:
    return reverse("pcp_change") + "?" + urlencode({**query, "page": page})


def _search_query(request: MemberRequest) -> str:
    """The search the member came from, as a query string of the search form's own fields only."""
    form = ProviderSearchForm(QueryDict(request.POST.get("search", "")))
    if not form.is_valid():
        return ""
    return urlencode({name: value for name, value in form.cleaned_data.items() if value})


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
