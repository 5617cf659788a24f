"""Claims: the Claims page (a box per kind of claim the member has), each kind's list with its
filters and keyset pages, a claim's detail, the list as CSV and a claim's explanation of
benefits as a PDF.

Every view reads only `request.member`'s claims (claims.selectors): a claim id in the URL that
is not theirs answers 404. Each page makes a fixed number of queries, whatever the number of
the member's claims (tests/claims/test_queries.py).
"""

from django.http import Http404, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from audit.services import audit_record
from claims.appeals import how_to_appeal
from claims.audit_actions import CLAIMS_DOWNLOADED, EOB_PRINTED
from claims.downloads import claims_csv
from claims.eob import EOB_FILENAME, eob_pdf
from claims.forms import ClaimFilterForm
from claims.models import LIST_LABELS, ClaimType
from claims.rules import claims_earliest
from claims.selectors import Cursor, claim_detail, claim_page, claim_types, filtered_claims
from members.decorators import MemberRequest, member_required
from portal.clock import plan_today
from portal.pdf import PdfRenderTimeout
from portal.registry import Link

PAGE_SIZE = 25


@require_GET
@member_required
def claims(request: MemberRequest) -> HttpResponse:
    """Claims: a box for Medical Claims, and for Pharmacy, Dental or Vision when the member has them."""
    kinds = claim_types(member=request.member, viewer=request.member)
    boxes = [(kind, LIST_LABELS[kind]) for kind in _shown_kinds(kinds)]
    return render(request, "claims/claims.html", {"boxes": boxes, "has_claims": bool(kinds)})


def _shown_kinds(kinds: list[str], current: str = ClaimType.MEDICAL) -> list[str]:
    """Medical always (the seed's first box), the others when the member has such claims."""
    return [kind for kind in ClaimType.values if kind in (ClaimType.MEDICAL, current) or kind in kinds]


def _filter_form(request: MemberRequest) -> ClaimFilterForm:
    """The filters as sent; with none sent, the defaults (the last year's claims)."""
    return ClaimFilterForm(request.GET, today=plan_today())


@require_GET
@member_required
def claim_list(request: MemberRequest, kind: str) -> HttpResponse:
    """A kind's claims with a service date in the last year (or the dates asked for), newest first.

    Pages are keyset pages: `after` names the last claim shown (its service day and id), so page
    50 reads as few index entries as page 1.
    """
    form = _filter_form(request)
    kinds = claim_types(member=request.member, viewer=request.member)
    context: dict[str, object] = {
        "kind": kind,
        "heading": LIST_LABELS[kind],
        "form": form,
        "earliest": claims_earliest(form.today),
        "has_claims": bool(kinds),
        "tabs_label": _("Claims"),
        "tabs": [
            Link(LIST_LABELS[k], reverse("claim_list", args=[k]), k == kind)
            for k in _shown_kinds(kinds, kind)
        ],
    }
    if form.is_valid():
        filters = form.filters()
        claims = filtered_claims(
            member=request.member, viewer=request.member, claim_type=kind, filters=filters
        )
        after = Cursor.parse(request.GET.get("after", ""))
        page = claim_page(claims, after=after, size=PAGE_SIZE)
        query = request.GET.copy()
        query.pop("after", None)
        older = query.copy()
        if page.next is not None:
            older["after"] = str(page.next)
        context.update(
            claims=page.claims,
            filters=filters,
            narrowed=form.narrowed,
            query=query.urlencode(),
            older_query=older.urlencode() if page.next else None,
            later_page=after is not None,
        )
    return render(request, "claims/claim_list.html", context)


@require_GET
@never_cache
@member_required
def claim_download(request: MemberRequest, kind: str) -> HttpResponseBase:
    """Download as CSV: every claim of the filtered list (not only the page shown)."""
    form = _filter_form(request)
    if not form.is_valid():
        raise Http404
    claims = filtered_claims(
        member=request.member, viewer=request.member, claim_type=kind, filters=form.filters()
    )
    audit_record(request=request, action=CLAIMS_DOWNLOADED, member=request.member, detail=kind)
    return claims_csv(claims, filename=f"{kind}-claims.csv")


@require_GET
@member_required
def claim(request: MemberRequest, claim_id: int) -> HttpResponse:
    """A claim's detail: its lines and totals, status, network, denial reasons and how to appeal."""
    found = claim_detail(member=request.member, viewer=request.member, claim_id=claim_id)
    if found is None:
        raise Http404
    context = {"claim": found, "heading": LIST_LABELS[found.claim_type], "appeal": how_to_appeal(found)}
    return render(request, "claims/claim.html", context)


@require_GET
@never_cache
@member_required
def eob(request: MemberRequest, claim_id: int) -> HttpResponse:
    """Print explanation of benefits: the claim as a tagged PDF in the page's language."""
    found = claim_detail(member=request.member, viewer=request.member, claim_id=claim_id)
    if found is None:
        raise Http404
    try:
        pdf = eob_pdf(found, appeal=how_to_appeal(found))
    except PdfRenderTimeout:
        message = _("Your explanation of benefits could not be prepared. Please try again in a minute.")
        return render(
            request, "claims/eob_unavailable.html", {"message": message, "claim": found}, status=503
        )
    audit_record(request=request, action=EOB_PRINTED, member=request.member)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{EOB_FILENAME}"'
    return response
