"""Staff work the cases: the queue by nearest deadline with overdue flagged, and each step
(acknowledge, assign, extend, resolve) writing its event, its letter and the member's email in
the member's language; the "Grievances and appeals" role."""

import datetime
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from appeals.files import store_case_file
from appeals.letters import letter_pdf
from appeals.models import Case, CaseEvent, CaseStatus, EventKind
from members.models import Member
from outbox.models import Email
from portal.plans import PlanProfile
from portal.registry import GRIEVANCES_AND_APPEALS
from tests.appeals.cases import make_appeal, make_grievance, pdf_upload
from tests.pdfs import pdf_text
from tests.staff import make_staff, sign_in_with_static_token


@pytest.fixture(autouse=True)
def totalcare(use_plan: Callable[[str], PlanProfile]) -> Iterator[PlanProfile]:
    plan = use_plan("totalcare")
    with time_machine.travel(datetime.datetime(2026, 6, 15, 19, 0, tzinfo=datetime.UTC), tick=False):
        yield plan


@pytest.fixture
def spanish_member(member: Member) -> Member:
    assert member.user is not None
    member.preferred_language = "es"
    member.save()
    member.user.email = "jose@example.com"
    member.user.save()
    return member


def staff() -> Client:
    user = make_staff("lena.appeals")
    user.groups.add(Group.objects.get(name=GRIEVANCES_AND_APPEALS))
    client = Client()
    sign_in_with_static_token(client, user)
    client.user = user  # type: ignore[attr-defined]
    return client


def test_the_queue_puts_the_nearest_deadline_first_and_flags_overdue(
    make_member: Callable[..., Member],
) -> None:
    grievance = make_grievance(make_member())
    expedited = make_appeal(make_member(), expedited=True)
    late = make_appeal(make_member(), now=timezone.now() - datetime.timedelta(days=40))
    client = staff()
    html = client.get("/admin/appeals/case/").content.decode()
    assert html.index(late.reference) < html.index(expedited.reference) < html.index(grievance.reference)
    assert 'alt="True"' in html  # the late one is overdue
    overdue = client.get("/admin/appeals/case/?due=overdue").content.decode()
    assert late.reference in overdue and grievance.reference not in overdue


def _step(client: Client, case: Case, **data: object) -> None:
    response = client.post(f"/admin/appeals/case/{case.pk}/step/", data)
    assert response.status_code == 302, response.content.decode()
    case.refresh_from_db()


def test_each_step_writes_its_event_letter_and_email_in_the_members_language(
    spanish_member: Member, tmp_path: Path
) -> None:
    case = make_appeal(spanish_member)
    client = staff()
    _step(client, case, step="acknowledge")
    assert case.status == CaseStatus.ACKNOWLEDGED
    _step(client, case, step="assign", assignee=str(client.user.pk))  # type: ignore[attr-defined]
    assert case.status == CaseStatus.IN_REVIEW
    before = case.resolve_by
    _step(client, case, step="extend", days="14", reason="Necesitamos los registros de su médico.")
    assert case.status == CaseStatus.EXTENDED and case.resolve_by - before == datetime.timedelta(days=14)
    _step(client, case, step="resolve", outcome="overturned", reason="Su médico mostró la necesidad.")
    assert case.status == CaseStatus.RESOLVED and case.resolved_at is not None

    kinds = list(case.events.order_by("at", "id").values_list("kind", flat=True))
    assert kinds == ["received", "acknowledged", "assigned", "extended", "resolved"]
    emails = Email.objects.filter(member_id=spanish_member.pk).order_by("id")
    assert all(e.language == "es" for e in emails[1:])
    assert all("Necesitamos" not in e.body_text for e in emails)  # no details in an email
    resolved = case.events.get(kind=EventKind.RESOLVED)
    text = pdf_text(letter_pdf(case, resolved, language="es"), tmp_path)
    assert "Su médico mostró la necesidad." in text
    assert "Revocamos nuestra decisión. Autorizaremos los servicios antes del 18 de junio de 2026" in text


def test_an_extension_needs_its_reason_and_at_most_the_profiles_days(member: Member) -> None:
    case = make_appeal(member)
    client = staff()
    response = client.post(
        f"/admin/appeals/case/{case.pk}/step/", {"step": "extend", "days": "15", "reason": ""}
    )
    html = response.content.decode()
    assert "An extension is 1 to 14 days." in html and "Give the reason: the member is told." in html
    case.refresh_from_db()
    assert case.status == CaseStatus.RECEIVED


def test_a_reversed_denial_shows_the_72_hour_duty(member_client: Client, member: Member) -> None:
    case = make_appeal(member)
    _step(staff(), case, step="resolve", outcome="overturned", reason="Approved.")
    html = member_client.get(f"/appeals/case/{case.reference}/").content.decode()
    assert "We will authorize the services by June 18, 2026" in html


def test_staff_download_a_members_file_not_stored_by_the_browser(member: Member) -> None:
    case = make_grievance(member)
    stored = store_case_file(case, pdf_upload("bill.pdf", b"%PDF-1.7 x"))
    client = staff()
    page = client.get(f"/admin/appeals/case/{case.pk}/change/").content.decode()
    assert f"/admin/appeals/case/file/{stored.public_id}/" in page
    response = client.get(f"/admin/appeals/case/file/{stored.public_id}/")
    assert response.content == b"%PDF-1.7 x" and "no-store" in response["Cache-Control"]
    assert Client().get(f"/admin/appeals/case/file/{stored.public_id}/").status_code == 302  # to sign-in


def test_staff_see_a_cases_history_in_the_order_it_happened(member: Member) -> None:
    case = make_appeal(member)
    # Recorded late: written after the assignment, though it happened the day before.
    CaseEvent.objects.create(
        case=case, kind=EventKind.ASSIGNED, at=case.received_at + datetime.timedelta(days=2)
    )
    CaseEvent.objects.create(
        case=case, kind=EventKind.ACKNOWLEDGED, at=case.received_at + datetime.timedelta(days=1)
    )
    html = staff().get(f"/admin/appeals/case/{case.pk}/change/").content.decode()
    # The history inline: each event's kind as a read-only cell, one row per event.
    kinds = re.findall(r'<td class="field-kind">\s*<p>([^<]*)</p>', html)
    assert kinds == ["Received", "Acknowledged", "Assigned for review"]
