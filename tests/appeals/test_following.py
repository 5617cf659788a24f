"""Following a case: the Appeals and Grievances tabs with their Filter, a case's page with its
history, letters and files, Withdraw; another member's case, file or letter is not found; fixed
query counts."""

import datetime
import zoneinfo
from collections.abc import Callable, Iterator

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from appeals import services
from appeals.files import store_case_file
from appeals.models import CaseEvent, CaseStatus, EventKind
from members.models import Member
from portal.plans import PlanProfile
from tests.appeals.cases import make_appeal, make_grievance, pdf_upload
from tests.queries import queries_for
from tests.staff import make_staff


@pytest.fixture(autouse=True)
def totalcare(use_plan: Callable[[str], PlanProfile]) -> Iterator[PlanProfile]:
    plan = use_plan("totalcare")
    with time_machine.travel(datetime.datetime(2026, 6, 15, 19, 0, tzinfo=datetime.UTC), tick=False):
        yield plan


def test_the_tabs_list_each_kind(member_client: Client, member: Member) -> None:
    appeal, grievance = make_appeal(member), make_grievance(member)
    appeals = member_client.get("/appeals/").content.decode()
    grievances = member_client.get("/appeals/grievances/").content.decode()
    assert appeal.reference in appeals and grievance.reference not in appeals
    assert grievance.reference in grievances and "Access to care or an appointment" in grievances
    assert 'aria-current="page">Appeals<' in appeals and 'aria-current="page">Grievances<' in grievances


def test_the_lists_say_what_the_plan_owes_next_and_by_when(member_client: Client, member: Member) -> None:
    # 15 June 2026, noon in California: 5 days to acknowledge, 90 to decide a grievance, 72 hours
    # for an expedited appeal.
    waiting, acknowledged, closed = make_grievance(member), make_grievance(member), make_grievance(member)
    urgent = make_appeal(member, expedited=True)
    staff = make_staff()
    for case in (acknowledged, urgent):
        services.acknowledge(case=case, by=staff, now=timezone.now())
    services.withdraw(case=closed, now=timezone.now())

    def owed(case_reference: str, html: str) -> str:
        return html.split(f"{case_reference}</a>")[1].split("</tr>")[0]

    grievances = member_client.get("/appeals/grievances/").content.decode()
    assert "Acknowledgement by June 20, 2026" in owed(waiting.reference, grievances)
    assert "Decision by Sept. 13, 2026" in owed(acknowledged.reference, grievances)
    assert "Nothing: the case is closed" in owed(closed.reference, grievances)
    appeals = member_client.get("/appeals/").content.decode()
    assert "Decision by June 18, 2026, noon" in owed(urgent.reference, appeals)
    page = member_client.get(f"/appeals/case/{urgent.reference}/").content.decode()
    assert "Decision by June 18, 2026, noon" in page


def test_the_filter_by_status_date_and_reference(member_client: Client, member: Member) -> None:
    june = make_grievance(member)
    may = make_grievance(member, now=timezone.now() - datetime.timedelta(days=40))
    services.withdraw(case=may, now=timezone.now())
    html = member_client.get("/appeals/grievances/?status=withdrawn").content.decode()
    assert may.reference in html and june.reference not in html
    html = member_client.get(
        "/appeals/grievances/?filed_from=2026-06-01&filed_to=2026-06-15"
    ).content.decode()
    assert june.reference in html and may.reference not in html
    html = member_client.get(f"/appeals/grievances/?reference={june.reference.lower()}").content.decode()
    assert june.reference in html and may.reference not in html
    html = member_client.get(
        "/appeals/grievances/?filed_from=2026-06-10&filed_to=2026-06-01"
    ).content.decode()
    assert "Enter a date on or after the first one." in html


def test_the_filed_dates_are_the_plans_days(
    member_client: Client, member: Member, totalcare: PlanProfile
) -> None:
    zone = zoneinfo.ZoneInfo(totalcare.time_zone)
    # 23:30 on 14 June at the plan is 14 June, though it is already 15 June in UTC.
    late = make_grievance(member, now=datetime.datetime(2026, 6, 14, 23, 30, tzinfo=zone))
    # 00:00 on 15 June at the plan is the first moment of 15 June.
    first = make_grievance(member, now=datetime.datetime(2026, 6, 15, 0, 0, tzinfo=zone))
    on_14 = member_client.get("/appeals/grievances/?filed_from=2026-06-14&filed_to=2026-06-14").content
    on_15 = member_client.get("/appeals/grievances/?filed_from=2026-06-15&filed_to=2026-06-15").content
    assert late.reference.encode() in on_14 and first.reference.encode() not in on_14
    assert first.reference.encode() in on_15 and late.reference.encode() not in on_15


def test_the_lists_make_the_same_queries_for_one_case_and_for_many(
    member_client: Client, member: Member
) -> None:
    make_appeal(member)
    make_grievance(member)
    member_client.get("/appeals/")
    one = (queries_for(member_client, "/appeals/"), queries_for(member_client, "/appeals/grievances/"))
    for _ in range(30):
        make_appeal(member)
        make_grievance(member)
    many = (queries_for(member_client, "/appeals/"), queries_for(member_client, "/appeals/grievances/"))
    assert one == many


def test_a_case_page_makes_the_same_queries_whatever_its_history(
    member_client: Client, member: Member
) -> None:
    staff = make_staff()
    short, long = make_appeal(member), make_appeal(member)
    services.acknowledge(case=long, by=staff, now=timezone.now())
    services.assign(case=long, to=staff, by=staff, now=timezone.now())
    services.extend(case=long, days=14, reason="We need your doctor's records.", by=staff, now=timezone.now())
    for n in range(3):
        store_case_file(long, pdf_upload(f"{n}.pdf"))
    member_client.get("/appeals/")
    assert queries_for(member_client, f"/appeals/case/{short.reference}/") == queries_for(
        member_client, f"/appeals/case/{long.reference}/"
    )


def test_a_case_page_shows_its_history_and_letters(member_client: Client, member: Member) -> None:
    case = make_appeal(member)
    services.acknowledge(case=case, by=make_staff(), now=timezone.now())
    html = member_client.get(f"/appeals/case/{case.reference}/").content.decode()
    letter = case.events.get(kind=EventKind.ACKNOWLEDGED)
    assert "Received" in html and "Acknowledged" in html
    assert f"/appeals/case/{case.reference}/letter/{letter.pk}/" in html
    response = member_client.get(f"/appeals/case/{case.reference}/letter/{letter.pk}/")
    assert response["Content-Type"] == "application/pdf" and "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF-")


def test_a_case_page_shows_the_decision_its_history_in_order_and_only_its_own_files(
    member_client: Client, member: Member
) -> None:
    case, other = make_appeal(member), make_appeal(member)
    store_case_file(case, pdf_upload("doctor-letter.pdf"))
    store_case_file(other, pdf_upload("other-case.pdf"))
    # Written in one order, happened in the other (a step recorded late): the page follows the dates.
    received = case.received_at
    CaseEvent.objects.create(case=case, kind=EventKind.ASSIGNED, at=received + datetime.timedelta(days=2))
    CaseEvent.objects.create(case=case, kind=EventKind.ACKNOWLEDGED, at=received + datetime.timedelta(days=1))
    html = member_client.get(f"/appeals/case/{case.reference}/").content.decode()
    steps = [
        "<strong>Received</strong>",
        "<strong>Acknowledged</strong>",
        "<strong>Assigned for review</strong>",
    ]
    assert all(step in html for step in steps)
    assert [html.index(step) for step in steps] == sorted(html.index(step) for step in steps)
    assert case.authorization is not None and case.authorization.authorization_number in html
    assert "doctor-letter.pdf" in html and "other-case.pdf" not in html


def test_withdraw_while_open(member_client: Client, member: Member) -> None:
    case = make_grievance(member)
    response = member_client.post(f"/appeals/case/{case.reference}/withdraw/", follow=True)
    case.refresh_from_db()
    assert case.status == CaseStatus.WITHDRAWN
    assert "Your case was withdrawn." in response.content.decode()
    assert ">Withdraw<" not in response.content.decode()


def test_an_upheld_denial_shows_the_right_to_a_state_hearing(member_client: Client, member: Member) -> None:
    case = make_appeal(member)
    services.resolve(
        case=case,
        outcome="upheld",
        reason="The records do not show the need.",
        by=make_staff(),
        now=timezone.now(),
    )
    html = member_client.get(f"/appeals/case/{case.reference}/").content.decode()
    assert "Your right to a State Hearing" in html
    assert "ask for a State Hearing until Oct. 13, 2026" in html  # 120 days from 15 June


def test_another_members_case_files_and_letters_are_not_found(
    member_client: Client, make_member: Callable[..., Member]
) -> None:
    theirs = make_appeal(make_member())
    services.acknowledge(case=theirs, by=make_staff(), now=timezone.now())
    stored = store_case_file(theirs, pdf_upload("a.pdf", b"%PDF-"))
    letter = theirs.events.get(kind=EventKind.ACKNOWLEDGED)
    assert member_client.get(f"/appeals/case/{theirs.reference}/").status_code == 404
    assert member_client.get(f"/appeals/case/{theirs.reference}/letter/{letter.pk}/").status_code == 404
    assert member_client.get(f"/appeals/case/{theirs.reference}/file/{stored.public_id}/").status_code == 404
    assert member_client.post(f"/appeals/case/{theirs.reference}/withdraw/").status_code == 404


def test_the_member_gets_their_own_file_back_not_stored_by_the_browser(
    member_client: Client, member: Member
) -> None:
    case = make_grievance(member)
    stored = store_case_file(case, pdf_upload("a.pdf", b"%PDF-1.7 mine"))
    response = member_client.get(f"/appeals/case/{case.reference}/file/{stored.public_id}/")
    assert response.content == b"%PDF-1.7 mine"
    assert "no-store" in response["Cache-Control"] and response["Content-Type"] == "application/pdf"
