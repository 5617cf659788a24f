"""Filing an appeal or a grievance: +Add, both forms, the appeal window's last day and the day
after, supporting files checked by content, one case per form however often it is sent, and
nothing half-written when the database fails part-way."""

import datetime
from collections.abc import Callable, Iterator
from typing import Any
from unittest import mock

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError
from django.test import Client

from appeals.files import content_type_of
from appeals.models import Case, CaseEvent, CaseFile, CaseKind, CaseStatus
from authorizations.appeals import appeal_url
from authorizations.models import Decision
from members.models import Member
from outbox.models import Email
from portal.plans import PlanProfile
from tests.authorizations.factories import make_authorization

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def totalcare(use_plan: Callable[[str], PlanProfile]) -> Iterator[PlanProfile]:
    plan = use_plan("totalcare")
    # Noon in California, 15 June 2026.
    with time_machine.travel(datetime.datetime(2026, 6, 15, 19, 0, tzinfo=datetime.UTC), tick=False):
        yield plan


@pytest.fixture
def email_member(member: Member) -> Member:
    assert member.user is not None
    member.user.email = "jose@example.com"
    member.user.save()
    return member


def _token(client: Client, url: str) -> str:
    html = client.get(url).content.decode()
    start = html.index('name="token" value="') + len('name="token" value="')
    return html[start : start + 36]


def appeal_post(client: Client, url: str, authorization: Any, **extra: Any) -> dict[str, Any]:
    return {
        "token": _token(client, url),
        "authorization": str(authorization.public_id),
        "description": "The doctor says I need the MRI before surgery.",
        "contact_phone": "(831) 555-0123",
        **extra,
    }


def test_add_offers_appeal_or_grievance_on_a_page_of_its_own(member_client: Client) -> None:
    html = member_client.get("/appeals/").content.decode()
    assert 'href="/appeals/new/"' in html and "+Add" in html
    choice = member_client.get("/appeals/new/").content.decode()
    assert 'href="/appeals/new/appeal/"' in choice and 'href="/appeals/new/grievance/"' in choice


def test_filing_an_appeal_gives_a_reference_the_dates_owed_and_an_email_without_details(
    member_client: Client, email_member: Member
) -> None:
    denied = make_authorization(
        email_member, decision=Decision.DENIED, decision_date=datetime.date(2026, 6, 1)
    )
    url = appeal_url(denied)
    form = member_client.get(url).content.decode()
    assert "checked" in form  # the decision from ?authorization= is chosen

    response = member_client.post(url, appeal_post(member_client, url, denied), follow=True)

    case = Case.objects.get()
    assert case.kind == CaseKind.APPEAL and case.status == CaseStatus.RECEIVED and not case.expedited
    assert case.contact_phone == "+18315550123"
    html = response.content.decode()
    assert case.reference in html and "Received" in html
    assert "Acknowledgement by June 20, 2026" in html  # 5 calendar days
    email = Email.objects.get()
    assert email.to == "jose@example.com"
    assert case.reference not in email.body_text and "MRI" not in email.body_text
    assert "/appeals/" in email.body_text
    assert CaseEvent.objects.get().kind == "received"


def test_an_expedited_appeal_is_owed_within_72_hours(member_client: Client, member: Member) -> None:
    denied = make_authorization(member, decision=Decision.DENIED, decision_date=datetime.date(2026, 6, 1))
    url = appeal_url(denied)
    member_client.post(url, appeal_post(member_client, url, denied, expedited="on"))
    case = Case.objects.get()
    assert case.expedited
    assert case.resolve_by - case.received_at == datetime.timedelta(hours=72)


def test_the_appeal_window_is_open_on_its_last_day(member_client: Client, member: Member) -> None:
    # Decided 11 April: TotalCare's 65 days end on 15 June, today.
    denied = make_authorization(member, decision=Decision.DENIED, decision_date=datetime.date(2026, 4, 11))
    url = appeal_url(denied)
    member_client.post(url, appeal_post(member_client, url, denied))
    assert Case.objects.filter(authorization=denied).exists()


def test_the_day_after_the_window_the_form_refuses_with_the_date_and_what_is_left(
    member_client: Client, member: Member
) -> None:
    late = make_authorization(member, decision=Decision.DENIED, decision_date=datetime.date(2026, 4, 10))
    html = member_client.get(appeal_url(late)).content.decode()
    assert "ended on June 14, 2026" in html
    assert 'href="/appeals/new/grievance/"' in html
    assert 'enctype="multipart/form-data"' not in html
    # Sending it anyway is refused too: the decision is not among the choices.
    response = member_client.post("/appeals/new/appeal/", {"authorization": str(late.public_id)})
    assert response.status_code == 200 and not Case.objects.exists()


def test_another_members_decision_cannot_be_appealed(
    member_client: Client, make_member: Callable[..., Member]
) -> None:
    theirs = make_authorization(
        make_member(), decision=Decision.DENIED, decision_date=datetime.date(2026, 6, 1)
    )
    assert member_client.get(appeal_url(theirs)).status_code == 404


def test_a_double_submit_files_one_case(member_client: Client, member: Member) -> None:
    denied = make_authorization(member, decision=Decision.DENIED, decision_date=datetime.date(2026, 6, 1))
    url = appeal_url(denied)
    data = appeal_post(member_client, url, denied)
    first = member_client.post(url, data)
    second = member_client.post(url, data)
    assert Case.objects.count() == 1 and Email.objects.count() <= 1
    assert first["Location"] == second["Location"]


def test_filing_a_grievance(member_client: Client, member: Member) -> None:
    url = "/appeals/new/grievance/"
    response = member_client.post(
        url,
        {
            "token": _token(member_client, url),
            "category": "customer service",
            "description": "Nobody called me back.",
            "occurred_on": "2026-06-10",
            "attachments": SimpleUploadedFile("letter.pdf", PDF, content_type="application/pdf"),
        },
    )
    case = Case.objects.get()
    assert response["Location"] == f"/appeals/case/{case.reference}/"
    assert case.kind == CaseKind.GRIEVANCE and case.occurred_on == datetime.date(2026, 6, 10)
    assert case.resolve_by.date() == datetime.date(2026, 9, 14)  # the end of 13 September, 90 days
    stored = CaseFile.objects.get()
    assert stored.content_type == "application/pdf" and stored.name == "letter.pdf"


def test_the_upload_limits_are_stated_before_choosing_a_file(member_client: Client) -> None:
    html = member_client.get("/appeals/new/grievance/").content.decode()
    assert "Up to 5 files, PDF, JPEG or PNG, each at most 10.0\xa0MB." in html


def _grievance_with(client: Client, *files: SimpleUploadedFile) -> str:
    url = "/appeals/new/grievance/"
    data = {
        "token": _token(client, url),
        "category": "bill",
        "description": "A bill.",
        "attachments": list(files),
    }
    return client.post(url, data).content.decode()


def test_a_renamed_executable_is_refused(member_client: Client) -> None:
    html = _grievance_with(member_client, SimpleUploadedFile("scan.pdf", b"MZ\x90\x00" + b"\x00" * 60))
    assert "scan.pdf is not a PDF, JPEG or PNG file." in html
    assert not Case.objects.exists()


def test_an_11_mb_file_is_refused_with_the_limit(member_client: Client) -> None:
    big = SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * (11 * 1024 * 1024))
    html = _grievance_with(member_client, big)
    assert "photo.png is larger than 10.0\xa0MB. Each file can be at most 10.0\xa0MB." in html
    assert not Case.objects.exists()


def test_at_most_five_files(member_client: Client) -> None:
    files = [SimpleUploadedFile(f"{n}.pdf", PDF) for n in range(6)]
    assert "Send at most 5 files." in _grievance_with(member_client, *files)


def test_nothing_is_half_written_when_the_database_fails_mid_filing(
    member_client: Client, email_member: Member
) -> None:
    url = "/appeals/new/grievance/"
    data = {
        "token": _token(member_client, url),
        "category": "bill",
        "description": "A bill.",
        "attachments": SimpleUploadedFile("bill.pdf", PDF),
    }
    member_client.raise_request_exception = True
    failing = mock.patch.object(CaseFile.objects, "create", side_effect=DatabaseError("connection lost"))
    with failing, pytest.raises(DatabaseError):
        member_client.post(url, data)
    assert not Case.objects.exists() and not CaseEvent.objects.exists() and not Email.objects.exists()


def test_files_are_checked_by_content_not_by_name() -> None:
    assert content_type_of(SimpleUploadedFile("x.txt", b"\xff\xd8\xff\xe0rest")) == "image/jpeg"
    assert content_type_of(SimpleUploadedFile("x.pdf", b"hello")) is None
