"""How a denied or partly denied claim tells the member to appeal: a link to the Grievances and
Appeals page when the plan's profile turns the `appeals` feature on and that page exists, and
otherwise member services' phone (the page says both, and the deadline, in the plan's words)."""

import datetime
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

from claims.models import Claim
from claims.rules import appeal_deadline
from portal.registry import feature_enabled

APPEALS_FEATURE = "appeals"
APPEALS_URL_NAME = "appeals"


@dataclass(frozen=True)
class HowToAppeal:
    url: str | None  # the Grievances and Appeals page, or None: call member services
    deadline: datetime.date | None  # None while the claim has no decision date


def appeals_page_url() -> str | None:
    if not feature_enabled(APPEALS_FEATURE):
        return None
    try:
        return reverse(APPEALS_URL_NAME)
    except NoReverseMatch:  # the feature is named (the demo profile's "*") but not installed
        return None


def how_to_appeal(claim: Claim) -> HowToAppeal | None:
    """What the claim's page says about appealing it; None for a claim that was not denied."""
    if not claim.appealable:
        return None
    decided = claim.paid_date
    return HowToAppeal(url=appeals_page_url(), deadline=appeal_deadline(decided) if decided else None)
