"""Demo referrals and prior authorizations: about two per member, and a realistic set for the
demo member (approved, partly approved, denied with the appeal window open and closed, pending
standard and expedited, one overdue, a cancelled referral and a sensitive one), so every
explanation and actions menu of the page can be seen.

Its own random stream (`seed:authorizations`), so adding it moved no other builder's data.
"""

import datetime
import itertools
import random
import uuid
from typing import Any

from django.db import models

from authorizations.models import Authorization, Decision, Kind, Priority
from demo.dates import Calendar

COLUMNS: dict[type[models.Model], tuple[str, ...]] = {
    Authorization: (
        "public_id",
        "authorization_number",
        "member_id",
        "kind",
        "requesting_provider_npi",
        "requesting_provider_name",
        "servicing_provider_npi",
        "servicing_provider_name",
        "service_description",
        "procedure_codes",
        "units_requested",
        "units_approved",
        "priority",
        "requested_date",
        "decision",
        "decision_date",
        "start_date",
        "end_date",
        "denial_reason",
        "sensitive",
    ),
}

# (kind, service, procedure codes, units asked for, servicing provider, sensitive)
SERVICES: tuple[tuple[str, str, list[str], int, str, bool], ...] = (
    (Kind.AUTHORIZATION, "Physical therapy", ["97110", "97140"], 12, "Valley Physical Therapy", False),
    (Kind.AUTHORIZATION, "MRI of the lower back", ["72148"], 1, "Salinas Imaging Center", False),
    (Kind.AUTHORIZATION, "Home health aide visits", ["G0156"], 20, "Central Coast Home Health", False),
    (Kind.AUTHORIZATION, "Sleep study", ["95810"], 1, "Monterey Sleep Center", False),
    (Kind.AUTHORIZATION, "Continuous glucose monitor", ["E2103"], 1, "Coastal Medical Supply", False),
    (Kind.AUTHORIZATION, "Knee arthroscopy", ["29881"], 1, "Natividad Surgery Center", False),
    (Kind.AUTHORIZATION, "Outpatient counseling", ["90837"], 10, "Hope Behavioral Health", True),
    (Kind.REFERRAL, "Cardiology consultation", ["99244"], 1, "Heart Care of the Central Coast", False),
    (Kind.REFERRAL, "Dermatology consultation", ["99243"], 1, "Salinas Valley Dermatology", False),
    (Kind.REFERRAL, "Orthopedic consultation", ["99244"], 1, "Peninsula Orthopedics", False),
)
DENIAL_REASONS = (
    "Six weeks of physical therapy are needed before an MRI for lower back pain.",
    "The records sent do not show that this service is medically necessary.",
    "This service is available from a provider in the plan's network.",
    "More visits than the plan's guidelines allow for this condition were asked for.",
)
REQUESTERS = ("Lucía Fernández-García", "Thanh Nguyen", "Maria Vang", "David Cohen", "Aisha Rahman")
# Decisions of the other members' records, weighted as a plan's mix.
_DECISIONS = (
    Decision.APPROVED,
    Decision.PARTIALLY_APPROVED,
    Decision.DENIED,
    Decision.PENDING,
    Decision.CANCELLED,
    Decision.WITHDRAWN,
)
_DECISION_WEIGHTS = list(itertools.accumulate([70, 6, 10, 8, 4, 2]))
# How many records a member has: about two on average.
_COUNT_WEIGHTS = list(itertools.accumulate([20, 20, 25, 20, 15]))

# The demo member's set: (service, decision, days since the request, days to decide, priority,
# units approved).
_DEMO_SET = (
    (0, Decision.APPROVED, 40, 3, Priority.STANDARD, 12),
    (2, Decision.PARTIALLY_APPROVED, 25, 5, Priority.STANDARD, 12),
    (1, Decision.DENIED, 14, 4, Priority.STANDARD, None),
    (5, Decision.DENIED, 110, 6, Priority.STANDARD, None),
    (3, Decision.PENDING, 3, 0, Priority.STANDARD, None),
    (4, Decision.PENDING, 1, 0, Priority.EXPEDITED, None),
    (9, Decision.PENDING, 10, 0, Priority.STANDARD, None),
    (7, Decision.APPROVED, 60, 2, Priority.STANDARD, 1),
    (8, Decision.CANCELLED, 80, 1, Priority.STANDARD, None),
    (6, Decision.APPROVED, 30, 4, Priority.STANDARD, 10),
)


class AuthorizationRows:
    """Authorization rows, a member at a time, waiting to be written."""

    def __init__(self, seed: int, calendar: Calendar) -> None:
        self.rng = random.Random(f"{seed}:authorizations")  # noqa: S311 - made-up data
        self.calendar = calendar
        self.numbers = itertools.count(1)
        self.year = calendar.today.year
        self.rows: dict[type[models.Model], list[tuple[Any, ...]]] = {Authorization: []}

    def add(self, member_pk: int, *, demo_member: bool) -> None:
        if demo_member:
            for service, decision, ago, takes, priority, approved in _DEMO_SET:
                # The MRI's reason is that therapy comes first, as plans' criteria say.
                reason = service - 1
                self._row(member_pk, service, decision, ago, takes, priority, approved, reason_index=reason)
            return
        rng = self.rng
        for _ in range(rng.choices(range(5), cum_weights=_COUNT_WEIGHTS)[0]):
            decision = rng.choices(_DECISIONS, cum_weights=_DECISION_WEIGHTS)[0]
            priority = Priority.EXPEDITED if rng.random() < 0.1 else Priority.STANDARD
            ago = rng.randint(0, 12) if decision == Decision.PENDING else rng.randint(5, 700)
            service = rng.randrange(len(SERVICES))
            units = SERVICES[service][3]
            approved = units if decision == Decision.APPROVED else max(1, units // 2)
            self._row(
                member_pk,
                service,
                decision,
                ago,
                min(ago, rng.randint(1, 7)),
                priority,
                approved,
                rng.randrange(4),
            )

    def _row(
        self,
        member_pk: int,
        service: int,
        decision: str,
        ago: int,
        takes: int,
        priority: str,
        approved: int | None,
        reason_index: int,
    ) -> None:
        kind, description, codes, units, servicing, sensitive = SERVICES[service]
        days_ago = self.calendar.days_ago
        requested = days_ago(ago)
        decided: datetime.date | None = None if decision == Decision.PENDING else days_ago(ago - takes)
        covered = decision in (Decision.APPROVED, Decision.PARTIALLY_APPROVED)
        starts = days_ago(max(ago - takes - 3, 0)) if covered else None
        ends = starts + datetime.timedelta(days=90) if starts else None
        adverse = decision in (Decision.DENIED, Decision.PARTIALLY_APPROVED)
        self.rows[Authorization].append(
            (
                uuid.UUID(int=self.rng.getrandbits(128), version=4),
                f"{self.year}-{next(self.numbers):08d}",
                member_pk,
                kind,
                "",
                REQUESTERS[member_pk % len(REQUESTERS)],
                "",
                servicing,
                description,
                codes,
                units,
                approved if covered else None,
                priority,
                requested,
                decision,
                decided,
                starts,
                ends,
                DENIAL_REASONS[reason_index % len(DENIAL_REASONS)] if adverse else "",
                sensitive,
            )
        )
