"""Each claims page makes the same number of queries for a member with 1 claim as with 500."""

import datetime
from collections.abc import Iterator

import pytest
import time_machine
from django.test import Client

from claims.models import Claim, ClaimLine
from members.models import Member
from tests.claims.records import make_claim
from tests.queries import queries_for


@pytest.fixture(autouse=True)
def june() -> Iterator[None]:
    with time_machine.travel(datetime.datetime(2026, 6, 15, 18, 0, tzinfo=datetime.UTC), tick=False):
        yield


def many_claims(member: Member, count: int) -> None:
    """`count` more claims of one line each, spread over the last year (copies of a first one)."""
    first = make_claim(member, service=datetime.date(2026, 6, 1))
    line = first.lines.get()
    claims = Claim.objects.bulk_create(
        Claim(
            **{
                **_fields(first),
                "claim_number": f"Q{n:06d}",
                "service_from": datetime.date(2025, 7, 1) + datetime.timedelta(days=n % 340),
            }
        )
        for n in range(count - 1)
    )
    ClaimLine.objects.bulk_create(ClaimLine(**{**_fields(line), "claim_id": claim.pk}) for claim in claims)


def _fields(row: Claim | ClaimLine) -> dict[str, object]:
    return {f.attname: getattr(row, f.attname) for f in row._meta.concrete_fields if not f.primary_key}


PAGES = [
    "/claims/",
    "/claims/medical/",
    "/claims/medical/?provider=salinas&procedure_code=99213&start=2025-07-01",
    "/claims/medical/?after=2026-01-01.999999999",
    "/",
]


@pytest.mark.parametrize("url", PAGES)
def test_a_fixed_number_of_queries_per_page(member_client: Client, member: Member, url: str) -> None:
    make_claim(member, service=datetime.date(2026, 5, 1))
    member_client.get(url)  # the session's first request writes it
    one = queries_for(member_client, url)

    many_claims(member, 500)
    assert queries_for(member_client, url) == one


def test_the_claim_page_and_its_pdf_read_the_claim_and_its_lines_once(
    member_client: Client, member: Member
) -> None:
    claim = make_claim(member, service=datetime.date(2026, 5, 1))
    wide = make_claim(member, service=datetime.date(2026, 5, 1), lines=50)
    member_client.get("/claims/")
    for suffix in ["", "explanation-of-benefits/"]:
        assert queries_for(member_client, f"/claims/claim/{claim.pk}/{suffix}") == queries_for(
            member_client, f"/claims/claim/{wide.pk}/{suffix}"
        )


def test_the_csv_reads_in_chunks(member_client: Client, member: Member) -> None:
    make_claim(member, service=datetime.date(2026, 5, 1))
    member_client.get("/claims/")
    one = queries_for(member_client, "/claims/medical/download/")
    many_claims(member, 400)
    assert queries_for(member_client, "/claims/medical/download/") == one
