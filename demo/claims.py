"""Demo claims: most members a few claims a year, some hundreds, over the two years the portal
shows; about ten claim lines a member on average (docs/demo-data.md).

Each claim is medical, pharmacy, dental or vision, from a billing provider of its kind, with one
to three lines of common procedure codes (CPT, HCPCS, CDT) or drugs (NDC), amounts a Medi-Cal
plan would show (mostly no copay; coinsurance and deductibles out of network), and a status:
mostly paid, some denied with the reason, partly paid, pending (recent ones) or adjusted. A few
are sensitive (behavioral or reproductive health). Claims draw from their own random stream,
so adding them did not change the other builders' data. Claim ids are numbered here (the
lines refer to them before either is written) and the id sequence is moved past them at the end.
"""

import itertools
import random
from typing import Any

from django.db import connection, models

from claims.models import Claim, ClaimLine, fold_words
from demo.dates import Calendar
from demo.providers import npi_check_digit

AMOUNTS = ("billed", "allowed", "plan_paid", "copay", "coinsurance", "deductible", "not_covered")
COLUMNS: dict[type[models.Model], tuple[str, ...]] = {
    Claim: (
        "id",
        "member_id",
        "claim_number",
        "claim_type",
        "status",
        "billing_provider_npi",
        "billing_provider_name",
        "billing_provider_folded",
        "rendering_provider_npi",
        "in_network",
        "sensitive",
        "received_date",
        "paid_date",
        "service_from",
        "service_to",
        *AMOUNTS,
    ),
    ClaimLine: (
        "claim_id",
        "line_number",
        "service_from",
        "service_to",
        "procedure_code",
        "modifier",
        "procedure_description",
        "diagnosis_codes",
        "units",
        *AMOUNTS,
        "line_status",
        "denial_reason_code",
        "denial_reason",
    ),
}

# (code, description, billed from, to, in dollars)
SERVICES: dict[str, tuple[tuple[str, str, int, int], ...]] = {
    "medical": (
        ("99213", "Office visit, established patient", 120, 180),
        ("99214", "Office visit, established patient, longer", 180, 260),
        ("99203", "Office visit, new patient", 150, 220),
        ("99395", "Preventive visit, age 18 to 39", 200, 300),
        ("80053", "Comprehensive metabolic panel", 30, 80),
        ("85025", "Complete blood count", 20, 50),
        ("36415", "Blood draw", 10, 25),
        ("71046", "Chest X-ray, 2 views", 90, 200),
        ("93000", "Electrocardiogram", 40, 90),
        ("90686", "Flu vaccine", 25, 45),
        ("90471", "Vaccine administration", 20, 35),
        ("99283", "Emergency department visit", 400, 900),
        ("97110", "Therapeutic exercise", 60, 120),
    ),
    "pharmacy": (
        ("00093310905", "Amoxicillin 500 mg capsules", 12, 30),
        ("00378018110", "Metformin 500 mg tablets", 8, 25),
        ("00071015523", "Atorvastatin 20 mg tablets", 15, 60),
        ("68180051201", "Lisinopril 10 mg tablets", 8, 20),
        ("00173068220", "Albuterol inhaler", 40, 90),
    ),
    "dental": (
        ("D0120", "Periodic oral evaluation", 45, 80),
        ("D1110", "Teeth cleaning, adult", 80, 140),
        ("D0274", "Bitewing X-rays, four films", 60, 110),
        ("D2391", "Resin filling, one surface", 130, 220),
    ),
    "vision": (
        ("92014", "Eye exam, established patient", 110, 190),
        ("V2020", "Eyeglass frames", 60, 150),
        ("V2100", "Single vision lenses", 50, 120),
    ),
    # Behavioral, reproductive and sexual health: medical claims marked sensitive.
    "sensitive": (
        ("90834", "Psychotherapy, 45 minutes", 120, 200),
        ("58300", "Contraceptive device insertion", 200, 400),
    ),
}
DIAGNOSES = {
    "medical": ("Z00.00", "J06.9", "I10", "E11.9", "M54.50", "R05.9"),
    "pharmacy": ("I10", "E11.9", "J45.909"),
    "dental": ("K02.9", "Z01.20"),
    "vision": ("H52.13", "Z01.00"),
    "sensitive": ("F41.1", "Z30.430"),
}
PROVIDERS = {
    "medical": (
        "Central Coast Medical Center", "Monterey Bay Family Clinic", "Clínica del Valle",
        "Pajaro Valley Hospital", "Merced Community Lab", "Coastal Imaging Center",
    ),
    "pharmacy": ("Main Street Pharmacy", "Harbor Drug Store"),
    "dental": ("Bayside Dental Group", "Sonrisas Family Dentistry"),
    "vision": ("Valley Vision Center",),
    "sensitive": ("Hope Behavioral Health", "Women's Health Center of Salinas"),
}  # fmt: skip
DENIALS = (
    ("CO-50", "The plan decided this service was not medically necessary."),
    ("CO-197", "This service needed a prior authorization that was not on file."),
    ("CO-29", "The provider sent the claim after the time limit for filing."),
    ("PR-96", "This service is not covered by your plan."),
)
KINDS = ("medical", "pharmacy", "dental", "vision", "sensitive")
_KIND_WEIGHTS = list(itertools.accumulate([62, 22, 9, 5, 2]))
# Claims a member has over two years: none, a few, a dozen, or (1 in 200) hundreds.
_CLAIM_COUNTS = ((0, 0), (1, 4), (5, 12), (13, 24), (150, 350))
_CLAIM_COUNT_WEIGHTS = list(itertools.accumulate([15, 56, 22.6, 6, 0.4]))
HISTORY_DAYS = 730


def _npi(rng: random.Random) -> str:
    first_nine = f"1{rng.randrange(10**8):08d}"
    return first_nine + str(npi_check_digit(first_nine))


def _dollars(cents: int | None) -> str | None:
    return None if cents is None else f"{cents // 100}.{cents % 100:02d}"


class ClaimRows:
    """Claim and claim line rows, a member at a time, waiting to be written."""

    def __init__(self, rng: random.Random, calendar: Calendar, first_id: int) -> None:
        self.rng = rng
        self.calendar = calendar
        self.next_id = first_id
        self.rows: dict[type[models.Model], list[tuple[Any, ...]]] = {Claim: [], ClaimLine: []}
        self.providers = {
            kind: [(name, fold_words(name), _npi(rng)) for name in names] for kind, names in PROVIDERS.items()
        }

    def add(self, member_pk: int, *, demo: bool) -> None:
        """Add the member's claims: for the demo member about 30 of every kind and status."""
        rng = self.rng
        if demo:
            count = 30
        else:
            low, high = rng.choices(_CLAIM_COUNTS, cum_weights=_CLAIM_COUNT_WEIGHTS)[0]
            count = rng.randint(low, high)
        for n in range(count):
            kind = KINDS[n % len(KINDS)] if demo else rng.choices(KINDS, cum_weights=_KIND_WEIGHTS)[0]
            self._claim(member_pk, kind, rng.randrange(HISTORY_DAYS))

    def _claim(self, member_pk: int, kind: str, days_ago: int) -> None:
        rng, calendar = self.rng, self.calendar
        claim_id = self.next_id
        self.next_id += 1
        name, folded, npi = rng.choice(self.providers[kind])
        in_network = rng.random() < 0.9
        served = calendar.days_ago(days_ago)
        received_after = rng.randint(2, 20)
        received = calendar.days_ago(max(days_ago - received_after, 0))
        pending = days_ago < 45 and rng.random() < 0.4
        paid = None if pending else calendar.days_ago(max(days_ago - received_after - rng.randint(5, 30), 0))
        totals = [0] * len(AMOUNTS)
        known = [False] * len(AMOUNTS)
        statuses = set()
        lines = self.rows[ClaimLine]
        diagnoses = [rng.choice(DIAGNOSES[kind])]
        for line_number in range(1, (1 if kind == "pharmacy" else rng.randint(1, 3)) + 1):
            code, description, low, high = rng.choice(SERVICES[kind])
            status, amounts, denial = self._amounts(rng.randint(low * 100, high * 100), in_network, pending)
            statuses.add(status)
            for index, cents in enumerate(amounts):
                if cents is not None:
                    totals[index] += cents
                    known[index] = True
            lines.append(
                (
                    claim_id,
                    line_number,
                    served,
                    served,
                    code,
                    "",
                    description,
                    diagnoses,
                    "30" if kind == "pharmacy" else "1",
                    *(_dollars(cents) for cents in amounts),
                    status,
                    *denial,
                )
            )
        if len(statuses) == 1:
            status = statuses.pop()
        else:
            status = "partially paid" if "denied" in statuses else "paid"
        self.rows[Claim].append(
            (
                claim_id,
                member_pk,
                f"CL{claim_id:010d}",
                "medical" if kind == "sensitive" else kind,
                status,
                npi,
                name,
                folded,
                "",
                in_network,
                kind == "sensitive",
                received,
                paid,
                served,
                served,
                *(_dollars(total) if seen else None for total, seen in zip(totals, known, strict=True)),
            )
        )

    def _amounts(
        self, billed: int, in_network: bool, pending: bool
    ) -> tuple[str, list[int | None], tuple[str, str]]:
        """A line's status, amounts in cents (billed … not covered) and denial (code, reason)."""
        rng = self.rng
        if pending:
            return "pending", [billed, None, None, None, None, None, None], ("", "")
        roll = rng.random()
        if roll < 0.08:
            code, reason = rng.choice(DENIALS)
            return "denied", [billed, 0, 0, None, None, None, billed], (code, reason)
        allowed = billed * rng.randint(45, 85) // 100
        copay = rng.choice((0, 0, 0, 500, 1000)) if in_network else 0
        coinsurance = 0 if in_network else allowed // 5
        deductible = 0 if in_network or rng.random() < 0.5 else min(allowed - coinsurance, 5000)
        copay = min(copay, allowed - coinsurance - deductible)
        plan_paid = allowed - copay - coinsurance - deductible
        status = "adjusted" if roll > 0.99 else "paid"
        return (
            status,
            [billed, allowed, plan_paid, copay or None, coinsurance or None, deductible or None, None],
            ("", ""),
        )


def claim_ids_start() -> int:
    """The first claim id free for the builder to number from."""
    highest = Claim.objects.aggregate(highest=models.Max("id"))["highest"] or 0
    return int(highest) + 1


def claim_ids_taken() -> None:
    """Move the claims' id sequence past the ids the builder wrote (PostgreSQL; SQLite follows
    the highest id by itself)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('claims_claim', 'id'), "
            "GREATEST((SELECT MAX(id) FROM claims_claim), 1))"
        )
