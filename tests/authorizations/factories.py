"""Referrals and authorizations for the tests (a plain helper, not a test module)."""

import datetime
from itertools import count
from typing import Any

from authorizations.models import Authorization, Decision, Kind, Priority
from members.models import Member

_numbers = count(100)


def make_authorization(member: Member, **fields: Any) -> Authorization:
    """An approved standard authorization unless `fields` say otherwise; a unique number each."""
    values: dict[str, Any] = {
        "authorization_number": f"2026-{next(_numbers):05d}",
        "member": member,
        "kind": Kind.AUTHORIZATION,
        "servicing_provider_name": "Salinas Imaging Center",
        "requesting_provider_name": "Lucía Fernández-García",
        "service_description": "MRI of the lower back",
        "procedure_codes": ["72148"],
        "units_requested": 1,
        "units_approved": 1,
        "priority": Priority.STANDARD,
        "requested_date": datetime.date(2026, 3, 2),
        "decision": Decision.APPROVED,
        "decision_date": datetime.date(2026, 3, 5),
        "start_date": datetime.date(2026, 3, 9),
        "end_date": datetime.date(2026, 6, 9),
    }
    values.update(fields)
    if values["decision"] == Decision.PENDING:
        values["decision_date"] = fields.get("decision_date")
    if values["decision"] in (Decision.DENIED, Decision.PARTIALLY_APPROVED) and not values.get(
        "denial_reason"
    ):
        values["denial_reason"] = "Six weeks of physical therapy are needed first."
    return Authorization.objects.create(**values)
