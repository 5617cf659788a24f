"""Builders for the PCP tests (directory entries, PCP assignments) and readers of the pages they
test (plain functions, not fixtures, so they do not clash with other test modules in this package)."""

import datetime
import itertools
import re

from django.test import Client

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


def pcp_block(html: str, kind: str) -> str:
    """The My PCP page's "current" or "pending" block (a directory entry inside holds <div>s)."""
    rest = html.split(f'class="pcp pcp--{kind} usa-card"')[1]
    return re.split(r'<div class="pcp |</section>', rest)[0]


def search(client: Client, **params: str) -> str:
    """The Change PCP page for a search (GET), checked to be one page with one <h1>."""
    response = client.get("/providers/change/", params)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    return html


def names(html: str) -> list[str]:
    """The providers listed on a results page, in order."""
    return re.findall(r'class="pcp-result__name"[^>]*>([^<]+)<', html)


def result_row(html: str, name: str) -> str:
    """The results row of the provider called `name`."""
    rows = [row for row in html.split('<li class="pcp-result">')[1:] if f">{name}<" in row]
    assert len(rows) == 1, f"{name}: {len(rows)} rows"
    return rows[0].split("</li>")[0]
