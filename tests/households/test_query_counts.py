"""Every MyServices page makes the same number of queries for a household of 1 or 8 and for 1 or
31 notices, documents and alerts each."""

import datetime

import pytest
from django.core.files.storage import Storage
from django.test import Client

from documents.models import Notice
from households.models import HouseholdRole, Role
from tests.households.clients import signed_in, view
from tests.households.households import MakeMember, give_records, make_household, with_account
from tests.queries import queries_for

pytestmark = pytest.mark.usefixtures("myservices")

PAGES = ["/", "/my/", "/my/benefits/", "/my/documents/", "/my/notices/"]


def counts(client: Client, notice: Notice | None = None) -> dict[str, int]:
    """Each page's queries; with `notice`, its PDF's under "notice"."""
    for url in PAGES:
        client.get(url)  # warm the session
    found = {url: queries_for(client, url) for url in PAGES}
    if notice is not None:
        found["notice"] = queries_for(client, f"/my/notices/{notice.pk}/")
    return found


def test_a_heads_pages_cost_the_same_for_1_or_8_members_and_many_notices(
    make_member: MakeMember, notice_storage: Storage
) -> None:
    alone = with_account(make_member(first_name="Solo", date_of_birth=datetime.date(1970, 1, 1)), "solo")
    alone.head_of_household = alone
    alone.save()
    HouseholdRole.objects.create(member=alone, role=Role.HEAD_OF_HOUSEHOLD)
    give_records(alone)
    single = counts(signed_in(alone), Notice.objects.get(member=alone))

    household = make_household(make_member, size=8, count=30)
    client = signed_in(household.head)
    assert counts(client, Notice.objects.filter(member=household.head).last()) == single

    view(client, household.child)
    assert counts(client, Notice.objects.filter(member=household.child).last()) == single


def test_a_household_members_pages_cost_what_a_heads_do(
    make_member: MakeMember, notice_storage: Storage
) -> None:
    household = make_household(make_member, size=8)
    head = counts(signed_in(household.head))
    member = counts(signed_in(household.spouse))
    assert member == head
