"""Assessments (placeholder until the answering pages land)."""

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from members.decorators import MemberRequest, member_required


@require_GET
@member_required
def assessments(request: MemberRequest) -> HttpResponse:
    raise Http404


@member_required
def answer(request: MemberRequest, assessment_id: int, section: int = 1) -> HttpResponse:
    raise Http404
