"""Download as CSV (the filtered list, safe in a spreadsheet) and Print explanation of benefits
(a tagged PDF in the member's language with the plan's phones)."""

import csv
import datetime
import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.test import Client

from audit.models import AuditEvent
from claims.models import Claim, ClaimStatus, EobPdf
from members.models import Member
from portal.plans import PlanProfile
from tests.claims.records import make_claim
from tests.idcards.conftest import pdf_streams
from tests.pdfs import pdf_text


@pytest.fixture(autouse=True)
def june() -> Iterator[None]:
    with time_machine.travel(datetime.datetime(2026, 6, 15, 18, 0, tzinfo=datetime.UTC), tick=False):
        yield


def csv_rows(client: Client, url: str) -> list[list[str]]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="medical-claims.csv"'
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))  # type: ignore[attr-defined]


def test_the_csv_holds_the_filtered_list(member_client: Client, member: Member) -> None:
    make_claim(member, service=datetime.date(2026, 5, 1), claim_number="C-MAY", provider="=HYPERLINK(1)")
    make_claim(member, service=datetime.date(2026, 3, 1), claim_number="C-MAR")
    make_claim(member, service=datetime.date(2025, 1, 1), claim_number="C-OLD")

    rows = csv_rows(member_client, "/claims/medical/download/")
    assert rows[0] == [
        "Service from", "Service to", "Provider", "Claim number", "Status", "Network",
        "Billed", "Allowed", "Plan paid", "You may owe",
    ]  # fmt: skip
    assert rows[1] == ["2026-05-01", "2026-05-01", "'=HYPERLINK(1)", "C-MAY", "Paid", "In network",
                       "150.00", "100.00", "80.00", "20.00"]  # fmt: skip
    assert [row[3] for row in rows[1:]] == ["C-MAY", "C-MAR"]

    filtered = csv_rows(member_client, "/claims/medical/download/?start=2025-01-01&end=2026-04-01")
    assert [row[3] for row in filtered[1:]] == ["C-MAR", "C-OLD"]
    assert AuditEvent.objects.filter(action="claims.downloaded", member=member).count() == 2


def test_the_explanation_of_benefits_is_a_tagged_pdf(
    member_client: Client, member: Member, tmp_path: Path, use_plan: Callable[[str], PlanProfile]
) -> None:
    plan = use_plan("totalcare")
    claim = make_claim(
        member,
        service=datetime.date(2026, 4, 2),
        status=ClaimStatus.DENIED,
        denial_reason="No prior authorization",
    )

    response = member_client.get(f"/claims/claim/{claim.pk}/explanation-of-benefits/")

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    inflated = pdf_streams(response.content)
    assert b"/StructTreeRoot" in inflated and b"/Lang (en)" in inflated and b"pdfuaid" in inflated
    text = " ".join(pdf_text(response.content, tmp_path).split())
    for printed in [claim.claim_number, member.member_id, "This is not a bill.", "No prior authorization",
                    "$150.00", plan.member_services.number, "800-735-2929", "How to appeal"]:  # fmt: skip
        assert printed in text, printed
    assert AuditEvent.objects.filter(action="claims.eob_printed", member=member).exists()


def test_the_explanation_of_benefits_is_in_the_members_language(
    member_client: Client, member: Member, tmp_path: Path
) -> None:
    claim = make_claim(member, service=datetime.date(2026, 4, 2))
    member_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "pt-br"

    response = member_client.get(f"/claims/claim/{claim.pk}/explanation-of-benefits/")

    assert b"/Lang (pt-br)" in pdf_streams(response.content)
    text = " ".join(pdf_text(response.content, tmp_path).split())
    assert "US$ 150,00" in text


def test_an_unchanged_explanation_of_benefits_is_printed_again_from_the_kept_pdf(
    member_client: Client, member: Member, tmp_path: Path
) -> None:
    claim = make_claim(member, service=datetime.date(2026, 4, 2), status=ClaimStatus.PENDING)
    url = f"/claims/claim/{claim.pk}/explanation-of-benefits/"
    first = member_client.get(url).content
    rendered_at = EobPdf.objects.get(claim=claim).created_at

    with time_machine.travel(datetime.datetime(2026, 6, 15, 18, 1, tzinfo=datetime.UTC), tick=False):
        again = member_client.get(url).content
        assert again == first
        assert EobPdf.objects.get(claim=claim).created_at == rendered_at, "not rendered again"

        # The plan's nightly file adjusts the claim: the next print shows it.
        Claim.objects.filter(pk=claim.pk).update(status=ClaimStatus.DENIED)
        adjusted = member_client.get(url).content
        assert "Denied" in pdf_text(adjusted, tmp_path) and "Denied" not in pdf_text(first, tmp_path)
        assert EobPdf.objects.get(claim=claim).created_at > rendered_at

        member_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
        assert b"/Lang (es)" in pdf_streams(member_client.get(url).content)
    assert EobPdf.objects.count() == 1, "one kept PDF per claim"
