"""Referrals and Authorizations: the member's own list, newest first, each decision in plain
words, the Filter, keyset paging and the three-dots actions menu."""

import datetime
from collections.abc import Callable
from html import unescape

import pytest
import time_machine
from django.test import Client

from authorizations.models import Authorization, Decision, Priority
from members.models import Member
from portal.plans import PlanProfile
from tests.authorizations.factories import make_authorization
from tests.queries import queries_for

# Noon in California on April 20, 2026.
NOON_APRIL_20 = datetime.datetime(2026, 4, 20, 19, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def totalcare(use_plan) -> PlanProfile:  # type: ignore[no-untyped-def]
    plan: PlanProfile = use_plan("totalcare")
    return plan


@pytest.fixture(autouse=True)
def april_20() -> object:
    with time_machine.travel(NOON_APRIL_20, tick=False) as traveller:
        yield traveller


def page(client: Client, query: dict[str, str] | None = None) -> str:
    response = client.get("/authorizations/", query or {})
    assert response.status_code == 200
    return response.content.decode()


def test_needs_log_in(client: Client, db: None) -> None:
    response = client.get("/authorizations/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_the_page_is_in_the_navigation_and_lists_newest_first(member_client: Client, member: Member) -> None:
    make_authorization(member, authorization_number="2026-00101", requested_date=datetime.date(2026, 1, 5))
    make_authorization(member, authorization_number="2026-00103", requested_date=datetime.date(2026, 3, 5))
    make_authorization(member, authorization_number="2026-00102", requested_date=datetime.date(2026, 2, 5))
    html = page(member_client)
    assert html.count("<h1") == 1 and "Referrals and Authorizations</h1>" in html
    assert 'href="/authorizations/" aria-current="page">Referrals and Authorizations<' in html
    assert html.index("2026-00103") < html.index("2026-00102") < html.index("2026-00101")
    assert "Salinas Imaging Center" in html and "MRI of the lower back" in html and "(72148)" in html


def test_each_decision_is_explained_in_plain_words(member_client: Client, member: Member) -> None:
    make_authorization(member, units_approved=12, units_requested=12)
    make_authorization(
        member,
        decision=Decision.PARTIALLY_APPROVED,
        units_requested=12,
        units_approved=8,
        denial_reason="Eight visits meet the criteria.",
    )
    make_authorization(member, decision=Decision.DENIED, denial_reason="Physical therapy comes first.")
    html = page(member_client)
    assert "The plan approved 12 units, to be used from March 9, 2026 to June 9, 2026." in html
    assert "The plan approved part of what was asked: 8 units of 12 units" in html
    # What the member reads: the apostrophe is escaped in the HTML.
    assert "The rest was denied. The plan's reason: Eight visits meet the criteria." in unescape(html)
    assert "The plan denied this request. The plan's reason: Physical therapy comes first." in unescape(html)


def test_a_pending_request_says_when_the_plan_must_decide_and_whether_that_passed(
    member_client: Client, member: Member
) -> None:
    make_authorization(member, decision=Decision.PENDING, requested_date=datetime.date(2026, 4, 17))
    make_authorization(member, decision=Decision.PENDING, requested_date=datetime.date(2026, 4, 10))
    make_authorization(
        member,
        decision=Decision.PENDING,
        priority=Priority.EXPEDITED,
        requested_date=datetime.date(2026, 4, 19),
    )
    html = page(member_client)
    assert "The plan must decide by the end of April 24, 2026 (a standard request: 7 calendar days)." in html
    assert "The plan had to decide by the end of April 17, 2026" in html and "That date has passed" in html
    assert "The plan must decide by April 22, 2026, midnight (an expedited request: 72 hours)." in html


def test_the_actions_menu_offers_an_appeal_until_the_windows_last_day(
    member_client: Client, member: Member
) -> None:
    # TotalCare: 65 days. Decided February 14, the last day is April 20 (today); decided
    # February 13, it was April 19 (yesterday).
    last_day = make_authorization(
        member,
        authorization_number="2026-00123",
        decision=Decision.DENIED,
        decision_date=datetime.date(2026, 2, 14),
        requested_date=datetime.date(2026, 2, 10),
    )
    make_authorization(
        member,
        authorization_number="2026-00122",
        decision=Decision.PARTIALLY_APPROVED,
        decision_date=datetime.date(2026, 2, 13),
        requested_date=datetime.date(2026, 2, 9),
    )
    html = page(member_client)
    open_menu, closed_menu = html.split("Actions for authorization 2026-00123")[1].split(
        "Actions for authorization 2026-00122"
    )
    assert '<span class="usa-sr-only">Actions for authorization 2026-00123</span></summary>' in html
    assert f'href="/appeals/new/appeal/?authorization={last_day.public_id}">File an appeal</a>' in open_menu
    assert "You can file an appeal until April 20, 2026." in open_menu

    assert "File an appeal</a>" not in closed_menu
    assert "The window to file an appeal closed on April 19, 2026." in closed_menu
    assert (
        "You can still file a grievance at any time: call Member Services at 833-530-9015 (TTY: Dial 711)."
        in closed_menu
    )


def test_an_approved_one_has_no_appeal(member_client: Client, member: Member) -> None:
    make_authorization(member, authorization_number="2026-00150")
    html = page(member_client)
    assert "Actions for authorization 2026-00150" in html
    assert "File an appeal" not in html and "Questions about this one? Call Member Services" in html


def test_only_the_members_own_records(
    member_client: Client, member: Member, make_member: Callable[..., Member]
) -> None:
    other = make_authorization(
        make_member(), authorization_number="2026-00999", service_description="Not yours"
    )
    mine = make_authorization(member, authorization_number="2026-00100")
    html = page(member_client)
    assert "2026-00100" in html and "2026-00999" not in html and "Not yours" not in html
    filtered = page(member_client, {"authorization_number": "2026-00999"})
    assert "Not yours" not in filtered and "No referrals or authorizations match this filter." in filtered
    assert member_client.get(f"/authorizations/{other.public_id}/").status_code == 404
    detail = member_client.get(f"/authorizations/{mine.public_id}/")
    assert detail.status_code == 200 and "Authorization 2026-00100</h1>" in detail.content.decode()


def test_sensitive_records_are_shown_to_the_member(member_client: Client, member: Member) -> None:
    make_authorization(member, service_description="Counseling visits", sensitive=True)
    assert "Counseling visits" in page(member_client)


def test_the_page_answers_404_where_the_plan_has_no_authorizations(  # type: ignore[no-untyped-def]
    member_client: Client, use_plan
) -> None:
    use_plan("alliance")
    assert member_client.get("/authorizations/").status_code == 404


@pytest.mark.parametrize("count", [1, 300])
def test_the_list_costs_the_same_queries_for_1_or_300_records(
    member_client: Client, member: Member, count: int
) -> None:
    Authorization.objects.bulk_create(
        Authorization(
            authorization_number=f"B-{n:05d}",
            member=member,
            kind="authorization",
            service_description="Physical therapy",
            priority=Priority.STANDARD if n % 2 else Priority.EXPEDITED,
            requested_date=datetime.date(2026, 1, 1) + datetime.timedelta(days=n % 100),
            decision=[Decision.PENDING, Decision.APPROVED, Decision.DENIED][n % 3],
            decision_date=None if n % 3 == 0 else datetime.date(2026, 4, 15),
            denial_reason="Not covered." if n % 3 == 2 else "",
        )
        for n in range(count)
    )
    member_client.get("/authorizations/")  # warm the session
    # The session's user with their member record, the header's unread messages, one statement
    # for the page's rows, the page view's audit row.
    assert queries_for(member_client, "/authorizations/") == 4
    assert queries_for(member_client, "/authorizations/?decision=denied&start_date=2026-01-01") == 4
