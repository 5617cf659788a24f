"""Helpers for the claims tests: a claim with its lines, made as the importer would leave it."""

import datetime
import itertools
from decimal import Decimal
from typing import Any

from claims.importers import refresh_claim_totals
from claims.models import Claim, ClaimLine, ClaimStatus, ClaimType
from members.models import Member

_numbers = itertools.count(1)


def make_claim(
    member: Member,
    *,
    service: datetime.date,
    lines: int = 1,
    claim_type: str = ClaimType.MEDICAL,
    status: str = ClaimStatus.PAID,
    provider: str = "Salinas Valley Clinic",
    procedure_code: str = "99213",
    denial_reason: str = "",
    **fields: Any,
) -> Claim:
    """A claim of `lines` identical lines: billed 150.00, allowed 100.00, plan paid 80.00, copay 20.00."""
    claim = Claim(
        member=member,
        claim_number=fields.pop("claim_number", f"CLM{next(_numbers):08d}"),
        claim_type=claim_type,
        status=status,
        billing_provider_npi="1234567893",
        billing_provider_name=provider,
        in_network=fields.pop("in_network", True),
        received_date=service + datetime.timedelta(days=3),
        paid_date=fields.pop("paid_date", service + datetime.timedelta(days=20)),
        **fields,
    )
    claim.fold_provider()
    claim.save()
    ClaimLine.objects.bulk_create(
        ClaimLine(
            claim=claim,
            line_number=n,
            service_from=service,
            service_to=service,
            procedure_code=procedure_code,
            procedure_description="Office visit, established patient",
            diagnosis_codes=["J06.9"],
            units=Decimal(1),
            billed=Decimal("150.00"),
            allowed=Decimal("100.00") if status != ClaimStatus.DENIED else Decimal("0.00"),
            plan_paid=Decimal("80.00") if status != ClaimStatus.DENIED else Decimal("0.00"),
            copay=Decimal("20.00") if status != ClaimStatus.DENIED else None,
            not_covered=Decimal("150.00") if status == ClaimStatus.DENIED else None,
            line_status=status,
            denial_reason=denial_reason,
        )
        for n in range(1, lines + 1)
    )
    refresh_claim_totals([claim.pk], using="default")
    claim.refresh_from_db()
    return claim
