"""Providers → My PCP: the current PCP with a star, a pending change with its date, past PCPs."""

import datetime
from collections.abc import Callable

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from members.models import Member, User
from providers.models import PcpAssignment
from tests.providers.pcp_factories import assign, make_provider, pcp_block

TODAY = datetime.datetime(2026, 9, 15, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _pinned_clock():  # type: ignore[no-untyped-def]
    with time_machine.travel(TODAY, tick=False):
        yield


def test_my_pcp_shows_current_pcp_with_star_and_details(member_client: Client, member: Member) -> None:
    doctor = make_provider(first_name="Lucía", last_name="García", phone="+18315550110")
    assign(member, doctor, datetime.date(2025, 1, 1))

    response = member_client.get("/providers/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert 'aria-current="page">My PCP</a>' in html
    current = pcp_block(html, "current")
    assert "★" in current
    assert "Current primary care provider" in current
    assert "Lucía García" in current
    assert "Family Medicine" in current
    assert "Clínica del Valle" in current
    assert "300 Main St, Salinas, CA 93901" in current
    assert "(831) 555-0110" in current
    assert "English, Spanish" in current
    assert 'href="/providers/change/"' in current


def test_my_pcp_shows_pending_change_with_its_date(member_client: Client, member: Member) -> None:
    assign(member, make_provider(last_name="García"), datetime.date(2025, 1, 1), datetime.date(2026, 9, 30))
    assign(member, make_provider(first_name="André", last_name="Dubois"), datetime.date(2026, 10, 1))

    html = member_client.get("/providers/").content.decode()

    assert "García" in pcp_block(html, "current")
    pending = pcp_block(html, "pending")
    assert "Your new PCP starting Oct. 1, 2026" in pending
    assert "André Dubois" in pending


def test_my_pcp_lists_past_doctors_with_their_dates(member_client: Client, member: Member) -> None:
    assign(member, make_provider(last_name="Okafor"), datetime.date(2020, 3, 1), datetime.date(2022, 5, 31))
    assign(member, make_provider(last_name="Tanaka"), datetime.date(2022, 6, 1), datetime.date(2024, 12, 31))
    assign(member, make_provider(last_name="García"), datetime.date(2025, 1, 1))

    html = member_client.get("/providers/").content.decode()

    past = html.split("Doctors you have seen before")[1]
    assert "Okafor" in past and "Tanaka" in past
    assert "March 1, 2020 to May 31, 2022" in past
    assert "June 1, 2022 to Dec. 31, 2024" in past
    # Newest first.
    assert past.index("Tanaka") < past.index("Okafor")
    assert "García" not in past


def test_member_without_pcp_is_offered_change_pcp(member_client: Client) -> None:
    html = member_client.get("/providers/").content.decode()
    assert "You do not have a primary care provider yet." in html
    assert 'href="/providers/change/"' in html


def test_my_pcp_shows_only_the_members_own_doctors(
    member_client: Client, member: Member, make_member: Callable[..., Member]
) -> None:
    assign(member, make_provider(last_name="García"), datetime.date(2025, 1, 1))
    neighbour = make_member(first_name="Ana", last_name="Silva")
    assign(neighbour, make_provider(last_name="Nakamura"), datetime.date(2025, 1, 1))

    html = member_client.get(f"/providers/?member={neighbour.pk}").content.decode()

    assert "García" in html
    assert "Nakamura" not in html


def test_my_pcp_query_count_does_not_grow_with_history(member_client: Client, member: Member) -> None:
    assign(member, make_provider(), datetime.date(2025, 1, 1))
    member_client.get("/providers/")  # the first request of a session also writes the session
    with CaptureQueriesContext(connection) as short_history:
        member_client.get("/providers/")
    PcpAssignment.objects.all().delete()
    for year in range(2010, 2025):
        assign(member, make_provider(), datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    assign(member, make_provider(), datetime.date(2025, 1, 1))

    with CaptureQueriesContext(connection) as long_history:
        html = member_client.get("/providers/").content.decode()

    assert html.count(" to Dec. 31, ") == 15
    assert len(long_history) == len(short_history)


def test_my_pcp_requires_log_in(client: Client, db: None) -> None:
    response = client.get("/providers/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_staff_user_without_member_record_gets_not_found(client: Client, db: None) -> None:
    client.force_login(User.objects.create_user(username="staff", is_staff=True))
    assert client.get("/providers/").status_code == 404
