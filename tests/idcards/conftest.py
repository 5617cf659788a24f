"""For the ID card tests: a second provider, a staff user, a long coverage history and a PDF reader.

The member with everything an ID card shows (`carded_member`) and their `provider` are in
tests/conftest.py."""

import datetime
import re
import zlib

import pytest

from coverage.models import Coverage
from members.models import Member, User
from providers.models import Provider


def add_past_coverage(member: Member, count: int) -> None:
    """`count` ended Medi-Cal spans, one a month from 1990: a long enrollment history."""
    start = datetime.date(1990, 1, 1)
    Coverage.objects.bulk_create(
        Coverage(
            member=member,
            program="Medi-Cal",
            plan=f"Plan {n}",
            effective_date=start + datetime.timedelta(days=30 * n),
            end_date=start + datetime.timedelta(days=30 * n + 20),
        )
        for n in range(count)
    )


@pytest.fixture
def other_provider(db: None) -> Provider:
    return Provider.objects.create(
        npi="1987654321",
        first_name="Luis",
        last_name="Pham",
        specialty="Internal Medicine",
        is_primary_care=True,
        phone="831-555-0199",
    )


@pytest.fixture
def staff_user(db: None) -> User:
    return User.objects.create_user(username="agent", password="x", is_staff=True)


def pdf_streams(pdf: bytes) -> bytes:
    """The PDF with its compressed streams inflated, so its dictionaries can be searched."""
    parts = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)
