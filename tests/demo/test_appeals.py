"""seed_demo's grievances and appeals: the demo member's set shows every list, status and date,
and seeding again replaces it."""

import datetime
from io import StringIO

from django.core.management import call_command

from appeals.models import Case, CaseKind, CaseStatus
from demo.appeals import write_bench_appeals
from demo.members import DEMO_MEMBER
from members.models import Member

TODAY = datetime.date(2026, 11, 22)


def _seed() -> None:
    call_command(
        "seed_demo",
        "--members",
        "60",
        "--providers",
        "20",
        "--today",
        TODAY.isoformat(),
        "--reset",
        stdout=StringIO(),
    )


def test_the_demo_member_has_appeals_and_grievances_in_each_state(db: None) -> None:
    _seed()
    mine = Case.objects.filter(member__member_id=DEMO_MEMBER.member_id)
    assert {case.kind for case in mine} == {CaseKind.APPEAL, CaseKind.GRIEVANCE}
    assert {case.status for case in mine} >= {
        CaseStatus.ACKNOWLEDGED,
        CaseStatus.EXTENDED,
        CaseStatus.RESOLVED,
        CaseStatus.WITHDRAWN,
    }
    assert all(case.events.exists() for case in mine)
    _seed()
    assert Case.objects.filter(member__member_id=DEMO_MEMBER.member_id).count() == mine.count()


def test_bench_members_get_a_full_list_page_of_cases(member: Member) -> None:
    assert member.user is not None
    write_bench_appeals(usernames=[member.user.username], today=TODAY)
    cases = Case.objects.filter(member=member)
    assert cases.count() == 20  # no denied authorizations: the two grievances of each set, ten times
    references = set(cases.values_list("reference", flat=True))
    write_bench_appeals(usernames=[member.user.username], today=TODAY)
    assert set(cases.values_list("reference", flat=True)) == references, "kept"
