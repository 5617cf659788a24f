"""The member's home page after log-in."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from members.decorators import MemberRequest, member_required


@require_GET
@member_required
def home(request: MemberRequest) -> HttpResponse:
    return render(request, "members/home.html")
