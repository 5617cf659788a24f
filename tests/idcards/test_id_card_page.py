"""Profile → ID Cards: the member's own card as HTML, with Print and Order ID Card."""

import datetime
from collections.abc import Callable

from django.test import Client
from pytest_django import DjangoAssertNumQueries

from idcards.models import IdCardOrder
from members.models import Member
from portal.plans import PlanProfile
from providers.models import PcpAssignment, Provider
from tests.idcards.conftest import add_past_coverage
from tests.queries import queries_for


def test_needs_log_in(client: Client, db: None) -> None:
    response = client.get("/profile/id-cards/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_shows_front_and_back_of_the_card(
    alliance: PlanProfile, member_client: Client, carded_member: Member
) -> None:
    response = member_client.get("/profile/id-cards/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Profile" in html and 'aria-current="page">ID Cards<' in html
    assert "Front of card" in html and "Back of card" in html
    for printed in [
        "Alliance Health Plan",
        "José Núñez-Ortiz",
        carded_member.member_id,
        "Ana García",
        "(831) 555-0100",
        "01/01/2024",
        "610011",
        "CTRXMEDI",
        "844-971-8907",
        "800-700-3874",
        "TTY: Dial 711",
    ]:
        assert printed in html, printed
    assert 'href="/profile/id-cards/print/"' in html and ">Print<" in html
    assert 'href="/profile/id-cards/order/"' in html and ">Order ID Card<" in html


def test_shows_the_pcp_of_today_not_a_future_one(
    member_client: Client, carded_member: Member, provider: Provider, other_provider: Provider
) -> None:
    # A PCP change chosen today takes effect on the first of next month.
    PcpAssignment.objects.filter(member=carded_member).update(effective_to=datetime.date(2099, 12, 31))
    PcpAssignment.objects.create(
        member=carded_member, provider=other_provider, effective_from=datetime.date(2100, 1, 1)
    )
    html = member_client.get("/profile/id-cards/").content.decode()
    assert "Ana García" in html
    assert "Luis Pham" not in html


def test_a_member_without_coverage_or_pcp_still_sees_a_card(member_client: Client, member: Member) -> None:
    html = member_client.get("/profile/id-cards/").content.decode()
    assert member.member_id in html
    assert "No active coverage" in html
    assert "No PCP assigned" in html


def test_shows_an_open_orders_status(member_client: Client, carded_member: Member) -> None:
    member_client.post("/profile/id-cards/order/")
    html = member_client.get("/profile/id-cards/").content.decode()
    assert "You ordered an ID card on" in html
    assert "Status: Requested" in html


def test_shows_only_the_signed_in_members_card(
    member_client: Client, carded_member: Member, make_member: Callable[..., Member], provider: Provider
) -> None:
    stranger = make_member(first_name="Maria", last_name="Stranger")
    html = member_client.get(f"/profile/id-cards/?member={stranger.pk}").content.decode()
    assert stranger.member_id not in html
    assert carded_member.member_id in html


def test_staff_without_a_member_record_get_404(client: Client, db: None) -> None:
    from members.models import User

    client.force_login(User.objects.create_user(username="agent", password="x", is_staff=True))
    assert client.get("/profile/id-cards/").status_code == 404


def test_query_count_does_not_grow_with_history(
    member_client: Client, carded_member: Member, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    member_client.get("/profile/id-cards/")  # warm the session
    few = queries_for(member_client, "/profile/id-cards/")

    add_past_coverage(carded_member, 200)
    IdCardOrder.objects.bulk_create(
        IdCardOrder(
            member=carded_member, status="mailed", line1="1 A St", city="Salinas", state="CA", zip_code="1"
        )
        for _ in range(200)
    )
    with django_assert_num_queries(few):
        response = member_client.get("/profile/id-cards/")
    assert response.status_code == 200
