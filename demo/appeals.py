"""Demo grievances and appeals: a realistic set for the demo member (an open appeal of a denied
authorization, an expedited one reversed, one upheld with the right to a State Hearing, an
extended grievance and a withdrawn one), so every list, status, letter and date can be seen.

Its own random stream (`seed:appeals`), so adding it moved no other builder's data. Written
directly (no emails), like the other builders.
"""

import datetime
import random
import uuid

from django.utils import timezone

from appeals import rules
from appeals.models import Case, CaseEvent, CaseKind, CaseStatus, EventKind, GrievanceCategory, Outcome
from authorizations.models import ADVERSE, Authorization
from members.models import Member
from portal.registry import feature_enabled

_LETTERS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def _moment(today: datetime.date, days_ago: int, hour: int) -> datetime.datetime:
    day = today - datetime.timedelta(days=days_ago)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=timezone.get_current_timezone())


def write_appeals(*, member_id: str, today: datetime.date, seed: int) -> dict[str, int]:
    """The demo member's cases and their histories; row counts by table."""
    if not feature_enabled("appeals"):
        return {}
    member = Member.objects.filter(member_id=member_id).first()
    if member is None:
        return {}
    Case.objects.filter(member=member).delete()
    cases, events = _demo_set(member, today, random.Random(f"{seed}:appeals"))  # noqa: S311 - made-up data
    Case.objects.bulk_create(cases)
    CaseEvent.objects.bulk_create(events)
    return {"appeals_case": len(cases), "appeals_caseevent": len(events)}


def write_bench_appeals(*, usernames: list[str], today: datetime.date, copies: int = 10) -> None:
    """The bench members' cases: the demo set `copies` times over the past years (a full list
    page); members that have cases keep them."""
    if not feature_enabled("appeals"):
        return
    for member in Member.objects.filter(user__username__in=usernames).exclude(appeal_cases__isnull=False):
        # A stream per member: references are unique across every bench member there has been.
        rng = random.Random(f"bench:appeals:{member.pk}")  # noqa: S311 - made-up data
        cases: list[Case] = []
        events: list[CaseEvent] = []
        for copy in range(copies):
            more_cases, more_events = _demo_set(member, today - datetime.timedelta(days=130 * copy), rng)
            cases += more_cases
            events += more_events
        Case.objects.bulk_create(cases)
        CaseEvent.objects.bulk_create(events)


def _demo_set(member: Member, today: datetime.date, rng: random.Random) -> tuple[list[Case], list[CaseEvent]]:
    """One set of cases (not yet written) received in the 120 days up to `today`."""
    denied = list(
        Authorization.objects.filter(member=member, decision__in=ADVERSE).order_by("-decision_date")[:3]
    )
    cases: list[Case] = []
    events: list[CaseEvent] = []

    def add(
        kind: str, received: datetime.datetime, steps: list[tuple[str, int, str]], **fields: object
    ) -> None:
        reference = f"{'A' if kind == CaseKind.APPEAL else 'G'}{received:%y%m%d}-" + "".join(
            rng.choice(_LETTERS) for _ in range(8)
        )
        expedited = bool(fields.get("expedited"))
        resolve_by = (
            rules.appeal_resolve_by(received, expedited=expedited)
            if kind == CaseKind.APPEAL
            else rules.grievance_resolve_by(received)
        )
        case = Case(
            reference=reference,
            member=member,
            kind=kind,
            received_at=received,
            acknowledge_by=rules.acknowledge_by(received),
            resolve_by=resolve_by,
            filing_token=uuid.uuid4(),
            contact_phone="+18315550123",
            **fields,
        )
        history = [(EventKind.RECEIVED, 0, ""), *steps]
        for event_kind, hours, note in history:
            at = received + datetime.timedelta(hours=hours)
            events.append(CaseEvent(case=case, kind=event_kind, at=at, note=note))
            if event_kind == EventKind.ACKNOWLEDGED:
                case.acknowledged_at, case.status = at, CaseStatus.ACKNOWLEDGED
            elif event_kind == EventKind.ASSIGNED:
                case.status = CaseStatus.IN_REVIEW
            elif event_kind == EventKind.EXTENDED:
                case.status, case.extension_reason = CaseStatus.EXTENDED, note
                case.resolve_by = rules.extended_resolve_by(case.resolve_by, 14)
            elif event_kind == EventKind.RESOLVED:
                case.status, case.resolved_at, case.resolution_reason = CaseStatus.RESOLVED, at, note
            elif event_kind == EventKind.WITHDRAWN:
                case.status = CaseStatus.WITHDRAWN
        cases.append(case)

    if denied:
        add(
            CaseKind.APPEAL,
            _moment(today, 4, 10),
            [(EventKind.ACKNOWLEDGED, 26, "")],
            authorization=denied[0],
            description="My doctor says I need this now; the therapy I already had did not help.",
        )
        add(
            CaseKind.APPEAL,
            _moment(today, 40, 9),
            [(EventKind.ACKNOWLEDGED, 3, ""), (EventKind.RESOLVED, 50, "Your doctor's notes show the need.")],
            authorization=denied[-1],
            expedited=True,
            outcome=Outcome.OVERTURNED,
            description="I am in pain every day and cannot wait a month.",
        )
        add(
            CaseKind.APPEAL,
            _moment(today, 75, 14),
            [
                (EventKind.ACKNOWLEDGED, 48, ""),
                (EventKind.ASSIGNED, 72, ""),
                (
                    EventKind.RESOLVED,
                    24 * 25,
                    "The records still do not show the service is medically necessary.",
                ),
            ],
            authorization=denied[len(denied) // 2],
            outcome=Outcome.UPHELD,
            description="I tried the other treatment first, as the plan asked.",
        )
    add(
        CaseKind.GRIEVANCE,
        _moment(today, 30, 11),
        [
            (EventKind.ACKNOWLEDGED, 30, ""),
            (EventKind.ASSIGNED, 96, ""),
            (EventKind.EXTENDED, 24 * 20, "We are waiting for the clinic's records of your visit."),
        ],
        category=GrievanceCategory.ACCESS,
        occurred_on=today - datetime.timedelta(days=35),
        provider_name="Salinas Valley Family Clinic",
        description="I called four times and could not get an appointment for three weeks.",
    )
    add(
        CaseKind.GRIEVANCE,
        _moment(today, 120, 16),
        [(EventKind.WITHDRAWN, 30, "")],
        category=GrievanceCategory.BILL,
        description="I got a bill for a visit that should have been covered.",
    )
    return cases, events
