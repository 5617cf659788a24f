"""Change PCP: choose → reason → Save; the change starts on the first of next month in the plan's
time zone, replaces a pending one, refuses what cannot be chosen, survives a double Save and a
race, emails a confirmation, and is visible to staff."""

import datetime
import threading
from typing import TYPE_CHECKING

import pytest
import time_machine
from django.db import close_old_connections, connection
from django.test import Client

from members.models import Member, User
from outbox.models import Email
from providers.models import PcpAssignment, PcpChangeReason, PcpChangeRequest, PcpChangeStatus, Provider
from providers.services import PcpChangeRefused, pcp_change_request
from tests.providers.pcp_factories import assign, make_provider, pcp_block
from tests.staff import make_staff, sign_in_with_static_token

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse

SEPT_15 = datetime.datetime(2026, 9, 15, 19, 0, tzinfo=datetime.UTC)


@pytest.fixture
def member(member: Member) -> Member:
    """The shared member, with the email address of their online account."""
    assert member.user is not None
    member.user.email = "jose@example.com"
    member.user.save()
    return member


@pytest.fixture
def current(member: Member) -> Provider:
    doctor = make_provider(first_name="Lucía", last_name="García")
    assign(member, doctor, datetime.date(2025, 1, 1))
    return doctor


@pytest.fixture
def new_doctor(db: None) -> Provider:
    return make_provider(first_name="André", last_name="Dubois", languages=["en", "fr"])


def change(
    member: Member, provider: Provider, reason: str = PcpChangeReason.MEMBER_REQUEST
) -> PcpChangeRequest:
    return pcp_change_request(member=member, provider=provider, reason=reason, requested_by=member.user)


def history(member: Member) -> list[tuple[str, datetime.date, datetime.date | None]]:
    rows = PcpAssignment.objects.filter(member=member).select_related("provider").order_by("effective_from")
    return [(row.provider.last_name, row.effective_from, row.effective_to) for row in rows]


def save(client: Client, provider: Provider, reason: str = "member_request") -> "_MonkeyPatchedWSGIResponse":
    return client.post("/providers/change/reason/", {"provider": provider.pk, "reason": reason})


def fresh_session(member: Member) -> Client:
    """A new log-in: sessions time out, and these tests jump weeks ahead."""
    client = Client()
    assert member.user is not None
    client.force_login(member.user)
    return client


# --- The pages ---------------------------------------------------------------------------


@time_machine.travel(SEPT_15, tick=False)
def test_change_then_save_makes_the_change_from_the_first_of_next_month(
    member_client: Client, member: Member, current: Provider, new_doctor: Provider
) -> None:
    response = member_client.post(
        "/providers/change/reason/", {"provider": new_doctor.pk, "search": "last_name=dub"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "André Dubois" in html
    assert "Reason for changing your Primary Care Provider" in html
    assert '<option value="member_request">Member Request</option>' in html
    assert ">Save</button>" in html
    assert "The change takes effect on Oct. 1, 2026." in html
    assert PcpChangeRequest.objects.count() == 0  # nothing changes before Save

    response = member_client.post(
        "/providers/change/reason/",
        {"provider": new_doctor.pk, "reason": "member_request", "search": "last_name=dub"},
        follow=True,
    )

    assert response.redirect_chain == [("/providers/", 302)]
    html = response.content.decode()
    assert "André Dubois will be your primary care provider starting Oct. 1, 2026." in html
    assert "Lucía García" in pcp_block(html, "current")
    assert "Your new PCP starting Oct. 1, 2026" in html
    assert history(member) == [
        ("García", datetime.date(2025, 1, 1), datetime.date(2026, 9, 30)),
        ("Dubois", datetime.date(2026, 10, 1), None),
    ]
    request = PcpChangeRequest.objects.get()
    assert (request.old_provider, request.new_provider, request.reason) == (
        current,
        new_doctor,
        "member_request",
    )
    assert request.requested_by == member.user


def test_my_pcp_shows_the_new_doctor_once_the_date_arrives(
    member_client: Client, member: Member, current: Provider, new_doctor: Provider
) -> None:
    with time_machine.travel(SEPT_15, tick=False):
        save(member_client, new_doctor)
    with time_machine.travel(datetime.datetime(2026, 9, 30, 23, 0, tzinfo=datetime.UTC), tick=False):
        # 4 p.m. on September 30 in California: still the old doctor.
        html = fresh_session(member).get("/providers/").content.decode()
        assert "García" in pcp_block(html, "current")
    with time_machine.travel(datetime.datetime(2026, 10, 1, 17, 0, tzinfo=datetime.UTC), tick=False):
        html = fresh_session(member).get("/providers/").content.decode()
    assert "André Dubois" in pcp_block(html, "current")
    assert "pcp--pending" not in html
    past = html.split("Doctors you have seen before")[1]
    assert "Lucía García" in past and "Jan. 1, 2025 to Sept. 30, 2026" in past


@time_machine.travel(SEPT_15, tick=False)
def test_reason_is_required(
    member_client: Client, member: Member, current: Provider, new_doctor: Provider
) -> None:
    response = save(member_client, new_doctor, reason="")
    assert response.status_code == 200
    assert "Choose your reason for changing your PCP from the list." in response.content.decode()
    assert PcpChangeRequest.objects.count() == 0


@time_machine.travel(SEPT_15, tick=False)
def test_change_without_choosing_a_doctor_goes_back_to_the_same_results_page(
    member_client: Client, member: Member
) -> None:
    # The error is shown next to the Change button (test_pcp_results.py); only the search's own
    # fields and its page go back into the link.
    response = member_client.post("/providers/change/reason/", {"search": "last_name=gar&page=2&evil=x"})
    assert response.status_code == 302
    assert response["Location"] == "/providers/change/?last_name=gar&page=2&error=choose#choose-error"


@time_machine.travel(SEPT_15, tick=False)
def test_change_without_a_search_to_go_back_to_says_why_at_the_top(
    member_client: Client, member: Member
) -> None:
    response = member_client.post("/providers/change/reason/", {}, follow=True)
    assert response.redirect_chain == [("/providers/change/", 302)]
    assert "Choose a doctor from the search results." in response.content.decode()


@time_machine.travel(SEPT_15, tick=False)
def test_a_provider_id_not_in_the_directory_is_refused(member_client: Client, member: Member) -> None:
    response = member_client.post(
        "/providers/change/reason/", {"provider": 999_999, "reason": "member_request"}
    )
    assert response.status_code == 302
    assert PcpChangeRequest.objects.count() == 0


@time_machine.travel(SEPT_15, tick=False)
def test_choosing_a_provider_who_cannot_be_chosen_shows_why(
    member_client: Client, member: Member, current: Provider
) -> None:
    full = make_provider(last_name="Full", accepting_new_patients=False)
    response = member_client.post("/providers/change/reason/", {"provider": full.pk}, follow=True)
    assert "This provider is not accepting new patients." in response.content.decode()
    assert save(member_client, full).status_code == 302
    assert PcpChangeRequest.objects.count() == 0


def test_reason_page_by_get_goes_to_the_search(member_client: Client) -> None:
    response = member_client.get("/providers/change/reason/")
    assert response.status_code == 302 and response["Location"] == "/providers/change/"


# --- The effective date ------------------------------------------------------------------


@pytest.mark.parametrize(
    "now, effective",
    [
        (datetime.datetime(2026, 9, 15, 19, 0, tzinfo=datetime.UTC), datetime.date(2026, 10, 1)),
        (datetime.datetime(2026, 12, 31, 20, 0, tzinfo=datetime.UTC), datetime.date(2027, 1, 1)),
        # Already October 1 in UTC, but still September 30 in Los Angeles.
        (datetime.datetime(2026, 10, 1, 6, 30, tzinfo=datetime.UTC), datetime.date(2026, 10, 1)),
        (datetime.datetime(2026, 10, 1, 7, 30, tzinfo=datetime.UTC), datetime.date(2026, 11, 1)),
    ],
)
def test_change_takes_effect_on_the_first_of_next_month_in_the_plans_time_zone(
    member: Member, current: Provider, new_doctor: Provider, now: datetime.datetime, effective: datetime.date
) -> None:
    with time_machine.travel(now, tick=False):
        request = change(member, new_doctor)
    assert request.effective_date == effective
    assert history(member) == [
        ("García", datetime.date(2025, 1, 1), effective - datetime.timedelta(days=1)),
        ("Dubois", effective, None),
    ]


# --- The rules ---------------------------------------------------------------------------


@time_machine.travel(SEPT_15, tick=False)
def test_a_second_change_replaces_the_pending_one(
    member: Member, current: Provider, new_doctor: Provider
) -> None:
    first = change(member, new_doctor)
    other = make_provider(first_name="Mei", last_name="Chen")

    second = change(member, other, reason=PcpChangeReason.LANGUAGE)

    assert history(member) == [
        ("García", datetime.date(2025, 1, 1), datetime.date(2026, 9, 30)),
        ("Chen", datetime.date(2026, 10, 1), None),
    ]
    first.refresh_from_db()
    assert first.status == PcpChangeStatus.REPLACED
    assert second.status == PcpChangeStatus.REQUESTED
    assert second.old_provider == current


@time_machine.travel(SEPT_15, tick=False)
def test_changing_back_to_the_current_pcp_is_refused_even_with_a_change_pending(
    member: Member, current: Provider, new_doctor: Provider
) -> None:
    change(member, new_doctor)
    with pytest.raises(PcpChangeRefused, match="already your PCP"):
        change(member, current)
    assert history(member)[-1] == ("Dubois", datetime.date(2026, 10, 1), None)


@pytest.mark.parametrize(
    "fields, reason",
    [
        ({"accepting_new_patients": False}, "not accepting new patients"),
        ({"is_primary_care": False, "specialty": "Cardiology"}, "not a primary care provider"),
        ({"county": "Merced"}, "outside your county"),
    ],
)
@time_machine.travel(SEPT_15, tick=False)
def test_providers_who_cannot_be_chosen_are_refused_with_the_reason(
    member: Member, current: Provider, fields: dict[str, object], reason: str
) -> None:
    provider = make_provider(last_name="Other", **fields)
    with pytest.raises(PcpChangeRefused, match=reason):
        change(member, provider)
    assert PcpChangeRequest.objects.count() == 0
    assert history(member) == [("García", datetime.date(2025, 1, 1), None)]
    assert Email.objects.count() == 0


@time_machine.travel(SEPT_15, tick=False)
def test_county_comparison_ignores_case(member: Member, current: Provider) -> None:
    provider = make_provider(last_name="Upper", county="MONTEREY")
    assert change(member, provider).new_provider == provider


@time_machine.travel(SEPT_15, tick=False)
def test_a_member_without_a_pcp_can_choose_one(member: Member, new_doctor: Provider) -> None:
    request = change(member, new_doctor)
    assert request.old_provider is None
    assert history(member) == [("Dubois", datetime.date(2026, 10, 1), None)]


# --- Double Save, the race, the email ------------------------------------------------------


@time_machine.travel(SEPT_15, tick=False)
def test_a_double_submitted_save_makes_one_change_and_one_email(
    member_client: Client, member: Member, current: Provider, new_doctor: Provider
) -> None:
    first = save(member_client, new_doctor)
    second = save(member_client, new_doctor)

    assert first["Location"] == second["Location"] == "/providers/"
    assert PcpChangeRequest.objects.count() == 1
    assert Email.objects.filter(template="providers/pcp_change_confirmation").count() == 1
    assert len(history(member)) == 2


@time_machine.travel(SEPT_15, tick=False)
def test_confirmation_email_names_the_doctor_and_the_date_only(
    member: Member, current: Provider, new_doctor: Provider
) -> None:
    change(member, new_doctor)

    email = Email.objects.get()
    assert email.to == "jose@example.com"
    assert email.member == member
    assert email.subject == "Your primary care provider change"
    assert "André Dubois" in email.body_text and "Oct. 1, 2026" in email.body_text
    assert "André Dubois" in email.body_html
    assert member.member_id not in email.body_text
    assert "1980" not in email.body_text


@time_machine.travel(SEPT_15, tick=False)
def test_confirmation_email_goes_in_the_members_language(
    member: Member, current: Provider, new_doctor: Provider
) -> None:
    assert member.user is not None
    member.user.preferred_language = "es"
    member.user.save()
    change(member, new_doctor)
    assert Email.objects.get().language == "es"


@pytest.mark.django_db(transaction=True)
def test_two_racing_changes_leave_one_consistent_result(member: Member) -> None:
    current = make_provider(last_name="García")
    assign(member, current, datetime.date(2025, 1, 1))
    rivals = [make_provider(last_name="Chen"), make_provider(last_name="Dubois")]
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def choose(provider: Provider) -> None:
        try:
            start.wait()
            change(member, provider)
        except BaseException as error:  # reported by the assertion below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    with time_machine.travel(SEPT_15, tick=False):
        threads = [threading.Thread(target=choose, args=(p,)) for p in rivals]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert errors == []
    rows = history(member)
    assert rows[0] == ("García", datetime.date(2025, 1, 1), datetime.date(2026, 9, 30))
    assert len(rows) == 2 and rows[1][1:] == (datetime.date(2026, 10, 1), None)
    winner = PcpChangeRequest.objects.get(member=member, status=PcpChangeStatus.REQUESTED)
    loser = PcpChangeRequest.objects.get(member=member, status=PcpChangeStatus.REPLACED)
    assert winner.new_provider.last_name == rows[1][0]
    assert {winner.new_provider, loser.new_provider} == set(rivals)
    assert PcpAssignment.objects.filter(member=member, effective_to__isnull=True).count() == 1


# --- Staff ---------------------------------------------------------------------------------


@time_machine.travel(SEPT_15, tick=False)
def test_staff_see_every_request_in_the_admin_read_only(
    client: Client, member: Member, current: Provider, new_doctor: Provider
) -> None:
    request = change(member, new_doctor)
    staff: User = make_staff(superuser=True)
    sign_in_with_static_token(client, staff)

    html = client.get(f"/admin/providers/pcpchangerequest/?q={member.member_id}").content.decode()
    assert "Dubois" in html and "García" in html and "Member Request" in html and "Oct. 1, 2026" in html
    assert client.get("/admin/providers/pcpchangerequest/?q=NOBODY").content.decode().count("Dubois") == 0
    assert client.get("/admin/providers/pcpchangerequest/add/").status_code == 403
    response = client.post(
        f"/admin/providers/pcpchangerequest/{request.pk}/change/", {"reason": "other", "status": "replaced"}
    )
    assert response.status_code == 403
    request.refresh_from_db()
    assert request.reason == "member_request"
