"""The Filter: Authorization number, Service dates from/to, Decision, Start date and End date,
each alone and together, and keyset paging that keeps the filter."""

import datetime
import re

import pytest
from django.test import Client

from authorizations.models import Authorization, Decision
from members.models import Member
from tests.authorizations.factories import make_authorization


@pytest.fixture(autouse=True)
def records(member: Member) -> None:
    day = datetime.date
    make_authorization(
        member, authorization_number="A-WINTER", start_date=day(2026, 1, 5), end_date=day(2026, 2, 5)
    )
    make_authorization(
        member,
        authorization_number="A-SPRING",
        decision=Decision.DENIED,
        start_date=day(2026, 3, 1),
        end_date=day(2026, 4, 30),
    )
    make_authorization(
        member, authorization_number="A-SUMMER", start_date=day(2026, 6, 1), end_date=day(2026, 8, 31)
    )
    make_authorization(
        member, authorization_number="A-WAITING", decision=Decision.PENDING, start_date=None, end_date=None
    )


def listed(client: Client, **query: str) -> list[str]:
    html = client.get("/authorizations/", query).content.decode()
    return re.findall(r"Actions for authorization (A-\w+)<", html)


def test_authorization_number_in_any_case(member_client: Client) -> None:
    assert listed(member_client, authorization_number=" a-spring ") == ["A-SPRING"]


def test_service_dates_keep_the_records_whose_dates_overlap(member_client: Client) -> None:
    found = listed(member_client, service_from="2026-02-01", service_to="2026-03-15")
    assert sorted(found) == ["A-SPRING", "A-WINTER"]
    # The pending one has no service dates yet.
    assert listed(member_client, service_from="2026-05-01") == ["A-SUMMER"]


def test_decision(member_client: Client) -> None:
    assert listed(member_client, decision="denied") == ["A-SPRING"]
    assert listed(member_client, decision="pending") == ["A-WAITING"]


def test_start_date_and_end_date(member_client: Client) -> None:
    assert sorted(listed(member_client, start_date="2026-03-01")) == ["A-SPRING", "A-SUMMER"]
    assert sorted(listed(member_client, end_date="2026-04-30")) == ["A-SPRING", "A-WINTER"]
    assert listed(member_client, start_date="2026-03-01", end_date="2026-04-30") == ["A-SPRING"]


def test_a_filter_in_the_wrong_order_is_explained_and_lists_nothing(member_client: Client) -> None:
    html = member_client.get(
        "/authorizations/", {"start_date": "2026-05-01", "end_date": "2026-04-01"}
    ).content.decode()
    assert "Enter a date on or after the first one." in html
    assert "Actions for authorization" not in html
    assert '<details class="filter-disclosure" open>' in html


def test_the_filter_starts_closed_and_opens_while_filtering(member_client: Client) -> None:
    assert '<details class="filter-disclosure">' in member_client.get("/authorizations/").content.decode()
    html = member_client.get("/authorizations/", {"decision": "denied"}).content.decode()
    assert '<details class="filter-disclosure" open>' in html and "Clear filter" in html


def test_keyset_pages_follow_each_other_and_keep_the_filter(member_client: Client, member: Member) -> None:
    Authorization.objects.all().delete()
    for n in range(45):
        make_authorization(
            member,
            authorization_number=f"A-{n:03d}",
            requested_date=datetime.date(2026, 1, 1) + datetime.timedelta(days=n // 2),
            decision=Decision.APPROVED if n % 3 else Decision.CANCELLED,
        )
    seen: list[str] = []
    query: dict[str, str] = {"decision": "approved"}
    for _page in range(5):
        html = member_client.get("/authorizations/", query).content.decode()
        seen += re.findall(r"Actions for authorization (A-\d+)<", html)
        following = re.search(r'href="\?([^"]+)" rel="next"', html)
        if following is None:
            break
        assert "decision=approved" in following.group(1)
        query = dict(pair.split("=") for pair in following.group(1).replace("&amp;", "&").split("&"))
    expected = [f"A-{n:03d}" for n in reversed(range(45)) if n % 3]
    # Newest request first; on the same day, the later record first.
    assert seen == expected and len(seen) == 30
