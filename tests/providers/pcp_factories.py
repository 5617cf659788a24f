"""Builders for the PCP tests: directory entries and PCP assignments (plain functions, not fixtures,
so they do not clash with other test modules in this package)."""

import datetime
import itertools

from members.models import Member
from providers.models import Gender, PcpAssignment, Provider

_npis = itertools.count(1_000_000_001)


def make_provider(**fields: object) -> Provider:
    """A primary care provider in Monterey County who accepts new patients, unless told otherwise."""
    defaults: dict[str, object] = {
        "npi": str(next(_npis)),
        "first_name": "Lucía",
        "last_name": "García",
        "gender": Gender.FEMALE,
        "specialty": "Family Medicine",
        "is_primary_care": True,
        "accepting_new_patients": True,
        "languages": ["en", "es"],
        "clinic_name": "Clínica del Valle",
        "address_line1": "300 Main St",
        "city": "Salinas",
        "county": "Monterey",
        "state": "CA",
        "zip_code": "93901",
        "phone": "+18315550110",
    }
    defaults.update(fields)
    provider = Provider(**defaults)
    provider.fold_names()
    provider.save()
    return provider


def assign(
    member: Member, provider: Provider, start: datetime.date, end: datetime.date | None = None
) -> PcpAssignment:
    return PcpAssignment.objects.create(
        member=member, provider=provider, effective_from=start, effective_to=end
    )
