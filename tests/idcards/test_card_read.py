"""The card's one-statement read (idcards/cards.py) restates two rules that live in the models'
managers: PcpAssignment.objects.in_effect_on() and Coverage.objects.in_effect_on(). On generated histories
(overlapping spans, open-ended and future assignments, gaps) the card must show exactly the PCP
and the coverage span those managers pick, on every day around them."""

import datetime
import random
from collections.abc import Callable

import pytest

from coverage.models import Coverage
from idcards.cards import id_card_for
from members.models import Member
from providers.models import PcpAssignment
from tests.providers.pcp_factories import make_provider

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 1, 1)
DAYS = [START + datetime.timedelta(days=n) for n in range(-5, 130, 5)]


def day(offset: int) -> datetime.date:
    return START + datetime.timedelta(days=offset)


def by_the_managers(member: Member, today: datetime.date) -> tuple[object, ...]:
    assignment = (
        PcpAssignment.objects.in_effect_on(today)
        .filter(member=member)
        .select_related("provider")
        .order_by("-effective_from")
        .first()
    )
    span = (
        Coverage.objects.in_effect_on(today).filter(member=member).order_by("-effective_date", "-id").first()
    )
    return (
        assignment.provider.full_name if assignment else "",
        assignment.provider.clinic_name if assignment else "",
        span.program if span else "",
        span.plan if span else "",
        span.effective_date if span else None,
    )


def make_history(member: Member, rng: random.Random) -> None:
    providers = [make_provider(first_name=f"Doc{n}", clinic_name=f"Clinic {n}") for n in range(3)]
    # PCP periods: distinct start days (the natural key), end days inclusive and possibly
    # overlapping the next period, at most one open-ended (the latest).
    starts = sorted(rng.sample(range(0, 120), rng.randint(0, 4)))
    for n, start in enumerate(starts):
        open_ended = n == len(starts) - 1 and rng.random() < 0.5
        PcpAssignment.objects.create(
            member=member,
            provider=rng.choice(providers),
            effective_from=day(start),
            effective_to=None if open_ended else day(start + rng.randint(0, 40)),
        )
    # Coverage spans may overlap (a program change mid-month); some have no end date.
    for n in range(rng.randint(0, 4)):
        start = rng.randint(0, 120)
        Coverage.objects.create(
            member=member,
            program=rng.choice(["Medi-Cal", "Medicare Medi-Cal Plan"]),
            plan=f"Plan {n}",
            effective_date=day(start),
            end_date=None if rng.random() < 0.3 else day(start + rng.randint(0, 60)),
        )


def test_the_card_shows_the_pcp_and_coverage_span_the_managers_pick(
    make_member: Callable[..., Member],
) -> None:
    seen: set[str] = set()
    for seed in range(30):
        member = make_member()
        make_history(member, random.Random(seed))
        for today in DAYS:
            card = id_card_for(member, today)
            shown = (card.pcp_name, card.pcp_clinic, card.program, card.coverage_plan, card.effective_date)
            assert shown == by_the_managers(member, today), f"seed {seed}, {today}"
            seen.add("a PCP" if card.pcp_name else "no PCP")
            seen.add("coverage" if card.program else "no coverage")
            if Coverage.objects.in_effect_on(today).filter(member=member).count() > 1:
                seen.add("overlapping spans")
            if PcpAssignment.objects.in_effect_on(today).filter(member=member).count() > 1:
                seen.add("overlapping PCP periods")
    # The generated histories reach every case the rules distinguish.
    assert seen == {
        "a PCP",
        "no PCP",
        "coverage",
        "no coverage",
        "overlapping spans",
        "overlapping PCP periods",
    }
