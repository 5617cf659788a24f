"""Claims → Medical Claims: the last year's claims, newest first, with the seed's filters."""

import datetime
from collections.abc import Iterator

import pytest
import time_machine
from django.test import Client

from claims.models import ClaimStatus, ClaimType
from members.models import Member
from tests.claims.records import make_claim

# 06:30 UTC on June 1 is still 11:30 p.m. on May 31 in California (PDT).
LATE_MAY_31_IN_CALIFORNIA = datetime.datetime(2026, 6, 1, 6, 30, tzinfo=datetime.UTC)
MID_JUNE = datetime.datetime(2026, 6, 15, 18, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def june() -> Iterator[None]:
    with time_machine.travel(MID_JUNE, tick=False):
        yield


def listed(client: Client, query: str = "", kind: str = "medical") -> str:
    response = client.get(f"/claims/{kind}/{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_needs_log_in(client: Client, db: None) -> None:
    response = client.get("/claims/medical/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_claims_page_has_a_box_per_kind_the_member_has(member_client: Client, member: Member) -> None:
    make_claim(member, service=datetime.date(2026, 5, 1))
    make_claim(member, service=datetime.date(2026, 5, 2), claim_type=ClaimType.DENTAL)

    html = member_client.get("/claims/").content.decode()

    assert html.count("<h1") == 1
    assert 'href="/claims/medical/">Medical Claims</a>' in html
    assert 'href="/claims/dental/">Dental Claims</a>' in html
    assert "Pharmacy Claims" not in html and "Vision Claims" not in html
    assert '<a href="/claims/"' in html  # Claims in the navigation


def test_a_member_without_claims_is_told_when_they_appear(member_client: Client) -> None:
    assert (
        "Claims appear here after the plan processes them" in member_client.get("/claims/").content.decode()
    )
    html = listed(member_client)
    assert "Claims appear here after the plan processes them" in html
    assert "<table" not in html


def test_the_last_year_newest_first(member_client: Client, member: Member) -> None:
    make_claim(member, service=datetime.date(2026, 1, 10), claim_number="C-JAN")
    make_claim(member, service=datetime.date(2026, 6, 1), claim_number="C-JUN")
    make_claim(member, service=datetime.date(2025, 6, 16), claim_number="C-YEAR-AGO")
    make_claim(member, service=datetime.date(2025, 6, 15), claim_number="C-TOO-OLD")
    make_claim(member, service=datetime.date(2026, 2, 1), claim_number="C-RX", claim_type=ClaimType.PHARMACY)

    html = listed(member_client)

    assert html.index("C-JUN") < html.index("C-JAN") < html.index("C-YEAR-AGO")
    assert "C-TOO-OLD" not in html and "C-RX" not in html
    assert "Claims with service since June 16, 2025" in html
    assert '<a href="/claims/pharmacy/">Pharmacy Claims</a>' in html  # a tab: the member has some
    assert "$80.00" in html and "$20.00" in html  # plan paid, you may owe
    assert "C-RX" in listed(member_client, kind="pharmacy")


def signed_in(member: Member) -> Client:
    client = Client()
    client.force_login(member.user)  # type: ignore[arg-type]
    return client


def test_the_last_year_is_the_plans(member: Member) -> None:
    make_claim(member, service=datetime.date(2025, 6, 1), claim_number="C-A-YEAR-AGO")
    with time_machine.travel(LATE_MAY_31_IN_CALIFORNIA, tick=False):
        # In UTC it is June 1, 2026 already; in California still May 31: June 1, 2025 is in.
        assert "C-A-YEAR-AGO" in listed(signed_in(member))
    with time_machine.travel(LATE_MAY_31_IN_CALIFORNIA + datetime.timedelta(hours=1), tick=False):
        assert "C-A-YEAR-AGO" not in listed(signed_in(member))


@pytest.fixture
def spread(member: Member) -> None:
    make_claim(member, service=datetime.date(2026, 2, 3), claim_number="C-ANA", provider="Ana García MD")
    make_claim(
        member,
        service=datetime.date(2026, 4, 5),
        claim_number="C-LAB",
        provider="Quest Lab",
        procedure_code="80053",
    )
    make_claim(member, service=datetime.date(2025, 3, 1), claim_number="C-OLD", provider="García Clinic")


@pytest.mark.usefixtures("spread")
@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("?start=2026-03-01", {"C-LAB"}),
        ("?end=2026-03-01", {"C-ANA"}),
        ("?start=2025-01-01&end=2026-03-01", {"C-ANA", "C-OLD"}),
        ("?start=03%2F01%2F2026", {"C-LAB"}),
        ("?claim_number=c-ana", {"C-ANA"}),
        ("?procedure_code=80053", {"C-LAB"}),
        ("?provider=garc", {"C-ANA"}),
        ("?provider=ANA+GARCIA", {"C-ANA"}),
        ("?provider=ana+gar", {"C-ANA"}),
        ("?provider=arcia", set()),
        ("?provider=garc&start=2025-01-01", {"C-ANA", "C-OLD"}),
        ("?provider=quest&procedure_code=80053&claim_number=C-LAB", {"C-LAB"}),
        ("?start=&end=&claim_number=&procedure_code=&provider=", {"C-ANA", "C-LAB"}),
    ],
)
def test_each_filter_and_their_combinations(member_client: Client, query: str, shown: set[str]) -> None:
    html = listed(member_client, query)
    assert {number for number in ("C-ANA", "C-LAB", "C-OLD") if number in html} == shown


@pytest.mark.usefixtures("spread")
def test_nothing_matches_says_how_to_widen(member_client: Client) -> None:
    html = listed(member_client, "?provider=zzz")
    assert "No claims match your filters." in html
    assert "Try fewer filters, an earlier From date (as early as June 16, 2024)" in html


def test_dates_before_the_portal_goes_back_are_refused(member_client: Client) -> None:
    html = listed(member_client, "?start=2020-01-01")
    assert "The portal shows claims from June 16, 2024 on. For older claims, call Member Services." in html
    assert "<table" not in html

    html = listed(member_client, "?start=2026-03-01&end=2026-02-01")
    assert "To must be on or after From." in html


def test_pages_go_on_by_keyset(member_client: Client, member: Member) -> None:
    for day in range(1, 31):
        make_claim(member, service=datetime.date(2026, 4, day), claim_number=f"C-APR-{day:02d}")

    first = listed(member_client)
    assert "C-APR-30" in first and "C-APR-06" in first and "C-APR-05" not in first
    assert "after=2026-04-06." in first and "OFFSET" not in first

    older = first.split('href="?')[1].split('"')[0].replace("&amp;", "&")
    second = listed(member_client, "?" + older)
    assert "C-APR-05" in second and "C-APR-01" in second and "C-APR-06" not in second
    assert "Newest claims" in second and "Older claims" not in second


def test_another_members_claims_are_not_listed(
    member_client: Client, make_member: "pytest.FixtureRequest", member: Member
) -> None:
    other = make_member()  # type: ignore[operator]
    make_claim(other, service=datetime.date(2026, 5, 1), claim_number="C-OTHER")
    make_claim(member, service=datetime.date(2026, 5, 1), claim_number="C-MINE", status=ClaimStatus.PENDING)
    html = listed(member_client)
    assert "C-MINE" in html and "C-OTHER" not in html


def test_an_unknown_kind_is_not_found(member_client: Client) -> None:
    assert member_client.get("/claims/optical/").status_code == 404
