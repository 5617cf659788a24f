"""The printed ID card carries the plan of the profile being served: its name, Member Services
line, logo and colour."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from idcards.cards import id_card_for
from idcards.printing import card_pdf_html
from members.models import Member
from portal.clock import plan_today
from tests.conftest import UsePlan
from tests.idcards.conftest import pdf_streams

# MassHealth's MyServices shows no ID card (its profile leaves the feature off).
PROFILES = ["alliance", "totalcare", "demo"]


@pytest.mark.parametrize("name", PROFILES)
def test_the_printed_card_names_the_plan_and_its_phone(
    use_plan: UsePlan, name: str, member_client: Client, carded_member: Member, tmp_path: Path
) -> None:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    plan = use_plan(name)
    response = member_client.get(reverse("idcard_print"))
    assert response.status_code == 200
    path = tmp_path / "card.pdf"
    path.write_bytes(response.content)
    printed = subprocess.run([tool, str(path), "-"], check=True, capture_output=True, text=True).stdout  # noqa: S603
    text = " ".join(printed.split())
    assert plan.plan_name in text
    assert plan.member_services.number in text
    # The plan's logo, titled with its name, and its band colour.
    assert f"/Alt ({plan.plan_name})".encode() in pdf_streams(response.content)
    assert f"background: {plan.brand.primary};" in card_pdf_html(id_card_for(carded_member, plan_today()))
