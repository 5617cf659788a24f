"""Health Care Coverage → Insurance: Active and Inactive tabs, decided by the plan's date."""

import datetime
from collections.abc import Callable

import pytest
import time_machine
from django.test import Client
from pytest_django import DjangoAssertNumQueries

from coverage.models import Coverage
from members.models import Member
from tests.queries import queries_for

# 06:30 UTC on October 1 is still 11:30 p.m. on September 30 in California (PDT).
LATE_SEPTEMBER_30_IN_CALIFORNIA = datetime.datetime(2026, 10, 1, 6, 30, tzinfo=datetime.UTC)


def span(
    member: Member, program: str, plan: str, start: datetime.date, end: datetime.date | None
) -> Coverage:
    return Coverage.objects.create(
        member=member, program=program, plan=plan, effective_date=start, end_date=end
    )


@pytest.fixture
def history(member: Member) -> None:
    span(member, "Medi-Cal", "Alliance Medi-Cal", datetime.date(2025, 1, 1), datetime.date(2026, 9, 30))
    span(member, "IHSS", "Alliance Care IHSS", datetime.date(2023, 3, 1), datetime.date(2024, 12, 31))
    span(member, "Medi-Cal", "Alliance Medi-Cal Kids", datetime.date(2026, 10, 1), None)


def test_needs_log_in(client: Client, db: None) -> None:
    response = client.get("/coverage/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_active_tab_shows_current_coverage(member_client: Client, history: None) -> None:
    with time_machine.travel(datetime.datetime(2026, 6, 15, 18, 0, tzinfo=datetime.UTC), tick=False):
        response = member_client.get("/coverage/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1 and "Insurance" in html
    assert 'href="/coverage/" aria-current="page">Active<' in html
    assert 'href="/coverage/inactive/">Inactive<' in html
    for header in ["Program", "Plan", "Effective date", "Expires"]:
        assert f'<th scope="col">{header}</th>' in html
    assert "Alliance Medi-Cal</td>" in html
    assert "Jan. 1, 2025" in html and "Sept. 30, 2026" in html
    assert "Alliance Care IHSS" not in html
    assert "Alliance Medi-Cal Kids" not in html  # not started yet


def test_inactive_tab_shows_past_coverage_with_when_it_ended(member_client: Client, history: None) -> None:
    with time_machine.travel(datetime.datetime(2026, 6, 15, 18, 0, tzinfo=datetime.UTC), tick=False):
        response = member_client.get("/coverage/inactive/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert 'href="/coverage/inactive/" aria-current="page">Inactive<' in html
    assert '<th scope="col">Ended</th>' in html
    assert "Alliance Care IHSS" in html and "March 1, 2023" in html and "Dec. 31, 2024" in html
    assert "Alliance Medi-Cal</td>" not in html


def test_active_is_decided_by_todays_date_in_the_plans_time_zone(
    member_client: Client, member: Member, history: None
) -> None:
    with time_machine.travel(LATE_SEPTEMBER_30_IN_CALIFORNIA, tick=False):
        active = member_client.get("/coverage/").content.decode()
        inactive = member_client.get("/coverage/inactive/").content.decode()
    # In UTC it is already October 1, but the span ending September 30 is still active in California.
    assert "Alliance Medi-Cal</td>" in active
    assert "Alliance Medi-Cal Kids" not in active
    assert "Alliance Medi-Cal</td>" not in inactive

    with time_machine.travel(LATE_SEPTEMBER_30_IN_CALIFORNIA + datetime.timedelta(hours=1), tick=False):
        # A new log-in: an hour without activity ends a member's session.
        client = Client()
        assert member.user is not None
        client.force_login(member.user)
        active = client.get("/coverage/").content.decode()
        inactive = client.get("/coverage/inactive/").content.decode()
    assert "Alliance Medi-Cal Kids</td>" in active and "No end date" in active
    assert "Alliance Medi-Cal</td>" in inactive


def test_empty_states(member_client: Client, member: Member) -> None:
    assert "You have no active coverage today" in member_client.get("/coverage/").content.decode()
    assert "You have no past coverage with us" in member_client.get("/coverage/inactive/").content.decode()


def test_shows_only_the_signed_in_members_coverage(
    member_client: Client, member: Member, make_member: Callable[..., Member]
) -> None:
    stranger = make_member(first_name="Maria")
    span(stranger, "Medi-Cal", "Stranger Plan", datetime.date(2020, 1, 1), None)
    span(stranger, "Medi-Cal", "Stranger Old Plan", datetime.date(2010, 1, 1), datetime.date(2012, 1, 1))
    for url in ["/coverage/", f"/coverage/?member={stranger.pk}", "/coverage/inactive/"]:
        assert "Stranger" not in member_client.get(url).content.decode()


@pytest.mark.parametrize("url", ["/coverage/", "/coverage/inactive/"])
def test_query_count_does_not_grow_with_coverage_spans(
    member_client: Client, member: Member, url: str, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    span(member, "Medi-Cal", "Alliance Medi-Cal", datetime.date(2020, 1, 1), None)
    span(member, "IHSS", "Alliance Care IHSS", datetime.date(2010, 1, 1), datetime.date(2011, 1, 1))
    member_client.get(url)  # warm the session
    few = queries_for(member_client, url)

    start = datetime.date(1990, 1, 1)
    Coverage.objects.bulk_create(
        Coverage(
            member=member,
            program="Medi-Cal" if n % 2 else "IHSS",
            plan=f"Plan {n}",
            effective_date=start + datetime.timedelta(days=30 * n),
            end_date=None if n == 199 else start + datetime.timedelta(days=30 * n + 20),
        )
        for n in range(200)
    )
    with django_assert_num_queries(few):
        response = member_client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("<tr>") > 2
