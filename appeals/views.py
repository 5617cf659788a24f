"""Grievances and Appeals: the two lists with their Filter, +Add (a page of its own; no
JavaScript needed), the two forms, a case's page, its letters and files, and Withdraw.

Every read is scoped to `request.member`: another member's case, file or letter answers 404.
"""

import uuid

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from appeals import services
from appeals.audit_actions import CASE_FILED, CASE_WITHDRAWN
from appeals.files import case_file_response
from appeals.forms import AppealForm, CaseFilterForm, GrievanceForm
from appeals.letters import letter_pdf
from appeals.models import Case, CaseKind
from appeals.selectors import after_resolution, case_list, case_page, member_cases
from audit.services import audit_record
from authorizations.models import ADVERSE
from authorizations.rules import appeal_window_closes
from authorizations.selectors import appealable_authorizations, member_authorizations
from members.decorators import MemberRequest, member_required
from portal.clock import plan_today
from portal.pdf import PdfRenderTimeout


def _list(request: MemberRequest, kind: str) -> HttpResponse:
    form = CaseFilterForm(request.GET)
    cases = case_list(request.member, kind, **form.cleaned_data) if form.is_valid() else []
    context = {"form": form, "cases": cases, "kind": kind, "list_url": request.path}
    return render(request, "appeals/list.html", context)


@require_GET
@member_required
def appeals(request: MemberRequest) -> HttpResponse:
    """The Appeals tab: the member's appeals, newest first."""
    return _list(request, CaseKind.APPEAL)


@require_GET
@member_required
def grievances(request: MemberRequest) -> HttpResponse:
    """The Grievances tab."""
    return _list(request, CaseKind.GRIEVANCE)


@require_GET
@member_required
def choose(request: MemberRequest) -> HttpResponse:
    """+Add: choose Appeal or Grievance."""
    return render(request, "appeals/choose.html")


def _filed(request: MemberRequest, case: Case) -> HttpResponseRedirect:
    audit_record(request=request, action=CASE_FILED, member=request.member, detail=case.reference)
    messages.success(
        request,
        _("We received your case. Its reference number is %(reference)s.") % {"reference": case.reference},
    )
    return redirect("appeals_case", case.reference)


@require_http_methods(["GET", "POST"])
@member_required
def new_appeal(request: MemberRequest) -> HttpResponse:
    """The appeal form: the member's appealable decisions, one preselected by ?authorization=.
    A decision whose window has closed is refused with the day it closed."""
    today = plan_today()
    appealable = appealable_authorizations(request.member, today)
    closed = None
    initial = {}
    wanted = request.GET.get("authorization", "")
    if wanted:
        try:
            chosen = (
                member_authorizations(request.member)
                .filter(public_id=uuid.UUID(wanted), decision__in=ADVERSE)
                .first()
            )
        except ValueError:
            chosen = None
        if chosen is None:
            raise Http404
        if chosen.decision_date is not None and chosen in appealable:
            initial["authorization"] = chosen.public_id
        else:
            closed = {
                "authorization": chosen,
                "closed_on": appeal_window_closes(chosen.decision_date or today),
            }
    form = AppealForm(request.POST or None, request.FILES or None, appealable=appealable, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        case = services.file_appeal(
            member=request.member,
            authorization=data["authorization"],
            description=data["description"],
            expedited=data["expedited"],
            contact_phone=data["contact_phone"],
            token=data["token"],
            now=timezone.now(),
            files=data["attachments"],
        )
        return _filed(request, case)
    context = {
        "form": form,
        "closed": closed,
        "has_appealable": appealable.exists(),
    }
    return render(request, "appeals/appeal_form.html", context)


@require_http_methods(["GET", "POST"])
@member_required
def new_grievance(request: MemberRequest) -> HttpResponse:
    """The grievance form: any time."""
    form = GrievanceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        case = services.file_grievance(
            member=request.member,
            category=data["category"],
            description=data["description"],
            occurred_on=data["occurred_on"],
            provider_name=data["provider_name"],
            token=data["token"],
            now=timezone.now(),
            files=data["attachments"],
        )
        return _filed(request, case)
    return render(request, "appeals/grievance_form.html", {"form": form})


@require_GET
@member_required
def case(request: MemberRequest, reference: str) -> HttpResponse:
    """A case: its dates, history, letters and files."""
    found = case_page(request.member, reference)
    if found is None:
        raise Http404
    return render(request, "appeals/case.html", {"case": found, "after": after_resolution(found)})


@require_POST
@member_required
def withdraw(request: MemberRequest, reference: str) -> HttpResponse:
    """Withdraw an open case (a POST from the case page's button)."""
    found = get_object_or_404(member_cases(request.member), reference=reference)
    if services.withdraw(case=found, now=timezone.now()):
        audit_record(request=request, action=CASE_WITHDRAWN, member=request.member, detail=found.reference)
        messages.success(request, _("Your case was withdrawn."))
    return redirect("appeals_case", found.reference)


@never_cache
@require_GET
@member_required
def letter(request: MemberRequest, reference: str, event_id: int) -> HttpResponse:
    """A letter of the case as a PDF in the member's language; never stored by browsers."""
    found = get_object_or_404(member_cases(request.member), reference=reference)
    event = get_object_or_404(found.events.all(), pk=event_id)
    if not event.has_letter:
        raise Http404
    try:
        pdf = letter_pdf(found, event, language=request.LANGUAGE_CODE)
    except PdfRenderTimeout:
        return HttpResponse(_("The letter could not be prepared. Please try again in a minute."), status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{found.reference}-{event.kind}.pdf"'
    patch_cache_control(response, no_store=True, private=True)
    return response


@require_GET
@member_required
def case_file(request: MemberRequest, reference: str, file_id: uuid.UUID) -> HttpResponse:
    """A file the member sent, back to the member only; never stored by browsers."""
    found = get_object_or_404(member_cases(request.member), reference=reference)
    record = get_object_or_404(found.files.all(), public_id=file_id)
    return case_file_response(record)
