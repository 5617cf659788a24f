"""seed_demo's MyServices data: the demo member heads a household whose tabs are all filled."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from documents.models import Document, Notice
from eligibility.models import Alert, EligibilitySpan
from households.models import HouseholdRole, Role
from members.models import Member
from tests.conftest import UsePlan

TODAY = datetime.date(2026, 11, 22)


@pytest.fixture
def seeded(db: None) -> None:
    call_command(
        "seed_demo", "--members", "60", "--providers", "20", "--today", TODAY.isoformat(), stdout=StringIO()
    )


def test_the_demo_member_heads_a_household_with_every_tab_filled(seeded: None, use_plan: UsePlan) -> None:
    use_plan("masshealth")
    demo = Member.objects.get(member_id="DEMO0001")
    assert HouseholdRole.objects.get(member=demo).role == Role.HEAD_OF_HOUSEHOLD
    household = list(Member.objects.filter(head_of_household=demo))
    assert len(household) == 3
    assert all(HouseholdRole.objects.get(member=m).role == Role.HOUSEHOLD_MEMBER for m in household)
    for member in [demo, *household]:
        assert EligibilitySpan.objects.filter(member=member).exists()
        assert Document.objects.filter(member=member).exists()
        assert Notice.objects.filter(member=member).count() == 3
        assert Alert.objects.filter(member=member, resolved_date__isnull=True).exists()

    client = Client()
    assert demo.user is not None
    client.force_login(demo.user)
    home = client.get("/").content.decode()
    assert "Alerts and actions needed" in home
    benefits = client.get("/my/benefits/").content.decode()
    assert "Viewing: José Núñez-Ortiz" in benefits and "Eligible" in benefits
    notice = Notice.objects.filter(member=demo).first()
    assert notice is not None
    response = client.get(f"/my/notices/{notice.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")  # type: ignore[attr-defined]


def test_most_members_have_eligibility_and_some_notices_and_alerts(seeded: None) -> None:
    members = Member.objects.count()
    assert HouseholdRole.objects.count() == members
    assert EligibilitySpan.objects.values("member").distinct().count() == members
    assert Notice.objects.values("member").distinct().count() > members // 2
    assert Alert.objects.exists() and Document.objects.exists()
    # A handful of shared PDFs, not one per notice.
    assert Notice.objects.values("file").distinct().count() <= 4
