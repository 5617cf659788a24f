"""A claim's page: its lines and totals, status, network, denial reasons and how to appeal;
only the member's own claims, and sensitive claims only to that member."""

import dataclasses
import datetime
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.test import Client

from claims.models import ClaimStatus, ClaimType
from claims.selectors import claim_detail, claim_types, visible_claims
from members.models import Member
from portal.plans import PlanProfile
from tests.claims.records import make_claim

APRIL = datetime.date(2026, 4, 2)


@pytest.fixture(autouse=True)
def june() -> Iterator[None]:
    with time_machine.travel(datetime.datetime(2026, 6, 15, 18, 0, tzinfo=datetime.UTC), tick=False):
        yield


def test_the_claim_with_its_lines_and_totals(member_client: Client, member: Member) -> None:
    claim = make_claim(member, service=APRIL, lines=2, claim_number="C-2LINES")

    html = member_client.get(f"/claims/claim/{claim.pk}/").content.decode()

    assert html.count("<h1") == 1 and "Claim C-2LINES" in html
    for label in [
        "Billed",
        "Allowed",
        "Plan paid",
        "Copay",
        "Coinsurance",
        "Deductible",
        "Not covered",
        "You may owe",
    ]:
        assert f'<th scope="col">{label}</th>' in html
    assert "99213" in html and "Office visit, established patient" in html
    assert "$300.00" in html and "$200.00" in html and "$160.00" in html and "$40.00" in html  # totals
    assert "In network" in html and "Paid" in html
    assert "How to appeal" not in html
    assert f'href="/claims/claim/{claim.pk}/explanation-of-benefits/"' in html


def test_amounts_follow_the_pages_language(member_client: Client, member: Member) -> None:
    claim = make_claim(member, service=APRIL, lines=10)
    expected = {
        "en": "$1,500.00",
        "es": "1.500,00\xa0US$",
        "pt-br": "US$\xa01.500,00",
        "vi": "1.500,00\xa0US$",
    }
    for language, amount in expected.items():
        member_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        assert amount in member_client.get(f"/claims/claim/{claim.pk}/").content.decode(), language


def test_a_denied_claim_says_how_to_appeal_by_phone_when_the_plan_has_no_appeals_page(
    member_client: Client, member: Member, use_plan: Callable[[str], PlanProfile], settings: Any
) -> None:
    totalcare = use_plan("totalcare")
    plan = settings.PLAN = dataclasses.replace(totalcare, features=totalcare.features - {"appeals"})
    claim = make_claim(
        member,
        service=APRIL,
        status=ClaimStatus.DENIED,
        denial_reason="Not medically necessary",
        paid_date=datetime.date(2026, 4, 20),
    )

    html = member_client.get(f"/claims/claim/{claim.pk}/").content.decode()

    assert "Denial reason: Not medically necessary" in html
    assert "How to appeal" in html
    assert "you can file an appeal until June 24, 2026" in html  # 65 days in TotalCare's profile
    assert f"call Member Services at {plan.member_services.number}" in html


def test_a_denied_claim_links_to_totalcares_grievances_and_appeals_page(
    member_client: Client, member: Member, use_plan: Callable[[str], PlanProfile]
) -> None:
    use_plan("totalcare")
    claim = make_claim(member, service=APRIL, status=ClaimStatus.PARTIALLY_PAID)
    html = member_client.get(f"/claims/claim/{claim.pk}/").content.decode()
    assert '<a href="/appeals/">File an appeal on the Grievances and Appeals page</a>' in html


def test_another_members_claim_is_not_found(
    member_client: Client, make_member: Callable[..., Member], member: Member
) -> None:
    other = make_claim(make_member(), service=APRIL)
    assert member_client.get(f"/claims/claim/{other.pk}/").status_code == 404
    assert member_client.get(f"/claims/claim/{other.pk}/explanation-of-benefits/").status_code == 404
    assert member_client.get("/claims/claim/999999/").status_code == 404


def test_sensitive_claims_are_shown_to_the_member_only(
    member: Member, make_member: Callable[..., Member]
) -> None:
    sensitive = make_claim(member, service=APRIL, sensitive=True)
    plain = make_claim(member, service=APRIL)
    someone_else = make_member()

    assert set(visible_claims(member=member, viewer=member)) == {sensitive, plain}
    # Whoever else may one day see the member's claims (a household's account holder) does not see it.
    assert set(visible_claims(member=member, viewer=someone_else)) == {plain}
    assert claim_detail(member=member, viewer=someone_else, claim_id=sensitive.pk) is None


def test_a_kind_of_claims_that_are_all_sensitive_is_no_tab_for_anyone_else(
    member: Member, make_member: Callable[..., Member]
) -> None:
    make_claim(member, service=APRIL)
    make_claim(member, service=APRIL, sensitive=True, claim_type=ClaimType.PHARMACY)
    someone_else = make_member()

    assert claim_types(member=member, viewer=member) == ["medical", "pharmacy"]
    assert claim_types(member=member, viewer=someone_else) == ["medical"]
    assert claim_types(member=someone_else, viewer=someone_else) == []


def test_the_member_sees_their_sensitive_claim(member_client: Client, member: Member) -> None:
    claim = make_claim(member, service=APRIL, sensitive=True, claim_number="C-SENSITIVE")
    assert "C-SENSITIVE" in member_client.get("/claims/medical/").content.decode()
    assert member_client.get(f"/claims/claim/{claim.pk}/").status_code == 200
