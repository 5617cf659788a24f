"""What the appeals app relies on (docs/authorizations.md): appealable_authorizations and
appeal_url."""

import datetime
from collections.abc import Callable

import pytest
from pytest_django import DjangoAssertNumQueries

from authorizations.appeals import appeal_url
from authorizations.models import Decision
from authorizations.selectors import appealable_authorizations
from members.models import Member
from tests.authorizations.factories import make_authorization


@pytest.fixture(autouse=True)
def totalcare(use_plan) -> None:  # type: ignore[no-untyped-def]
    use_plan("totalcare")  # 65 days


def test_denied_and_partly_denied_ones_while_the_window_is_open(
    member: Member, make_member: Callable[..., Member], django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    today = datetime.date(2026, 4, 20)
    day = datetime.date
    last_day = make_authorization(
        member, decision=Decision.DENIED, requested_date=day(2026, 2, 10), decision_date=day(2026, 2, 14)
    )
    partly = make_authorization(
        member,
        decision=Decision.PARTIALLY_APPROVED,
        requested_date=day(2026, 4, 1),
        decision_date=day(2026, 4, 2),
    )
    make_authorization(  # closed yesterday
        member, decision=Decision.DENIED, requested_date=day(2026, 2, 10), decision_date=day(2026, 2, 13)
    )
    make_authorization(member, decision=Decision.APPROVED, decision_date=day(2026, 4, 2))
    make_authorization(member, decision=Decision.PENDING, requested_date=day(2026, 4, 18))
    make_authorization(make_member(), decision=Decision.DENIED, decision_date=day(2026, 4, 2))

    with django_assert_num_queries(1):
        found = list(appealable_authorizations(member, today))
    assert found == [partly, last_day]


def test_the_appeal_url_names_the_record_by_its_public_id_only(member: Member) -> None:
    record = make_authorization(member, decision=Decision.DENIED, authorization_number="2026-00123")
    url = appeal_url(record)
    assert url == f"/appeals/new/appeal/?authorization={record.public_id}"
    assert "2026-00123" not in url and member.member_id not in url and str(record.pk) != url.rsplit("=")[1]
