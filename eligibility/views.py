"""My Benefits: the programs the viewed member is eligible for, with status and dates, their
enrollment in a health plan, the plan type and the renewal date."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from eligibility.selectors import eligibility_of
from households.viewing import viewing_for
from members.decorators import MemberRequest, member_required


@require_GET
@member_required
def my_benefits(request: MemberRequest) -> HttpResponse:
    viewing = viewing_for(request)
    spans = eligibility_of(viewing.member)
    return render(request, "eligibility/my_benefits.html", {"viewing": viewing, "spans": spans})
