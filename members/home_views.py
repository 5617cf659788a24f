"""The member's home page after log-in: a dashboard of the cards the plan's enabled apps add."""

from dataclasses import dataclass

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.module_loading import import_string
from django.views.decorators.http import require_GET

from members.decorators import MemberRequest, member_required
from portal.clock import plan_today
from portal.registry import dashboard_cards


@dataclass(frozen=True)
class Card:
    template: str
    context: dict[str, object]


@require_GET
@member_required
def home(request: MemberRequest) -> HttpResponse:
    today = plan_today()
    cards = []
    for card in dashboard_cards():
        context = import_string(card.context)(member=request.member, today=today)
        if context is not None:
            cards.append(Card(card.template, context))
    return render(request, "members/home.html", {"cards": cards})
